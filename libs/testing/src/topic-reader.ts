import { Kafka, logLevel, Partitioners, type IHeaders } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { testBrokers } from './infrastructure-env';

export interface RawMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

function kafka(brokers = testBrokers()): Kafka {
  return new Kafka({ clientId: 'test-reader', brokers, logLevel: logLevel.NOTHING });
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));
}

/** Every message on a topic right now, from the beginning, all partitions. */
export async function readTopic(topic: string, brokers = testBrokers()): Promise<RawMessage[]> {
  const client = kafka(brokers);
  const admin = client.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(ends.filter((end) => end.high !== end.low).map((end) => [end.partition, BigInt(end.high)]));
  const messages: RawMessage[] = [];
  if (remaining.size === 0) return messages;
  const consumer = client.consumer({ groupId: `test-reader-${randomBytes(4).toString('hex')}`, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), 30_000);
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        messages.push({
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value,
          headers: headersOf(message.headers),
        });
        const end = remaining.get(partition);
        if (end !== undefined && BigInt(message.offset) + 1n >= end) remaining.delete(partition);
        if (remaining.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return messages.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/** Writes raw bytes to a topic, bypassing every contract: poison for the tests. */
export async function produceRaw(
  topic: string,
  messages: { key: string; value: Buffer | string; headers?: Record<string, string> }[],
  brokers = testBrokers(),
): Promise<void> {
  const producer = kafka(brokers).producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
}

/** The consumer groups the broker knows, by their exact ids. */
export async function listConsumerGroups(brokers = testBrokers()): Promise<string[]> {
  const admin = kafka(brokers).admin();
  await admin.connect();
  try {
    return (await admin.listGroups()).groups.map((group) => group.groupId);
  } finally {
    await admin.disconnect();
  }
}
