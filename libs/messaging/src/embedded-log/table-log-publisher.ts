import type { Pool } from 'pg';
import type { EventPublisher, TopicMessages } from '../transport/event-transport';
import { announceAppended } from './append-signal';
import { encodeHeaders, toBytes } from './message-codec';
import { partitionFor } from './log-partitioner';
import type { TopicDirectory } from './topic-directory';

/** Thrown for a topic that was never created: the log never creates one by itself. */
export class UnknownTopicError extends Error {
  constructor(readonly topic: string) {
    super(`Topic ${topic} does not exist in the event log`);
    this.name = 'UnknownTopicError';
  }
}

interface PartitionAppend {
  topic: string;
  partition: number;
  keys: (Buffer | null)[];
  headers: string[];
  values: (Buffer | null)[];
}

/**
 * Appends to the table log in one transaction: all of a publish or none of it,
 * so a retried publish never leaves half a batch. Each partition's head row is
 * taken in (topic, partition) order, so concurrent appenders cannot deadlock.
 */
export class TableLogPublisher implements EventPublisher {
  constructor(
    private readonly pool: Pool,
    private readonly topics: TopicDirectory,
  ) {}

  async connect(): Promise<void> {
    // The pool connects on first use.
  }

  async publish(batches: readonly TopicMessages[]): Promise<void> {
    const appends = await this.byPartition(batches);
    if (appends.length === 0) return;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const append of appends) {
        const head = await client.query<{ first_offset: string }>(
          `UPDATE event_log_partitions SET next_offset = next_offset + $3
            WHERE topic = $1 AND partition = $2
           RETURNING next_offset - $3 AS first_offset`,
          [append.topic, append.partition, append.values.length],
        );
        const firstOffset = head.rows[0]?.first_offset;
        if (firstOffset === undefined) throw new UnknownTopicError(append.topic);
        await client.query(
          `INSERT INTO event_log (topic, partition, message_offset, message_key, headers, value)
           SELECT $1, $2, $3::bigint + m.ordinal - 1, m.message_key, m.headers, m.value
             FROM unnest($4::bytea[], $5::jsonb[], $6::bytea[]) WITH ORDINALITY AS m(message_key, headers, value, ordinal)`,
          [append.topic, append.partition, firstOffset, append.keys, append.headers, append.values],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    announceAppended([...new Set(appends.map((append) => append.topic))]);
  }

  async disconnect(): Promise<void> {
    // The transport owns the pool.
  }

  private async byPartition(batches: readonly TopicMessages[]): Promise<PartitionAppend[]> {
    const partitionCounts = await this.topics.partitionCounts(batches.map((batch) => batch.topic));
    const appends = new Map<string, PartitionAppend>();
    for (const { topic, messages } of batches) {
      const count = partitionCounts.get(topic);
      if (count === undefined) throw new UnknownTopicError(topic);
      for (const message of messages) {
        const partition = partitionFor(topic, message.key, count);
        const id = `${topic}\u0000${partition}`;
        let append = appends.get(id);
        if (!append) {
          append = { topic, partition, keys: [], headers: [], values: [] };
          appends.set(id, append);
        }
        append.keys.push(toBytes(message.key));
        append.headers.push(JSON.stringify(encodeHeaders(message.headers)));
        append.values.push(toBytes(message.value));
      }
    }
    return [...appends.values()].sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
  }
}
