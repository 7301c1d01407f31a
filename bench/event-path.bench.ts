// The event path against raw kafkajs, on one broker in one run:
//   raw:  kafkajs producer (batches of 500) → kafkajs eachBatch no-op consumer
//   ours: outbox rows → relay (idempotent, acks=all) → Kafka → projection consumer (inbox,
//         offsets and an upsert in one transaction per batch) → projection rows
// Prints events/s and the ratio; fails if the projection differs from the oracle.
import { IncidentEventTypes, quarterOf, topicFor, uuidv7, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import {
  createConsumerTablesSql,
  createKafka,
  createOutboxTableSql,
  ensureTopics,
  OutboxRelay,
  KafkaTransport,
  OutboxWriter,
  ProjectionRunner,
  silentLogger,
} from '@binh-yen/messaging';
import { createTestDatabase, findFreePort, startBroker, uniqueTopicPrefix, type RunningBroker } from '@binh-yen/testing';
import { Kafka, logLevel } from 'kafkajs';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';

const small = process.argv.includes('--small');
const events = Number(process.argv.find((arg) => arg.startsWith('--events='))?.split('=')[1] ?? (small ? 2_000 : 20_000));
const repetitions = small ? 1 : 3;
const partitions = 6;
const categories = ['criminal-offence', 'traffic-order', 'drugs', 'gambling', 'dispute-complaint', 'smuggling'];

function incidentEvent(index: number): EventEnvelope<IncidentReportedV1> {
  const incidentId = uuidv7();
  const occurredAt = new Date(Date.UTC(2026, 6, 1) + (index % 90) * 86_400_000).toISOString();
  return {
    id: uuidv7(),
    type: IncidentEventTypes.reported,
    version: 1,
    occurredAt,
    aggregate: { type: 'incident', id: incidentId },
    sequence: 1,
    actor: { agency: 'police', subject: 'bench' },
    area: `25.227.${String(7882 + (index % 40)).padStart(5, '0')}`,
    data: { incidentId, unitCode: '07882', category: categories[index % categories.length]!, occurredAt, reportedAt: occurredAt, summary: `Vụ việc số ${index}` },
  };
}

/** The same shape of work as the reporting projection: count in memory, one upsert per batch. */
class BenchCountsProjection {
  async apply(batch: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    const counts = new Map<string, number>();
    for (const event of batch) {
      const data = event.data as IncidentReportedV1;
      const key = `${event.area}|${quarterOf(data.occurredAt)}|${data.category}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const keys = [...counts.keys()].map((key) => key.split('|'));
    await tx.query(
      `INSERT INTO bench_counts (area, quarter, category, incidents)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
       ON CONFLICT (quarter, area, category) DO UPDATE SET incidents = bench_counts.incidents + EXCLUDED.incidents`,
      [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2]), [...counts.values()]],
    );
  }
}

async function until(check: () => Promise<boolean>, timeoutMs = 300_000, intervalMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function rawKafkajs(brokers: string[], count: number): Promise<number> {
  const prefix = uniqueTopicPrefix();
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING });
  const topic = `${prefix}raw`;
  await ensureTopics(kafka, [topic], { partitions });
  let seen = 0;
  const consumer = kafka.consumer({ groupId: `${prefix}raw`, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachBatch: async ({ batch }) => void (seen += batch.messages.length) });
  await until(async () => joined);
  const payloads = Array.from({ length: count }, (_, index) => {
    const event = incidentEvent(index);
    return { key: event.aggregate.id, value: JSON.stringify(event) };
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const started = performance.now();
  for (let offset = 0; offset < count; offset += 500) {
    await producer.send({ topic, acks: -1, messages: payloads.slice(offset, offset + 500) });
  }
  await until(async () => seen >= count);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  return count / seconds;
}

async function eventPath(brokers: string[], count: number): Promise<number> {
  const prefix = uniqueTopicPrefix();
  const database = await createTestDatabase('bench');
  const dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } });
  await dataSource.initialize();
  const kafka = createKafka({ brokers, clientId: 'bench-ours' });
  try {
    for (const sql of [...createOutboxTableSql, ...createConsumerTablesSql]) await dataSource.query(sql);
    await dataSource.query(
      `CREATE TABLE bench_counts (area text, quarter text, category text, incidents int NOT NULL, PRIMARY KEY (quarter, area, category))`,
    );
    await ensureTopics(kafka, [topicFor('incident', prefix)], { partitions, withDeadLetterTopics: true });
    const writer = new OutboxWriter({ topicPrefix: prefix, maxEventBytes: 900_000 });
    for (let offset = 0; offset < count; offset += 500) {
      const batch = Array.from({ length: Math.min(500, count - offset) }, (_, index) => incidentEvent(offset + index));
      await dataSource.transaction((tx) => writer.append(tx, batch));
    }
    const projection = new BenchCountsProjection();
    const consumer = new ProjectionRunner(
      new KafkaTransport(kafka),
      dataSource,
      (batch, { manager }) => projection.apply(batch, manager),
      { name: 'bench-counts', version: 1, topics: ['binhyen.incident'], eventTypes: [IncidentEventTypes.reported] },
      { serviceName: 'bench', topicPrefix: prefix, maxAttempts: 3, maxRestarts: 3, maxEventsPerTransaction: 1_000, sessionTimeoutMs: 30_000, heartbeatIntervalMs: 3_000, partitionsConsumedConcurrently: 1 },
      silentLogger,
    );
    await consumer.start();
    await until(async () => consumer.stats().state === 'running');
    const relay = new OutboxRelay(
      new KafkaTransport(kafka),
      { serviceName: 'bench', databaseUrl: database.url, batchSize: 500, pollIntervalMs: 100, standbyRetryMs: 500, retentionMs: 3_600_000, useDatabaseCoordination: true },
      silentLogger,
    );
    const started = performance.now();
    relay.start();
    const total = async (): Promise<number> => Number((await dataSource.query(`SELECT coalesce(sum(incidents), 0) AS n FROM bench_counts`))[0].n);
    await until(async () => (await total()) >= count);
    const seconds = (performance.now() - started) / 1000;
    await relay.stop();
    await consumer.stop();
    // The oracle: every event applied exactly once.
    const applied = Number((await dataSource.query(`SELECT count(*) AS n FROM consumer_inbox`))[0].n);
    const projected = await total();
    if (applied !== count || projected !== count) throw new Error(`projection ${projected} / inbox ${applied} ≠ ${count} events`);
    return count / seconds;
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  let broker: RunningBroker | undefined;
  let brokers = process.env['KAFKA_BROKERS']?.split(',');
  if (!brokers) {
    broker = await startBroker({ port: await findFreePort(), controllerPort: await findFreePort(), fresh: true });
    brokers = broker.brokers;
  }
  try {
    process.stdout.write(`event-path benchmark: ${events} events, ${repetitions} repetition(s), ${partitions} partitions\n`);
    await rawKafkajs(brokers, Math.min(1_000, events));
    await eventPath(brokers, Math.min(1_000, events));
    const raw: number[] = [];
    const ours: number[] = [];
    for (let run = 1; run <= repetitions; run++) {
      raw.push(await rawKafkajs(brokers, events));
      ours.push(await eventPath(brokers, events));
      process.stdout.write(`  run ${run}: raw ${raw.at(-1)!.toFixed(0)} ev/s, ours ${ours.at(-1)!.toFixed(0)} ev/s\n`);
    }
    const result = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, kafka: '3.9.1' },
      events,
      repetitions,
      rawKafkajsEventsPerSecond: { median: median(raw), runs: raw },
      eventPathEventsPerSecond: { median: median(ours), runs: ours },
      ratio: median(ours) / median(raw),
    };
    const table = [
      '| case | events/s (median) | runs |',
      '|---|---|---|',
      `| raw kafkajs produce → eachBatch no-op | ${median(raw).toFixed(0)} | ${raw.map((v) => v.toFixed(0)).join(', ')} |`,
      `| outbox → relay → Kafka → projection | ${median(ours).toFixed(0)} | ${ours.map((v) => v.toFixed(0)).join(', ')} |`,
      `| **ratio** | **${(result.ratio * 100).toFixed(1)}%** | |`,
    ].join('\n');
    process.stdout.write(`\n${table}\n`);
    const name = small ? 'event-path.small.tmp' : 'event-path';
    writeFileSync(join(__dirname, 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(__dirname, 'results', `${name}.md`), `# Event path benchmark\n\n${JSON.stringify(result.machine)}\n\n${events} events, ${repetitions} repetitions, ${result.date}\n\n${table}\n`);
  } finally {
    await broker?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
