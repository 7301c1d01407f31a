import type { Pool } from 'pg';
import { backoffDelay, sleep } from '../backoff';
import type { MessagingLogger } from '../logger';
import type { ConsumedBatch, EventSubscription, SubscriptionHandlers } from '../transport/event-transport';
import { onAppended } from './append-signal';
import { toLogMessage, type EventLogRow } from './message-codec';

export interface TableLogSubscriptionOptions {
  groupId: string;
  topics: readonly string[];
  pollIntervalMs: number;
  maxBatchSize: number;
}

type PartitionKey = `${string}|${number}`;

const keyOf = (topic: string, partition: number): PartitionKey => `${topic}|${partition}`;

/**
 * A consumer group member over the table log. It owns every partition of its
 * topics (the embedded mode runs one process, so there is nobody to share
 * with), starts from the group's committed offsets, hands the consumer one
 * partition's run of messages at a time, and commits what the consumer
 * resolved. A failure starts it over from the committed offsets, so whatever
 * was not committed is delivered again, exactly as Kafka does.
 */
export class TableLogSubscription implements EventSubscription {
  private readonly positions = new Map<PartitionKey, { topic: string; partition: number; next: bigint }>();
  private running = true;
  private readonly stopping = new AbortController();
  private wake?: () => void;
  private pendingWake = false;
  private loop?: Promise<void>;
  private readonly stopListening: () => void;

  constructor(
    private readonly pool: Pool,
    private readonly options: TableLogSubscriptionOptions,
    private readonly handlers: SubscriptionHandlers,
    private readonly logger: MessagingLogger,
  ) {
    this.stopListening = onAppended((topics) => {
      if (topics.some((topic) => options.topics.includes(topic))) this.wakeUp();
    });
  }

  async start(): Promise<void> {
    await this.joinGroup();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    this.stopListening();
    this.wakeUp();
    await this.loop;
  }

  private wakeUp(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  /** Takes every partition of the topics, from the group's committed offsets. */
  private async joinGroup(): Promise<void> {
    const { rows } = await this.pool.query<{ topic: string; partition: number; committed: string | null }>(
      `SELECT p.topic, p.partition, g.next_offset AS committed
         FROM event_log_partitions p
         LEFT JOIN event_log_group_offsets g ON g.group_id = $1 AND g.topic = p.topic AND g.partition = p.partition
        WHERE p.topic = ANY($2::text[])
        ORDER BY p.topic, p.partition`,
      [this.options.groupId, [...this.options.topics]],
    );
    const found = new Set(rows.map((row) => row.topic));
    const missing = this.options.topics.filter((topic) => !found.has(topic));
    if (missing.length > 0) throw new Error(`Topics ${missing.join(', ')} do not exist in the event log`);
    this.positions.clear();
    for (const row of rows) {
      this.positions.set(keyOf(row.topic, row.partition), { topic: row.topic, partition: row.partition, next: BigInt(row.committed ?? '0') });
    }
    this.handlers.onJoined();
  }

  private async run(): Promise<void> {
    let readFailures = 0;
    let restarts = 0;
    while (this.running) {
      let delivered: number;
      try {
        delivered = await this.pollOnce();
        readFailures = 0;
      } catch (error) {
        if (!this.running) return;
        const failure = error instanceof Error ? error : new Error(String(error));
        if (failure instanceof BatchFailure) {
          // The consumer gave up on a batch: start over from the committed offsets.
          const restart = this.handlers.shouldRestart(failure.cause);
          this.handlers.onCrashed(failure.cause, restart);
          if (!restart) return;
          await sleep(backoffDelay(restarts++), this.stopping.signal);
          await this.rejoin();
        } else {
          // The log is away: not the consumer's fault; read again when it is back.
          this.logger.warn(`${this.options.groupId}: reading the event log failed (${failure.message}); retrying`);
          await sleep(backoffDelay(readFailures++), this.stopping.signal);
        }
        continue;
      }
      if (delivered > 0) restarts = 0;
      if (delivered < this.options.maxBatchSize) await this.waitForAppends();
    }
  }

  private async rejoin(): Promise<void> {
    for (let attempt = 0; this.running; attempt++) {
      try {
        await this.joinGroup();
        return;
      } catch (error) {
        this.logger.warn(`${this.options.groupId}: rejoining failed (${error instanceof Error ? error.message : String(error)}); retrying`);
        await sleep(backoffDelay(attempt), this.stopping.signal);
      }
    }
  }

  /** Delivers what is new on each partition; answers the number of messages handed over. */
  private async pollOnce(): Promise<number> {
    const behind = await this.partitionsWithNews();
    let delivered = 0;
    for (const position of behind) {
      if (!this.running) break;
      const { rows } = await this.pool.query<EventLogRow>(
        `SELECT message_offset, message_key, headers, value FROM event_log
          WHERE topic = $1 AND partition = $2 AND message_offset >= $3
          ORDER BY message_offset LIMIT $4`,
        [position.topic, position.partition, position.next.toString(), this.options.maxBatchSize],
      );
      if (rows.length === 0) continue;
      delivered = Math.max(delivered, rows.length);
      await this.deliver(position, rows);
    }
    return delivered;
  }

  private async partitionsWithNews(): Promise<{ topic: string; partition: number; next: bigint }[]> {
    const { rows } = await this.pool.query<{ topic: string; partition: number; next_offset: string }>(
      `SELECT topic, partition, next_offset FROM event_log_partitions WHERE topic = ANY($1::text[])`,
      [[...this.options.topics]],
    );
    return rows.flatMap((row) => {
      const position = this.positions.get(keyOf(row.topic, row.partition));
      return position && BigInt(row.next_offset) > position.next ? [position] : [];
    });
  }

  private async deliver(position: { topic: string; partition: number; next: bigint }, rows: EventLogRow[]): Promise<void> {
    let resolved: bigint | null = null;
    let committed: bigint | null = null;
    const commit = async (): Promise<void> => {
      if (resolved === null || resolved === committed) return;
      await this.commit(position.topic, position.partition, resolved + 1n);
      committed = resolved;
    };
    const batch: ConsumedBatch = {
      topic: position.topic,
      partition: position.partition,
      messages: rows.map(toLogMessage),
      resolveOffset: (offset) => {
        resolved = BigInt(offset);
      },
      heartbeat: async () => undefined,
      isRunning: () => this.running,
      isStale: () => false,
      commitOffsetsIfNecessary: commit,
    };
    try {
      await this.handlers.onBatch(batch);
    } catch (error) {
      // What was resolved is done even when a later message failed: keep it.
      await commit().catch(() => undefined);
      throw new BatchFailure(error instanceof Error ? error : new Error(String(error)));
    }
    if (resolved !== null) position.next = (resolved as bigint) + 1n;
    await commit();
  }

  private async commit(topic: string, partition: number, nextOffset: bigint): Promise<void> {
    await this.pool.query(
      `INSERT INTO event_log_group_offsets (group_id, topic, partition, next_offset, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (group_id, topic, partition) DO UPDATE
         SET next_offset = GREATEST(event_log_group_offsets.next_offset, EXCLUDED.next_offset), updated_at = now()`,
      [this.options.groupId, topic, partition, nextOffset.toString()],
    );
  }

  private waitForAppends(): Promise<void> {
    if (this.pendingWake || !this.running) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      const wake = (): void => done();
      this.wake = wake;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wake = undefined;
      this.pendingWake = false;
    });
  }
}

/** A failure of the consumer's own batch handling, as opposed to reading the log. */
class BatchFailure extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
    this.name = 'BatchFailure';
  }
}
