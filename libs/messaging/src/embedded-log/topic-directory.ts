import type { Pool } from 'pg';

/** Partition counts of the log's topics; a topic's count never changes once created. */
export class TopicDirectory {
  private readonly known = new Map<string, number>();

  constructor(private readonly pool: Pool) {}

  async partitionCounts(topics: readonly string[]): Promise<Map<string, number>> {
    const missing = [...new Set(topics)].filter((topic) => !this.known.has(topic));
    if (missing.length > 0) {
      const { rows } = await this.pool.query<{ topic: string; partitions: number }>(
        `SELECT topic, partitions FROM event_log_topics WHERE topic = ANY($1::text[])`,
        [missing],
      );
      for (const row of rows) this.known.set(row.topic, row.partitions);
    }
    return new Map(
      topics.flatMap((topic) => {
        const count = this.known.get(topic);
        return count === undefined ? [] : [[topic, count] as const];
      }),
    );
  }
}
