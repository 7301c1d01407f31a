import { Injectable, Optional } from '@nestjs/common';
import { AuditTrail, type AuditEntry } from '@binh-yen/audit';
import type { EventEnvelope } from '@binh-yen/contracts';
import { fingerprintOf, IdempotencyService } from '@binh-yen/idempotency';
import { OutboxWriter } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';
import type { CommandContext } from './command-context';

/** A command as the idempotency key sees it: its name, and the request the key must keep meaning. */
export interface Command {
  name: string;
  /** Fingerprinted when a key is given: the same key with another request is refused. */
  request: unknown;
}

/** What a use case decided: the answer, the events of the change and its audit entry. */
export interface CommandDecision<V> {
  view: V;
  events?: readonly EventEnvelope[];
  audit?: AuditEntry;
}

/** The use case's part: read, decide and change its own tables through `tx`; never commit, audit or append. */
export type Decide<V> = (tx: EntityManager) => Promise<CommandDecision<V>>;

/**
 * The one path of every write (ADR 0039). It owns the idempotency key, the transaction, the audit
 * row and the outbox; a use case only decides. The audit row, `audit.recorded` and the change's
 * own events go in one statement (the outbox's CTE): one round trip per command for all three.
 */
@Injectable()
export class CommandPipeline {
  constructor(
    private readonly idempotency: IdempotencyService,
    // A service without events or audit (reporting) runs commands that decide neither.
    @Optional() private readonly outbox?: OutboxWriter,
    @Optional() private readonly auditTrail?: AuditTrail,
  ) {}

  async run<V>(command: Command, context: CommandContext, decide: Decide<V>): Promise<V> {
    const fingerprint = context.idempotencyKey === undefined ? '' : fingerprintOf(command.request);
    const { result } = await this.idempotency.run(context.idempotencyKey, { command: command.name, caller: context.caller }, fingerprint, async (tx) => {
      const decision = await decide(tx);
      await this.record(tx, context, decision);
      return decision.view;
    });
    return result;
  }

  private async record(tx: EntityManager, context: CommandContext, decision: CommandDecision<unknown>): Promise<void> {
    const events = decision.events ?? [];
    if (!decision.audit && events.length === 0) return;
    if (!this.outbox) throw new Error('CommandPipeline: this service has no outbox (MessagingModule) for the events or the audit entry');
    if (!decision.audit) return this.outbox.append(tx, events);
    if (!this.auditTrail) throw new Error('CommandPipeline: this service has no audit trail (AuditModule)');
    const audit = this.auditTrail.prepare(context.caller, decision.audit, context.now);
    await this.outbox.append(tx, [audit.event, ...events], audit.row);
  }
}
