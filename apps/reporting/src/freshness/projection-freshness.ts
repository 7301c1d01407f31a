import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { topicFor, type AggregateType } from '@binh-yen/contracts';
import { EVENT_TRANSPORT, MESSAGING_OPTIONS, readWatermark, StoredOffsetsConsumerLag, type EventTransport, type MessagingOptions } from '@binh-yen/messaging';
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
  /** The applied offsets stored with the projection's rows against the topics' ends (what /metrics shows per partition). */
  private readonly storedLag: StoredOffsetsConsumerLag;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_TRANSPORT) transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
  ) {
    this.storedLag = new StoredOffsetsConsumerLag(transport, dataSource);
  }

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
    const partitions = await this.storedLag.measure([{ groupId: consumer, consumer, topics }]);
    return Number(partitions.reduce((total, partition) => total + partition.lag, 0n));
  }
}
