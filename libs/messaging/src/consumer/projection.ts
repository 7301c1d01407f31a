import type { AggregateType, EventEnvelope } from '@binh-yen/contracts';
import type { EntityManager } from 'typeorm';

/**
 * A read model fed by events. `apply` receives, in partition order, only events
 * it has never applied before, inside the transaction that also records them as
 * applied and stores the partition offset: the effect is exactly once.
 */
export interface Projection {
  apply(events: readonly EventEnvelope[], transaction: EntityManager): Promise<void>;
}

export interface ProjectionDefinition {
  /** Stable name; with the version it makes the consumer group and the inbox key. */
  name: string;
  /** A new version consumes from the beginning into new tables beside the old one. */
  version: number;
  /** Aggregate types whose topics it reads. */
  topics: readonly AggregateType[];
  /** Event types it applies; other known types on its topics pass by unapplied. */
  eventTypes: readonly string[];
}

/** An event that can never be applied (broken invariant): dead-lettered, not retried. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
