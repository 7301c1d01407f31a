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

/** Creates topics the way the services do, with extra configuration (e.g. a lower max.message.bytes). */
export function createTopics(brokers: string[], topics: string[], partitions: number, config: Record<string, string> = {}): Promise<void> {
  return withAdmin(brokers, async (client) => {
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
