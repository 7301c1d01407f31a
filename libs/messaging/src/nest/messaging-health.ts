import { Inject, Injectable } from '@nestjs/common';
import type { ConsumerStats } from '../consumer/projection-runner';
import type { RelayStats } from '../outbox/outbox-relay';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { ProjectionServer } from './projection-server';
import { RelayHost } from './relay-host';

export interface MessagingHealthReport {
  relay: RelayStats | null;
  consumers: ConsumerStats[];
}

/** A part of the event path that cannot recover by itself, and since when. */
export interface DeadPart {
  part: string;
  since: string;
  reason: string | null;
}

export interface MessagingLiveness {
  live: boolean;
  /** Dead parts, within their grace or past it. */
  dead: DeadPart[];
  graceSeconds: number;
}

/**
 * The event path's health (ADR 0037). Readiness is about serving traffic, which a consumer
 * does not decide: the report is detail only. Liveness fails once a consumer crashed for good
 * (past its restart budget) or the relay's loop is dead or stuck has stayed so for the grace,
 * so the orchestrator restarts the process instead of keeping a zombie. A broker outage fails
 * neither: consumers retry within their budget, the relay's turns fail and try again, and writes
 * go on into the outbox meanwhile. Starting, rebalancing or retrying consumers are alive.
 */
@Injectable()
export class MessagingHealth {
  constructor(
    private readonly relay: RelayHost,
    private readonly projections: ProjectionServer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async report(): Promise<MessagingHealthReport> {
    return { relay: await this.relay.stats(), consumers: this.projections.stats() };
  }

  liveness(now = Date.now()): MessagingLiveness {
    const dead: (DeadPart & { sinceMs: number })[] = [];
    for (const consumer of this.projections.stats()) {
      if (consumer.state === 'crashed' && consumer.crashedAt) {
        dead.push({ part: `consumer ${consumer.groupId}`, sinceMs: Date.parse(consumer.crashedAt), since: consumer.crashedAt, reason: consumer.lastError });
      }
    }
    const relayDeadSince = this.relay.deadSince(now);
    if (relayDeadSince !== null) {
      dead.push({ part: 'outbox relay', sinceMs: relayDeadSince, since: new Date(relayDeadSince).toISOString(), reason: 'its loop ended or a turn is stuck' });
    }
    const grace = this.options.livenessGraceMs;
    return {
      live: dead.every((part) => now - part.sinceMs < grace),
      dead: dead.map(({ part, since, reason }) => ({ part, since, reason })),
      graceSeconds: grace / 1000,
    };
  }
}
