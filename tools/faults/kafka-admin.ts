import { Kafka, logLevel } from 'kafkajs';

/** The few admin calls the fault suite makes beside the harness (topic configs, offsets). */
function admin(brokers: string[]): ReturnType<Kafka['admin']> {
  return new Kafka({ clientId: 'fault-suite', brokers, logLevel: logLevel.NOTHING, retry: { retries: 10 } }).admin();
}

async function withAdmin<T>(brokers: string[], work: (client: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const client = admin(brokers);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.disconnect();
  }
}

/**
 * Creates topics the way the services do, with extra configuration (e.g. a lower max.message.bytes).
 * A fresh cluster on a busy machine answers retriable errors ("does not host this topic-partition")
 * while the new partitions' leaders settle: try again, as the services' ensureTopics does.
 */
export async function createTopics(brokers: string[], topics: string[], partitions: number, config: Record<string, string> = {}): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await withAdmin(brokers, async (client) => {
        await client.createTopics({
          waitForLeaders: true,
          topics: topics.map((topic) => ({
            topic,
            numPartitions: partitions,
            replicationFactor: -1,
            configEntries: Object.entries({ 'retention.ms': '-1', ...config }).map(([name, value]) => ({ name, value })),
          })),
        });
      });
    } catch (error) {
      if ((error as { retriable?: unknown }).retriable !== true || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/** High watermarks (next offsets) per partition. */
export function highWatermarks(brokers: string[], topic: string): Promise<Map<number, bigint>> {
  return withAdmin(brokers, async (client) => new Map((await client.fetchTopicOffsets(topic)).map((entry) => [entry.partition, BigInt(entry.high)])));
}

/** Moves an (empty) consumer group back to the start of a topic: a replay. */
export function resetGroupToEarliest(brokers: string[], groupId: string, topic: string): Promise<void> {
  return withAdmin(brokers, (client) => client.resetOffsets({ groupId, topic, earliest: true }));
}

export function groupMembers(brokers: string[], groupId: string): Promise<number> {
  return withAdmin(brokers, async (client) => (await client.describeGroups([groupId])).groups[0]?.members.length ?? 0);
}

export interface PartitionState {
  partition: number;
  leader: number;
  isr: number[];
  high: bigint;
}

/** Leader, in-sync replicas and high watermark of every partition of a topic. */
export function partitionStates(brokers: string[], topic: string): Promise<PartitionState[]> {
  return withAdmin(brokers, async (client) => {
    const [metadata] = (await client.fetchTopicMetadata({ topics: [topic] })).topics;
    const highs = new Map((await client.fetchTopicOffsets(topic)).map((entry) => [entry.partition, BigInt(entry.high)]));
    return (metadata?.partitions ?? []).map((p) => ({ partition: p.partitionId, leader: p.leader, isr: p.isr, high: highs.get(p.partitionId) ?? 0n }));
  });
}

/** Replication factor and min.insync.replicas of a topic, as the cluster reports them. */
export function replicationOf(brokers: string[], topic: string): Promise<{ replicas: number; minInsync: number }> {
  return withAdmin(brokers, async (client) => {
    const [metadata] = (await client.fetchTopicMetadata({ topics: [topic] })).topics;
    const { resources } = await client.describeConfigs({ includeSynonyms: false, resources: [{ type: 2 /* TOPIC */, name: topic, configNames: ['min.insync.replicas'] }] });
    const minInsync = Number(resources[0]?.configEntries.find((entry) => entry.configName === 'min.insync.replicas')?.configValue ?? 'NaN');
    return { replicas: Math.min(...(metadata?.partitions ?? []).map((p) => p.replicas.length)), minInsync };
  });
}
