import type { EventEnvelope } from '@binh-yen/contracts';
import type { ProjectionContext } from './projection-context';

/** What a projection is, for its consumer group, inbox key and subscription. */
export interface ProjectionDefinition {
  /** Stable name; with the version it makes the consumer group and the inbox key. */
  name: string;
  /** A new version consumes from the beginning into new tables beside the old one. */
  version: number;
  /** The topics it reads, without the deployment's prefix (e.g. `binhyen.incident`). */
  topics: readonly string[];
  /** Event types it applies; other known types on its topics pass by unapplied. */
  eventTypes: readonly string[];
}

/**
 * Applies one transaction's fresh events, in partition order, through `context.manager`
 * (the transaction that also records them as applied and stores the offsets). The Nest
 * handler of an `@EventPattern` method (interceptors, filters and all) has this shape; it
 * may answer a promise or an observable. A failure rolls the transaction back.
 */
export type ProjectionHandler = (events: readonly EventEnvelope[], context: ProjectionContext) => unknown;

/** An event that can never be applied (broken invariant): dead-lettered, not retried. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}

/** The consumer group of a projection: what its runner joins, lag dashboards show and autoscalers watch (no suffixes). */
export function consumerGroupId(serviceName: string, definition: Pick<ProjectionDefinition, 'name' | 'version'>, topicPrefix = ''): string {
  return `${topicPrefix}${serviceName}.${definition.name}.v${definition.version}`;
}
