// Rebuild speed: a projection consuming its topic from the beginning (inbox, offsets and
// upserts in one transaction per batch) against raw kafkajs consumption of the same topic.
//   npm run bench:rebuild [-- --small | --events=N]
import { IncidentEventTypes, topicFor, Topics, uuidv7, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import { createKafka, ensureTopics, KafkaTransport, ProjectionRunner, silentLogger } from '@binh-yen/messaging';
import { createTestDatabase, findFreePort, startBroker, uniqueTopicPrefix, type RunningBroker } from '@binh-yen/testing';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { incidentCountsHandler } from './lib/bench-kit';
import { reportingEntry } from '@binh-yen/reporting-app';

const small = process.argv.includes('--small');
const events = Number(process.argv.find((arg) => arg.startsWith('--events='))?.split('=')[1] ?? (small ? 5_000 : 100_000));

async function until(check: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main(): Promise<void> {
  let broker: RunningBroker | undefined;
  let brokers = process.env['KAFKA_BROKERS']?.split(',');
  if (!brokers) {
    broker = await startBroker({ port: await findFreePort(), controllerPort: await findFreePort(), fresh: true });
    brokers = broker.brokers;
  }
  const prefix = uniqueTopicPrefix();
  const topic = topicFor('incident', prefix);
  const raw = new Kafka({ clientId: 'bench-rebuild', brokers, logLevel: logLevel.NOTHING });
  const database = await createTestDatabase('bench_rebuild');
  const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: reportingEntry.spec.migrations, migrationsTableName: 'schema_migrations', extra: { max: 4 } });
  try {
    await ensureTopics(raw, [topic], { partitions: 6, withDeadLetterTopics: true });
    const producer = raw.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    for (let start = 0; start < events; start += 1_000) {
      const messages = Array.from({ length: Math.min(1_000, events - start) }, (_, i) => {
        const incidentId = uuidv7();
        const occurredAt = new Date(Date.UTC(2026, 0, 1) + ((start + i) % 300) * 86_400_000).toISOString();
        const event: EventEnvelope<IncidentReportedV1> = {
          id: uuidv7(),
          type: IncidentEventTypes.reported,
          version: 1,
          occurredAt,
          aggregate: { type: 'incident', id: incidentId },
          sequence: 1,
          actor: { agency: 'police', subject: 'bench' },
          area: `25.${227 + ((start + i) % 13)}.${String(7000 + ((start + i) % 400)).padStart(5, '0')}`,
          data: { incidentId, unitCode: 'x', category: ['drugs', 'gambling', 'criminal-offence'][(start + i) % 3]!, occurredAt, reportedAt: occurredAt, summary: 'x' },
        };
        return { key: incidentId, value: JSON.stringify(event) };
      });
      await producer.send({ topic, acks: -1, messages });
    }
    await producer.disconnect();

    // Raw: a kafkajs consumer that does nothing with the messages.
    let seen = 0;
    const consumer = raw.consumer({ groupId: `${prefix}raw`, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const rawStarted = performance.now();
    await consumer.run({ eachBatch: async ({ batch }) => void (seen += batch.messages.length) });
    await until(async () => seen >= events);
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    await consumer.disconnect();

    // Ours: the incident-counts projection rebuilt from the beginning into fresh tables.
    await dataSource.initialize();
    await dataSource.runMigrations();
    const projection = new ProjectionRunner(
      new KafkaTransport(createKafka({ brokers, clientId: 'bench-rebuild-ours' })),
      dataSource,
      incidentCountsHandler(),
      { name: 'incident-counts', version: 1, topics: [Topics.incident], eventTypes: [IncidentEventTypes.reported] },
      { serviceName: 'bench', topicPrefix: prefix, maxAttempts: 3, maxRestarts: 3, maxEventsPerTransaction: 5_000, sessionTimeoutMs: 30_000, heartbeatIntervalMs: 3_000, partitionsConsumedConcurrently: 3 },
      silentLogger,
    );
    const applied = async (): Promise<number> => Number((await dataSource.query(`SELECT coalesce(sum(next_offset), 0) AS n FROM consumer_offsets`))[0].n);
    const oursStarted = performance.now();
    await projection.start();
    await until(async () => (await applied()) >= events);
    const oursSeconds = (performance.now() - oursStarted) / 1000;
    await projection.stop();
    const counted = Number((await dataSource.query(`SELECT sum(incidents) AS n FROM incident_counts_v1`))[0].n);
    if (counted !== events) throw new Error(`projection counted ${counted} of ${events} events`);

    const result = { date: new Date().toISOString(), machine: { cores: cpus().length, node: process.version }, events, rawEventsPerSecond: events / rawSeconds, rebuildEventsPerSecond: events / oursSeconds };
    const table = [
      '| case | events/s |',
      '|---|---|',
      `| raw kafkajs consumption (no-op) | ${result.rawEventsPerSecond.toFixed(0)} |`,
      `| projection rebuild (incident-counts, exactly once) | ${result.rebuildEventsPerSecond.toFixed(0)} |`,
      `| **ratio** | **${((result.rebuildEventsPerSecond / result.rawEventsPerSecond) * 100).toFixed(1)}%** |`,
    ].join('\n');
    process.stdout.write(`rebuild on ${events} events:\n${table}\n`);
    const name = small ? 'rebuild.small.tmp' : 'rebuild';
    writeFileSync(join(__dirname, 'results', `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(__dirname, 'results', `${name}.md`), `# Rebuild benchmark\n\n${events} events, ${result.date}\n\n${table}\n`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
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
