import { platformPartitioner } from './kafka-connection';

/**
 * Vectors computed with the Java client (kafka-clients 3.9.1:
 * Utils.toPositive(Utils.murmur2(key.getBytes(UTF_8))) % partitions), so a
 * Java consumer or Kafka Streams app agrees with us on where a key lives.
 */
const javaVectors: [key: string, partitionsOf6: number, partitionsOf3: number][] = [
  ['01a223b1-d47a-767e-b963-16f6fa7891e8', 1, 1],
  ['07882', 2, 2],
  ['Việt Trì', 2, 2],
  ['incident-42', 0, 0],
  ['a', 4, 1],
];

function partitionOf(key: string, count: number): number {
  const partition = platformPartitioner()({
    topic: 'any',
    partitionMetadata: Array.from({ length: count }, (_, id) => ({ partitionId: id, leader: 1, partitionErrorCode: 0, replicas: [1], isr: [1] })),
    message: { key: Buffer.from(key, 'utf8'), value: null },
  });
  return partition;
}

describe('the platform partitioner', () => {
  it.each(javaVectors)('puts key %s where the Java client does', (key, of6, of3) => {
    expect(partitionOf(key, 6)).toBe(of6);
    expect(partitionOf(key, 3)).toBe(of3);
  });
});
