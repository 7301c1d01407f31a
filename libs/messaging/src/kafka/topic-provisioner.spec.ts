import type { Kafka } from 'kafkajs';
import { ensureTopics } from './topic-provisioner';

/** An admin client that fails createTopics with the given errors, in order, then succeeds. */
function kafkaFailingWith(...errors: Error[]): { kafka: Kafka; calls: () => number } {
  let calls = 0;
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    listTopics: async () => [],
    createTopics: async () => {
      calls += 1;
      const error = errors.shift();
      if (error) throw error;
      return true;
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, calls: () => calls };
}

const retriable = (message: string): Error => Object.assign(new Error(message), { retriable: true });

describe('ensureTopics', () => {
  it('tries again when the broker answers a retriable error, such as a partition whose leader is settling', async () => {
    const { kafka, calls } = kafkaFailingWith(retriable('This server does not host this topic-partition'));
    await ensureTopics(kafka, ['binh-yen.incident'], { partitions: 6 });
    expect(calls()).toBe(2);
  });

  it('gives up at once on an error that will not pass', async () => {
    const { kafka, calls } = kafkaFailingWith(new Error('Topic authorization failed'));
    await expect(ensureTopics(kafka, ['binh-yen.incident'], { partitions: 6 })).rejects.toThrow('Topic authorization failed');
    expect(calls()).toBe(1);
  });
});
