import type { PartitionerArgs } from 'kafkajs';
import { platformPartitioner } from '../kafka/kafka-connection';

/** Made at first use: the partitioner comes from kafkajs, which is loaded late (kafka-connection.ts). */
let partitioner: ((args: PartitionerArgs) => number) | undefined;

/**
 * The partition of a key among `count`: the same Java-compatible murmur2 as on
 * Kafka, so a key lives on the same partition number in both modes.
 */
export function partitionFor(topic: string, key: Buffer | string | null, count: number): number {
  partitioner ??= platformPartitioner();
  return partitioner({
    topic,
    partitionMetadata: Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] })),
    message: { key: key === null ? null : Buffer.isBuffer(key) ? key : Buffer.from(key, 'utf8'), value: null },
  });
}
