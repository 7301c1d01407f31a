import type { Kafka } from 'kafkajs';

/** The next offset to be written on each partition of each topic (the "high watermark"). */
export async function kafkaEndOffsets(kafka: Kafka, topics: readonly string[]): Promise<Map<string, Map<number, bigint>>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const result = new Map<string, Map<number, bigint>>();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      result.set(topic, new Map(offsets.map((partition) => [partition.partition, BigInt(partition.high)])));
    }
    return result;
  } finally {
    await admin.disconnect();
  }
}

/** Removes consumer groups that are done (a finished rebuild's group). */
export async function deleteConsumerGroups(kafka: Kafka, groupIds: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([...groupIds]);
  } finally {
    await admin.disconnect();
  }
}
