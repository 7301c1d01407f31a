import { Kafka, logLevel, PartitionAssigners, type PartitionAssigner } from 'kafkajs';
import { testBrokers } from './infrastructure-env';

export interface GroupMember {
  /** Leaves the group (a rebalance for those who stay). */
  leave(): Promise<void>;
}

/** Another agency's consumer misconfigured into a group: it speaks another assignment protocol. */
const anotherProtocol: PartitionAssigner = (config) => ({ ...PartitionAssigners.roundRobin(config), name: 'AnotherAgencysAssigner' });

/**
 * A plain kafkajs member joining `groupId` (reading `topics`, applying nothing), resolved once it has
 * joined. Joining a service's group makes its consumer rebalance; with `otherProtocol`, a consumer
 * that joins after it is refused with INCONSISTENT_GROUP_PROTOCOL, an error kafkajs never restarts from.
 */
export async function joinConsumerGroup(groupId: string, topics: string[], options: { otherProtocol?: boolean; brokers?: string[] } = {}): Promise<GroupMember> {
  const kafka = new Kafka({ clientId: 'test-group-member', brokers: options.brokers ?? testBrokers(), logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6_000, heartbeatInterval: 500, ...(options.otherProtocol ? { partitionAssigners: [anotherProtocol] } : {}) });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({ eachMessage: async () => undefined });
  await joined;
  return { leave: () => consumer.disconnect() };
}

/** Creates topics (the test's own, with its prefix) before any service does. */
export async function createTopics(topics: string[], partitions: number, brokers = testBrokers()): Promise<void> {
  const admin = new Kafka({ clientId: 'test-topics', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
