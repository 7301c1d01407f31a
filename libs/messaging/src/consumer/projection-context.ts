import type { EventEnvelope } from '@binh-yen/contracts';
import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

/** One partition's run of messages in the transaction: `firstOffset`..`lastOffset` (inclusive). */
export interface PartitionRange {
  topic: string;
  partition: number;
  firstOffset: string;
  lastOffset: string;
}

/** An event handed to the handler, with where it was read and its trace parent (header or envelope). */
export interface ConsumedEvent {
  event: EventEnvelope;
  topic: string;
  partition: number;
  offset: string;
  traceparent: string | undefined;
}

export interface ProjectionContextArgs {
  /** `<name>.v<version>`: the inbox and stored-offsets key. */
  consumer: string;
  groupId: string;
  manager: EntityManager;
  partitions: readonly PartitionRange[];
  events: readonly ConsumedEvent[];
}

type SettleListener = (error: unknown) => void;

/**
 * What `@Ctx()` gives a projection handler: the transaction's entity manager (write through
 * it, and only it), and the partitions and offsets of the batch. Interceptors get it too;
 * `onSettled` runs once the transaction has committed (`error` undefined) or rolled back.
 */
export class ProjectionContext extends BaseRpcContext<[ProjectionContextArgs]> {
  private readonly settleListeners: SettleListener[] = [];

  constructor(args: ProjectionContextArgs) {
    super([args]);
  }

  get consumer(): string {
    return this.args[0].consumer;
  }

  get groupId(): string {
    return this.args[0].groupId;
  }

  /** The transaction of this batch: offsets, inbox and the projection's rows commit together. */
  get manager(): EntityManager {
    return this.args[0].manager;
  }

  get partitions(): readonly PartitionRange[] {
    return this.args[0].partitions;
  }

  get events(): readonly ConsumedEvent[] {
    return this.args[0].events;
  }

  onSettled(listener: SettleListener): void {
    this.settleListeners.push(listener);
  }

  /** Called by the runner after the commit or the rollback, never by handlers. */
  settle(error: unknown): void {
    for (const listener of this.settleListeners.splice(0)) listener(error);
  }
}
