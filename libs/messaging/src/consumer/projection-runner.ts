import type { DataSource } from 'typeorm';
import { failpoint } from '../failpoint';
import type { MessagingLogger } from '../logger';
import type { ConsumedBatch, EventTransport } from '../transport/event-transport';
import { chunksOf, type ChunkWork } from './chunking';
import { recordDeadLetters, storeNextOffset, type DeadLetterRecord } from './consumer-bookkeeping';
import { ConsumerSupervision, type ConsumerState } from './consumer-supervision';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { GroupCommitter } from './group-committer';
import { consumerGroupId, type ProjectionDefinition, type ProjectionHandler } from './projection';
import { ProjectionTransaction, type TransactionCounts } from './projection-transaction';
import { retryByErrorKind } from './retry-by-error-kind';

export interface ProjectionRunnerOptions {
  serviceName: string;
  topicPrefix: string;
  /** Attempts for an error of unknown kind before the event is dead-lettered. */
  maxAttempts: number;
  /** Restarts the transport may make after a crash before the consumer is declared dead. */
  maxRestarts: number;
  /** Upper bound of events applied in one database transaction. */
  maxEventsPerTransaction: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  partitionsConsumedConcurrently: number;
}

export interface ConsumerStats {
  consumer: string;
  groupId: string;
  /** The topics it reads (with the service's prefix). */
  topics: string[];
  state: ConsumerState;
  applied: number;
  deadLettered: number;
  lastError: string | null;
  /** Since when it is `crashed` for good (ISO time), else null. */
  crashedAt: string | null;
}

/**
 * Runs one projection over its topics with an exactly-once effect (ADR 0004, 0022): each
 * transaction skips offsets already stored, claims event ids in the inbox, applies the
 * fresh events and stores the next offsets; Kafka offsets are resolved only after the
 * commit. Chunks of one fetch share a transaction (group commit); a failed group is not
 * judged: each chunk then runs alone, retried by kind of error, and the culprit is isolated
 * event by event and dead-lettered.
 */
export class ProjectionRunner {
  readonly consumerName: string;
  readonly groupId: string;
  private readonly topics: string[];
  private readonly supervision: ConsumerSupervision;
  private readonly deadLetters: DeadLetterPublisher;
  private readonly body: ProjectionTransaction;
  /** The only way this consumer's transactions start: two lanes, partitions grouped. */
  private readonly committer: GroupCommitter<ChunkWork>;
  /** The types the projection applies: the others pass by its chunks undecoded. */
  private readonly appliedTypes: ReadonlySet<string>;
  private applied = 0;
  private deadLettered = 0;

  constructor(
    transport: EventTransport,
    private readonly dataSource: DataSource,
    handler: ProjectionHandler,
    definition: ProjectionDefinition,
    private readonly options: ProjectionRunnerOptions,
    private readonly logger: MessagingLogger,
  ) {
    this.consumerName = `${definition.name}.v${definition.version}`;
    // The exact group id that lag dashboards and autoscalers watch (no suffixes).
    this.groupId = consumerGroupId(options.serviceName, definition, options.topicPrefix);
    this.topics = definition.topics.map((topic) => `${options.topicPrefix}${topic}`);
    this.appliedTypes = new Set(definition.eventTypes);
    this.deadLetters = new DeadLetterPublisher(transport, this.groupId, logger);
    this.body = new ProjectionTransaction(dataSource, handler, definition, this.consumerName, this.groupId);
    this.supervision = new ConsumerSupervision(this.groupId, options.maxRestarts, logger, (handlers) =>
      transport.subscribe(
        {
          groupId: this.groupId,
          topics: this.topics,
          sessionTimeoutMs: options.sessionTimeoutMs,
          heartbeatIntervalMs: options.heartbeatIntervalMs,
          partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
        },
        { ...handlers, onBatch: (batch) => this.onBatch(batch) },
      ),
    );
    // Two lanes: one transaction's bookkeeping overlaps the other's apply and commit.
    this.committer = new GroupCommitter<ChunkWork>(
      2,
      options.maxEventsPerTransaction,
      (group) => this.count(this.body.run(group)),
      (chunk) => this.applyAlone(chunk),
    );
  }

