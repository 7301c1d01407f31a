import { deadLetterTopicFor } from '@binh-yen/contracts';
import { Pool } from 'pg';
import { silentLogger, type MessagingLogger } from '../logger';
import type {
  EventPublisher,
  EventSubscription,
  EventTransport,
  SubscriptionHandlers,
  SubscriptionOptions,
  TopicOptions,
} from '../transport/event-transport';
import { TableLogPublisher } from './table-log-publisher';
import { TableLogSubscription } from './table-log-subscription';
import { TopicDirectory } from './topic-directory';

export interface TableLogOptions {
  /** The shared log database (postgres://…), created by the event-log migrations. */
  url: string;
  /** How often a subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  maxBatchSize?: number;
  poolSize?: number;
  applicationName?: string;
  logger?: MessagingLogger;
}

/**
 * The embedded mode's event log: topics, partitions and offsets in Postgres
 * tables (one PGlite database shared by every service), with Kafka's semantics
 * where the event path relies on them: per-key order through the same murmur2
 * partitioner, explicit topics, unlimited retention, committed group offsets,
 * redelivery of what was not committed.
 */
export class TableLogTransport implements EventTransport {
  readonly kind = 'embedded';
  private readonly pool: Pool;
  private readonly topics: TopicDirectory;
  private readonly logger: MessagingLogger;
  private closed?: Promise<void>;

  constructor(private readonly options: TableLogOptions) {
    this.pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 4, application_name: options.applicationName ?? 'event-log' });
    this.logger = options.logger ?? silentLogger;
    // An idle connection that drops (the log stopping first) must not end the process.
    this.pool.on('error', (error) => this.logger.warn(`event log connection lost: ${error.message}`));
    this.topics = new TopicDirectory(this.pool);
  }

  createPublisher(): EventPublisher {
    // One transaction per publish: a retry never duplicates part of a batch.
    return new TableLogPublisher(this.pool, this.topics);
  }

  async subscribe(options: SubscriptionOptions, handlers: SubscriptionHandlers): Promise<EventSubscription> {
    const subscription = new TableLogSubscription(
      this.pool,
      { groupId: options.groupId, topics: options.topics, pollIntervalMs: this.options.pollIntervalMs ?? 250, maxBatchSize: this.options.maxBatchSize ?? 500 },
      handlers,
      this.logger,
    );
    await subscription.start();
    return subscription;
  }

  async ensureTopics(topics: readonly string[], options: TopicOptions): Promise<void> {
    const wanted = [...new Set(options.withDeadLetterTopics ? topics.flatMap((topic) => [topic, deadLetterTopicFor(topic)]) : topics)];
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO event_log_topics (topic, partitions) SELECT unnest($1::text[]), $2 ON CONFLICT (topic) DO NOTHING`,
        [wanted, options.partitions],
      );
      // An existing topic keeps its partition count, as on Kafka.
      await client.query(
        `INSERT INTO event_log_partitions (topic, partition)
         SELECT t.topic, p FROM event_log_topics t CROSS JOIN LATERAL generate_series(0, t.partitions - 1) AS p
          WHERE t.topic = ANY($1::text[])
         ON CONFLICT (topic, partition) DO NOTHING`,
        [wanted],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async endOffsets(topics: readonly string[]): Promise<Map<string, Map<number, bigint>>> {
    const { rows } = await this.pool.query<{ topic: string; partition: number; next_offset: string }>(
      `SELECT topic, partition, next_offset FROM event_log_partitions WHERE topic = ANY($1::text[]) ORDER BY topic, partition`,
      [[...topics]],
    );
    const result = new Map<string, Map<number, bigint>>();
    for (const row of rows) {
      const partitions = result.get(row.topic) ?? new Map<number, bigint>();
      partitions.set(row.partition, BigInt(row.next_offset));
      result.set(row.topic, partitions);
    }
    return result;
  }

  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}
