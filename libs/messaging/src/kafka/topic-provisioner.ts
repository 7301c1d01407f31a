import type { Kafka } from 'kafkajs';
import { deadLetterTopicFor } from '@binh-yen/contracts';
import { backoffDelay, sleep } from '../backoff';

/** Tries before a provisioning error is final; a fresh or busy broker answers retriable errors for a while. */
const ATTEMPTS = 6;

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
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await provision(kafka, topics, options);
    } catch (error) {
      // E.g. "This server does not host this topic-partition" from the metadata call right
      // after the topics were created, while their leaders settle under load.
      if (!isRetriable(error) || attempt + 1 >= ATTEMPTS) throw error;
      await sleep(backoffDelay(attempt, 250, 4_000));
    }
  }
}

/** kafkajs marks broker errors that may pass (leaders moving, coordinator loading) as retriable. */
function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

async function provision(kafka: Kafka, topics: string[], options: TopicProvisioningOptions): Promise<void> {
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