  stats(): ConsumerStats {
    const { state, lastError, crashedAt } = this.supervision;
    return {
      consumer: this.consumerName,
      groupId: this.groupId,
      topics: [...this.topics],
      state,
      applied: this.applied,
      deadLettered: this.deadLettered,
      lastError,
      crashedAt: crashedAt === null ? null : new Date(crashedAt).toISOString(),
    };
  }

  async start(): Promise<void> {
    await this.deadLetters.connect();
    await this.supervision.start();
  }

  /** Finishes the batch in hand, leaves the group, then lets go of the publisher. */
  async stop(): Promise<void> {
    await this.supervision.stop();
    await this.deadLetters.disconnect();
  }

  private async onBatch(batch: ConsumedBatch): Promise<void> {
    for (const chunk of chunksOf(batch, this.options.maxEventsPerTransaction, this.appliedTypes)) {
      if (!batch.isRunning() || batch.isStale()) return;
      // Dead letters reach their topic before the offsets move past them: never lost.
      await this.deadLetters.publish(chunk.topic, chunk.partition, chunk.invalid);
      await this.committer.submit(chunk);
      failpoint('consumer.after-db-commit');
      batch.resolveOffset(chunk.lastOffset);
      await batch.heartbeat();
      this.supervision.progressed();
    }
    await batch.commitOffsetsIfNecessary();
  }

  /** One chunk in its own transaction, retried by kind of error; the culprit is then isolated. */
  private async applyAlone(chunk: ChunkWork): Promise<void> {
    const outcome = await this.retrying(chunk, () => this.count(this.body.run([chunk])));
    if (!outcome.ok) await this.isolate(chunk);
  }

  /** Each event of the chunk alone: the others are applied, the one that cannot be is dead-lettered. */
  private async isolate(chunk: ChunkWork): Promise<void> {
    const { topic, partition } = chunk;
    for (const entry of chunk.decoded) {
      const alone = { topic, partition, decoded: [entry], invalid: chunk.invalid.filter((letter) => letter.decoded === entry) };
      const outcome = await this.retrying(chunk, () => this.count(this.body.run([alone])));
      if (outcome.ok) continue;
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      const letter: DeadLetterRecord = { decoded: entry, kind: 'handler-failed', reason };
      this.logger.error(`${this.groupId}: dead-lettering offset ${entry.offset} of ${topic}[${partition}]: ${reason}`);
      await this.deadLetters.publish(topic, partition, [letter]);
      await this.dataSource.transaction(async (tx) => {
        await recordDeadLetters(tx, this.consumerName, topic, partition, [letter]);
        await storeNextOffset(tx, this.consumerName, topic, partition, BigInt(entry.offset) + 1n, null);
      });
      this.deadLettered += 1;
    }
  }

  private retrying(chunk: ChunkWork, work: () => Promise<void>): ReturnType<typeof retryByErrorKind> {
    return retryByErrorKind(work, {
      maxAttempts: this.options.maxAttempts,
      heartbeat: chunk.heartbeat,
      isRunning: chunk.isRunning,
      onFailure: (error, kind, willRetry) => {
        // Not the event's fault: wait for the database, keep the group membership alive.
        this.supervision.failed(error, kind === 'infrastructure');
        if (kind === 'infrastructure') this.logger.warn(`${this.groupId}: ${this.supervision.lastError}; retrying`);
        else if (!willRetry) this.logger.warn(`${this.groupId}: ${this.supervision.lastError}; giving up on ${chunk.decoded.length} event(s)`);
      },
    });
  }

  private async count(work: Promise<TransactionCounts>): Promise<void> {
    const { applied, deadLettered } = await work;
    this.applied += applied;
    this.deadLettered += deadLettered;
  }
}
