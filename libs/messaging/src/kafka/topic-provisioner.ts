import type { Kafka } from 'kafkajs';
import { deadLetterTopicFor } from '@binh-yen/contracts';

export interface TopicProvisioningOptions {
  partitions: number;
  /** Also create `<topic>.dlq` beside each topic. */
  withDeadLetterTopics?: boolean;
}

/**
 * Creates topics explicitly (the broker never auto-creates): the given partition
 * count and unlimited retention, so any projection can be rebuilt from the start.
 * Idempotent: existing topics are left as they are.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], options: TopicProvisioningOptions): Promise<void> {
  const wanted = options.withDeadLetterTopics ? topics.flatMap((topic) => [topic, deadLetterTopicFor(topic)]) : topics;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(wanted)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: options.partitions,
        replicationFactor: -1,
        configEntries: [{ name: 'retention.ms', value: '-1' }],
      })),
    });
    // createTopics answers false when another process created them first; both are fine.
  } finally {
    await admin.disconnect();
  }
}
