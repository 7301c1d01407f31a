import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@binh-yen/auth';
import { AuditEventTypes, uuidv7, type AuditRecordedV1, type EventEnvelope } from '@binh-yen/contracts';
import { currentRequestId } from '@binh-yen/http';
import { MESSAGING_OPTIONS, OutboxWriter, type MessagingOptions } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  /** What was done, as in the policy: "unit.rate", "unit.reorganise", ... */
  action: string;
  entityType: string;
  entityId: string;
  /** The unit path the change belongs to (area scope for auditors). */
  area: string;
  before: unknown;
  after: unknown;
}

/**
 * Records every write — who, agency, when, what, before and after, request id — in
 * the same transaction as the write itself, and emits `audit.recorded` through the
 * outbox. Callers pass only what may be shown to auditors (never informant details).
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly outbox: OutboxWriter,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
  ) {}

  /**
   * `events`: the change's own events, appended with `audit.recorded` in one outbox statement
   * (a round trip fewer on a hot command path than appending them apart).
   */
  async record(tx: EntityManager, caller: Caller, entry: AuditEntry, now = new Date(), events: readonly EventEnvelope[] = []): Promise<void> {
    const id = uuidv7(now.getTime());
    const requestId = currentRequestId();
    const row = {
      sql: `INSERT INTO audit_log (id, recorded_at, subject, agency, action, entity_type, entity_id, area, before, after, request_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11)`,
      params: [id, now, caller.subject, caller.agency, entry.action, entry.entityType, entry.entityId, entry.area, json(entry.before), json(entry.after), requestId],
    };
    const event: EventEnvelope<AuditRecordedV1> = {
      id: uuidv7(now.getTime()),
      type: AuditEventTypes.recorded,
      version: 1,
      occurredAt: now.toISOString(),
      aggregate: { type: 'audit', id: entry.entityId.slice(0, 64) },
      sequence: 1,
      actor: { agency: caller.agency, subject: caller.subject },
      area: entry.area,
      data: {
        entryId: id,
        service: this.messaging.serviceName,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        subject: caller.subject,
        agency: caller.agency,
        requestId,
        area: entry.area,
      },
    };
    // The audit row and the events in one statement: one round trip per audited write.
    await this.outbox.append(tx, [event, ...events], row);
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
