import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startBroker, type RunningBroker } from './kafka-broker';

/** This file runs its own broker (the harness under test), independent of the global one. */
describe('startBroker: a real Kafka broker that survives kill -9', () => {
  const topic = 'harness.durability';
  const sent = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `message ${i}` }));
  let broker: RunningBroker | undefined;
  let dataDir: string;

  const client = (b: RunningBroker): Kafka => new Kafka({ clientId: 'kafka-broker-int-spec', brokers: b.brokers, logLevel: logLevel.NOTHING });

  async function consumeAll(b: RunningBroker, groupId: string, expected: number): Promise<Array<{ key: string; value: string; partition: number }>> {
    const consumer = client(b).consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 500 });
    const received: Array<{ key: string; value: string; partition: number }> = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length}/${expected} messages after 30 s`)), 30_000);
        consumer
          .run({
            eachMessage: async ({ message, partition }) => {
              received.push({ key: String(message.key), value: String(message.value), partition });
              if (received.length >= expected) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return received;
  }

  function portRefuses(port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
  }

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'binh-yen-kafka-'));
  });

  afterAll(async () => {
    await broker?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a topic, keeps 10 messages across a SIGKILL and a restart on the same data', async () => {
    const port = await findFreePort();
    const controllerPort = await findFreePort();
    const startedAt = Date.now();
    broker = await startBroker({ port, controllerPort, dataDir, fresh: true });
    process.stdout.write(`[kafka-broker.int-spec] broker ${broker.brokers.join(',')} (pid ${broker.pid}) ready in ${Date.now() - startedAt} ms\n`);
    expect(broker.brokers).toEqual([`127.0.0.1:${port}`]);

    const admin = client(broker).admin();
    await admin.connect();
    try {
      await expect(admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true })).resolves.toBe(true);
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata!.partitions).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }

    const producer = client(broker).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: sent });
    await producer.disconnect();

    const before = await consumeAll(broker, 'harness-before', sent.length);
    expect(before.map(({ key, value }) => ({ key, value })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(sent);
    expect(new Set(before.map((m) => m.partition)).size).toBeGreaterThan(1);

    const killedPid = broker.pid;
    await broker.kill('SIGKILL');
    expect(await portRefuses(port)).toBe(true);

    const restartedAt = Date.now();
    await broker.restart();
    process.stdout.write(`[kafka-broker.int-spec] restarted after SIGKILL (pid ${broker.pid}) in ${Date.now() - restartedAt} ms\n`);
    expect(broker.pid).not.toBe(killedPid);

    const after = await consumeAll(broker, 'harness-after-restart', sent.length);
    expect(after.map(({ key, value }) => ({ key, value })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(sent);
  }, 120_000);
});
