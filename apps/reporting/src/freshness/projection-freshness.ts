import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { topicFor, type AggregateType } from '@binh-yen/contracts';
import { endOffsets, KAFKA, MESSAGING_OPTIONS, readWatermark, type KafkaClient, type MessagingOptions } from '@binh-yen/messaging';
import { DataSource } from 'typeorm';

export interface Freshness {
  /** Time of the latest event the projection has applied. */
  lastEventAt: string | null;
  /** When it last applied a batch. */
  appliedAt: string | null;
  /** Messages on its topics not yet applied (null when the broker cannot be asked). */
  lag: number | null;
}

const CACHE_MS = 1_000;

/** Up to when a projection is current, and how far behind the topics it is. */
@Injectable()
export class ProjectionFreshness {
  private readonly cache = new Map<string, { at: number; value: Freshness }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
  ) {}

  async of(projection: { name: string; version: number }, topics: readonly AggregateType[]): Promise<Freshness> {
    const consumer = `${projection.name}.v${projection.version}`;
    const cached = this.cache.get(consumer);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
    const watermark = await readWatermark(this.dataSource, consumer);
    const value: Freshness = { ...watermark, lag: await this.lag(consumer, topics).catch(() => null) };
    this.cache.set(consumer, { at: Date.now(), value });
    return value;
  }

  private async lag(consumer: string, aggregates: readonly AggregateType[]): Promise<number> {
    const topics = aggregates.map((aggregate) => topicFor(aggregate, this.messaging.topicPrefix));
    const ends = await endOffsets(this.kafka, topics);
    const rows: { topic: string; partition: number; next_offset: string }[] = await this.dataSource.query(
      `SELECT topic, partition, next_offset FROM consumer_offsets WHERE consumer = $1`,
      [consumer],
    );
    const applied = new Map(rows.map((row) => [`${row.topic}|${row.partition}`, BigInt(row.next_offset)]));
    let lag = 0n;
    for (const [topic, partitions] of ends) {
      for (const [partition, end] of partitions) {
        const reached = applied.get(`${topic}|${partition}`) ?? 0n;
        if (end > reached) lag += end - reached;
      }
    }
    return Number(lag);
  }
}
