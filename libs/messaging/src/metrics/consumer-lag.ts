import type { Admin, Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { KafkaTransport } from '../kafka/kafka-transport';
import type { EventTransport } from '../transport/event-transport';

/** A consumer group as the lag is measured for it. */
export interface LaggingGroup {
  groupId: string;
  /** The projection's name in the service's bookkeeping tables (e.g. `incident-counts.v1`). */
  consumer: string;
  topics: readonly string[];
}

/** How far one group is behind on one partition. */
export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  /** The group's next offset (committed on Kafka; stored with the projection in the embedded mode). */
  position: bigint;
  /** The partition's high watermark: the next offset to be written. */
  end: bigint;
  lag: bigint;
}

export interface ConsumerLagSource {
  measure(groups: readonly LaggingGroup[]): Promise<PartitionLag[]>;
  close(): Promise<void>;
}

/**
 * On Kafka: the group's committed offsets (what KEDA and every Kafka lag exporter read)
 * against each partition's high watermark, through one long-lived admin client.
 * A group that never committed starts from the beginning, so its position is the low watermark.
 */
export class KafkaConsumerLag implements ConsumerLagSource {
  private admin?: Promise<Admin>;

  constructor(private readonly kafka: Kafka) {}

  async measure(groups: readonly LaggingGroup[]): Promise<PartitionLag[]> {
    try {
      const admin = await this.connected();
      const ends = new Map<string, { partition: number; high: bigint; low: bigint }[]>();
      for (const topic of new Set(groups.flatMap((group) => group.topics))) {
        const offsets = await admin.fetchTopicOffsets(topic);
        ends.set(topic, offsets.map((entry) => ({ partition: entry.partition, high: BigInt(entry.high), low: BigInt(entry.low) })));
      }
      const lags: PartitionLag[] = [];
      for (const group of groups) {
        const committed = await admin.fetchOffsets({ groupId: group.groupId, topics: [...group.topics] });
        for (const topic of group.topics) {
          const byPartition = new Map((committed.find((entry) => entry.topic === topic)?.partitions ?? []).map((entry) => [entry.partition, BigInt(entry.offset)]));
          for (const { partition, high, low } of ends.get(topic) ?? []) {
            const stored = byPartition.get(partition) ?? -1n;
            lags.push(lagOf(group.groupId, topic, partition, stored >= 0n ? stored : low, high));
          }
        }
      }
      return lags;
    } catch (error) {
      // A failed or broken admin connection is rebuilt on the next scrape.
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((client) => client.disconnect()).catch(() => undefined);
  }

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }
}

/**
 * In the embedded mode (the table log): the next offset each projection stored with its rows
 * (consumer_offsets, the exactly-once bookkeeping) against the log's end offsets.
 */
/** What the embedded lag reads the projections' bookkeeping with (a TypeORM DataSource). */
export interface SqlRunner {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

export class StoredOffsetsConsumerLag implements ConsumerLagSource {
  constructor(
    private readonly transport: Pick<EventTransport, 'endOffsets'>,
    private readonly database: SqlRunner,
  ) {}

  async measure(groups: readonly LaggingGroup[]): Promise<PartitionLag[]> {
    const ends = await this.transport.endOffsets([...new Set(groups.flatMap((group) => group.topics))]);
    const lags: PartitionLag[] = [];
    for (const group of groups) {
      const rows = (await this.database.query(
        `SELECT topic, partition, next_offset FROM consumer_offsets WHERE consumer = $1`,
        [group.consumer],
      )) as { topic: string; partition: number; next_offset: string }[];
      for (const topic of group.topics) {
        for (const [partition, end] of ends.get(topic) ?? new Map<number, bigint>()) {
          const row = rows.find((entry) => entry.topic === topic && Number(entry.partition) === partition);
          lags.push(lagOf(group.groupId, topic, partition, row ? BigInt(row.next_offset) : 0n, end));
        }
      }
    }
    return lags;
  }

  async close(): Promise<void> {
    // The transport and the data source belong to the service.
  }
}

export function consumerLagSourceFor(transport: EventTransport, dataSource: DataSource): ConsumerLagSource {
  return transport instanceof KafkaTransport ? new KafkaConsumerLag(transport.kafka) : new StoredOffsetsConsumerLag(transport, dataSource);
}

function lagOf(group: string, topic: string, partition: number, position: bigint, end: bigint): PartitionLag {
  // A position past the end happens only while a topic is recreated; it is no lag.
  return { group, topic, partition, position, end, lag: end > position ? end - position : 0n };
}
