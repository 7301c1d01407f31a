import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  consumerLagSourceFor,
  EVENT_TRANSPORT,
  MessagingHealth,
  readWatermark,
  type ConsumerLagSource,
  type ConsumerStats,
  type EventTransport,
  type MessagingHealthReport,
  type PartitionLag,
} from '@binh-yen/messaging';
import { Counter, Gauge, type Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** Lag is measured at most this often: scrapes from several Prometheus replicas share one measurement. */
const LAG_CACHE_MS = 5_000;
/** A scrape must answer even while the broker is away (Prometheus gives up after 10 s). */
const LAG_TIMEOUT_MS = 3_000;

interface ProjectionBookkeeping {
  consumer: string;
  lastEventAt: Date | null;
  appliedAt: Date | null;
  deadLetters: number;
}

interface Snapshot {
  health: MessagingHealthReport;
  lags: PartitionLag[];
  projections: ProjectionBookkeeping[];
}

/**
 * The event path in /metrics (ADR 0019, 0021): outbox backlog and age, relay throughput,
 * and per projection its state, applied events, dead letters, watermark and lag per partition.
 * Read from the relay, the consumers, their bookkeeping tables and the broker once per scrape,
 * so the figures have one source of truth.
 */
@Injectable()
export class EventPathMetrics implements OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private readonly lagSource: ConsumerLagSource;
  private latest?: Snapshot;
  private lagCache?: { at: number; lags: Promise<PartitionLag[]> };
  private publishedCounted = 0;

  constructor(
    private readonly messaging: MessagingHealth,
    private readonly dataSource: DataSource,
    @Inject(EVENT_TRANSPORT) transport: EventTransport,
  ) {
    this.lagSource = consumerLagSourceFor(transport, dataSource);
  }

  /** Takes the snapshot the gauges read while the registry collects. */
  async refresh(): Promise<void> {
    const health = await this.messaging.report();
    const [lags, projections] = await Promise.all([this.lags(health.consumers), this.bookkeeping(health.consumers)]);
    this.latest = { health, lags, projections };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lagSource.close();
  }

  register(registry: Registry): void {
    const read = (): Snapshot | undefined => this.latest;
    const groupOf = new Map<string, string>();
    const remember = (consumers: readonly ConsumerStats[]): void => consumers.forEach((c) => groupOf.set(c.consumer, c.groupId));
    const gauge = (name: string, help: string, labelNames: string[], collect: (gauge: Gauge) => void): void => {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          // Series of partitions or projections that went away must not linger.
          if (labelNames.length > 0) this.reset();
          collect(this);
        },
      });
    };

    gauge('binhyen_outbox_backlog', 'Outbox rows not yet published to Kafka', [], (g) => g.set(read()?.health.relay?.backlog ?? 0));
    gauge('binhyen_outbox_oldest_unpublished_seconds', 'Age of the oldest unpublished outbox row', [], (g) =>
      g.set((read()?.health.relay?.oldestUnpublishedAgeMs ?? 0) / 1000),
    );
    gauge('binhyen_relay_published_events', 'Events published by this process since it started', [], (g) => g.set(read()?.health.relay?.publishedSinceStart ?? 0));
    const countPublished = (counter: Counter): void => {
      // prom-client counters only go up: add what the relay published since the last scrape.
      const published = read()?.health.relay?.publishedSinceStart ?? 0;
      if (published > this.publishedCounted) counter.inc(published - this.publishedCounted);
      this.publishedCounted = Math.max(this.publishedCounted, published);
    };
    new Counter({
      name: 'binhyen_relay_published_events_total',
      help: 'Events published by this process (a counter: rate() is the relay throughput)',
      registers: [registry],
      collect() {
        countPublished(this);
      },
    });

    const perConsumer = (name: string, help: string, pick: (consumer: ConsumerStats) => number): void =>
      gauge(name, help, ['group'], (g) => {
        for (const consumer of read()?.health.consumers ?? []) g.set({ group: consumer.groupId }, pick(consumer));
      });
    perConsumer('binhyen_consumer_applied_events', 'Events applied by a projection since start', (c) => c.applied);
    perConsumer('binhyen_consumer_dead_letters', 'Events dead-lettered by a projection since start', (c) => c.deadLettered);
    perConsumer('binhyen_consumer_up', '1 while the consumer runs (a rebalance included), 0 otherwise', (c) => (c.state === 'running' || c.state === 'rebalancing' ? 1 : 0));

    gauge('binhyen_consumer_lag', "Messages a consumer group has yet to consume: the partition's high watermark minus the group's committed offset", ['group', 'topic', 'partition'], (g) => {
      for (const lag of read()?.lags ?? []) g.set({ group: lag.group, topic: lag.topic, partition: String(lag.partition) }, Number(lag.lag));
    });
    const perProjection = (name: string, help: string, pick: (projection: ProjectionBookkeeping) => number | null): void =>
      gauge(name, help, ['group', 'projection'], (g) => {
        const snapshot = read();
        remember(snapshot?.health.consumers ?? []);
        for (const projection of snapshot?.projections ?? []) {
          const value = pick(projection);
          if (value !== null) g.set({ group: groupOf.get(projection.consumer) ?? projection.consumer, projection: projection.consumer }, value);
        }
      });
    perProjection('binhyen_projection_watermark_seconds', 'Time of the newest event a projection applied (unix seconds): it is current up to then', (p) =>
      p.lastEventAt ? p.lastEventAt.getTime() / 1000 : null,
    );
    perProjection('binhyen_projection_last_applied_seconds', 'When a projection last stored a batch (unix seconds)', (p) => (p.appliedAt ? p.appliedAt.getTime() / 1000 : null));
    perProjection('binhyen_dead_letters_stored', "Dead letters kept in the service's dead_letters table, per projection (all time, until discarded)", (p) => p.deadLetters);
  }

  private lags(consumers: readonly ConsumerStats[]): Promise<PartitionLag[]> {
    if (consumers.length === 0) return Promise.resolve([]);
    const now = Date.now();
    if (!this.lagCache || now - this.lagCache.at >= LAG_CACHE_MS) {
      const groups = consumers.map((c) => ({ groupId: c.groupId, consumer: c.consumer, topics: c.topics }));
      const measuring = withTimeout(this.lagSource.measure(groups), LAG_TIMEOUT_MS).catch((error: unknown) => {
        // No lag series rather than stale ones; the next scrape tries again.
        this.logger.warn(`Không đo được độ trễ consumer (consumer lag not measured): ${error instanceof Error ? error.message : String(error)}`);
        this.lagCache = undefined;
        return [];
      });
      this.lagCache = { at: now, lags: measuring };
    }
    return this.lagCache.lags;
  }

  private async bookkeeping(consumers: readonly ConsumerStats[]): Promise<ProjectionBookkeeping[]> {
    if (consumers.length === 0) return [];
    const names = consumers.map((c) => c.consumer);
    try {
      const [watermarks, letters] = await Promise.all([
        Promise.all(names.map((consumer) => readWatermark(this.dataSource, consumer))),
        this.dataSource.query(`SELECT consumer, count(*) AS n FROM dead_letters WHERE consumer = ANY($1) GROUP BY consumer`, [names]) as Promise<{ consumer: string; n: string }[]>,
      ]);
      const toDate = (iso: string | null): Date | null => (iso ? new Date(iso) : null);
      return names.map((consumer, i) => ({
        consumer,
        lastEventAt: toDate(watermarks[i]?.lastEventAt ?? null),
        appliedAt: toDate(watermarks[i]?.appliedAt ?? null),
        deadLetters: Number(letters.find((entry) => entry.consumer === consumer)?.n ?? 0),
      }));
    } catch (error) {
      this.logger.warn(`Không đọc được sổ offset của projection (projection bookkeeping not read): ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
