// The projection consumer alone, on a topic already holding N incident.reported events:
//   baseline: a raw kafkajs consumer, eachBatch no-op, fresh group, from the beginning;
//   ours:     the reporting service's incident-counts projection (real upserts into
//             incident_counts_v1 and incident_rollup_v1, inbox, offsets, one transaction per
//             batch) with the services' default consumer settings, into a fresh database.
// The timed window starts when the group is joined (not at connect) and ends when the last
// event is applied. Invalid if a group joined more than once (a rebalance) or if the
// projection differs from the oracle (the counts computed in memory from the same events).
//   npm run bench:consumer [-- --small | --events=N]
import { IncidentEventTypes, quarterOf, topicFor, Topics, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import { createKafka, decodeMessage, ensureTopics, messagingDefaults, ProjectionRunner, silentLogger } from '@binh-yen/messaging';
import { createTestDatabase, uniqueTopicPrefix } from '@binh-yen/testing';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { fmt, incidentCountsHandler, incidentEvent, JoinCountingTransport, numberArg, pct, runMain, series, seriesCell, small, until, withBroker, writeResult } from './lib/bench-kit';
import { INCIDENT_COUNTS, reportingEntry } from '@binh-yen/reporting-app';

const events = numberArg('events', small ? 5_000 : 50_000);
const repetitions = small ? 1 : 3;
const partitions = 6;

runMain(() =>
  withBroker(async (brokers) => {
    const prefix = uniqueTopicPrefix();
    const topic = topicFor('incident', prefix);
    const kafka = createKafka({ brokers, clientId: 'bench-consumer' });
    await ensureTopics(kafka, [topic], { partitions, withDeadLetterTopics: true });
    const defaults = messagingDefaults({ serviceName: 'reporting', brokers, databaseUrl: '' }).consumers;
    process.stdout.write(
      `consumer benchmark: ${events} events, ${repetitions} repetition(s), ${partitions} partitions, ${defaults.maxEventsPerTransaction} events/transaction, ${defaults.partitionsConsumedConcurrently} partition(s) at once\n`,
    );

    // The topic, written once; the oracle is computed from the same events.
    const oracle = new Map<string, number>();
    const encoded: Buffer[] = [];
    const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    for (let start = 0; start < events; start += 1_000) {
      const batch: EventEnvelope<IncidentReportedV1>[] = Array.from({ length: Math.min(1_000, events - start) }, (_, i) => incidentEvent(start + i));
      for (const event of batch) {
        const key = `${event.area}|${quarterOf(event.data.occurredAt)}|${event.data.category}`;
        oracle.set(key, (oracle.get(key) ?? 0) + 1);
      }
      for (const event of batch) encoded.push(Buffer.from(JSON.stringify(event)));
      await producer.send({
        topic,
        acks: -1,
        messages: batch.map((event) => ({ key: event.aggregate.id, value: JSON.stringify(event), headers: { 'event-id': event.id, 'event-type': event.type, 'event-version': '1' } })),
      });
    }
    await producer.disconnect();

    let rebalances = 0;
    const raw = async (count: number): Promise<number> => {
      let seen = 0;
      let joins = 0;
      let joinedAt = 0;
      const consumer = kafka.consumer({ groupId: `${prefix}raw-${Math.random().toString(36).slice(2)}`, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
      consumer.on(consumer.events.GROUP_JOIN, () => {
        joins += 1;
        joinedAt ||= performance.now();
      });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachBatch: async ({ batch }) => void (seen += batch.messages.length) });
      await until(async () => seen >= count, 300_000, 2);
      const seconds = (performance.now() - joinedAt) / 1000;
      await consumer.disconnect();
      if (joins !== 1) rebalances += joins - 1;
      return count / seconds;
    };

    const ours = async (count: number, settings: typeof defaults = defaults): Promise<number> => {
      const database = await createTestDatabase('bench_consumer');
      const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: reportingEntry.spec.migrations, migrationsTableName: 'schema_migrations', extra: { max: 10 } });
      await dataSource.initialize();
      await dataSource.runMigrations();
      const transport = new JoinCountingTransport(kafka);
      const consumer = new ProjectionRunner(
        transport,
        dataSource,
        incidentCountsHandler(),
        { ...INCIDENT_COUNTS, topics: [Topics.incident], eventTypes: [IncidentEventTypes.reported, IncidentEventTypes.transferred] },
        { serviceName: `bench${Math.random().toString(36).slice(2, 8)}`, topicPrefix: prefix, ...settings },
        silentLogger,
      );
      try {
        await consumer.start();
        await until(async () => transport.joins > 0, 120_000, 2);
        const started = performance.now();
        await until(async () => consumer.stats().applied >= count, 600_000, 2);
        const seconds = (performance.now() - started) / 1000;
        await consumer.stop();
        if (transport.joins !== 1) rebalances += transport.joins - 1;
        const rows: { area: string; quarter: string; category: string; incidents: number }[] = await dataSource.query(
          `SELECT area, quarter, category, incidents FROM incident_counts_v1`,
        );
        const province = Number((await dataSource.query(`SELECT coalesce(sum(incidents), 0) AS n FROM incident_rollup_v1 WHERE area = '25'`))[0].n);
        const differs = rows.length !== oracle.size || rows.some((row) => oracle.get(`${row.area}|${row.quarter}|${row.category}`) !== Number(row.incidents));
        if (count === events && (differs || province !== events)) throw new Error(`projection differs from the oracle (${rows.length} rows, province ${province} of ${events})`);
        return count / seconds;
      } finally {
        await consumer.stop().catch(() => undefined);
        await dataSource.destroy();
        await database.drop();
      }
    };

    await raw(events);
    await ours(events);
    rebalances = 0;
    // What was tried beside the defaults: the former 1,000 events per transaction (groups of the
    // partitions' chunks fill a transaction up to it). The settings are fixed in
    // libs/service-runtime for the services, not configurable.
    const tuned = { ...defaults, maxEventsPerTransaction: 1_000 };
    const rawRuns: number[] = [];
    const ourRuns: number[] = [];
    const tunedRuns: number[] = [];
    for (let run = 1; run <= repetitions; run++) {
      rawRuns.push(await raw(events));
      ourRuns.push(await ours(events));
      tunedRuns.push(await ours(events, tuned));
      process.stdout.write(`  run ${run}: raw ${fmt(rawRuns.at(-1)!)} ev/s, projection ${fmt(ourRuns.at(-1)!)} ev/s, projection tuned ${fmt(tunedRuns.at(-1)!)} ev/s\n`);
    }
    const rawSeries = series(rawRuns);
    const ourSeries = series(ourRuns);
    const tunedSeries = series(tunedRuns);

    // Where the time goes: what the consumer does per event on the Node thread before any
    // database work (JSON.parse alone, then decodeMessage = JSON.parse + the contract check).
    const cpuRate = (work: (value: Buffer, index: number) => unknown): number => {
      const runs: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        encoded.forEach((value, index) => work(value, index));
        runs.push(encoded.length / ((performance.now() - started) / 1000));
      }
      return series(runs).median;
    };
    const parseOnly = cpuRate((value) => JSON.parse(value.toString('utf8')));
    const decodeOnly = cpuRate((value, index) => decodeMessage({ offset: String(index), key: null, value, headers: {}, timestamp: '0' } as never));
    const ratio = ourSeries.median / rawSeries.median;
    const valid = rebalances === 0;
    const markdown = [
      `${events} events, ${repetitions} repetition(s) after a warm-up, alternated; ${partitions} partitions; projection settings = the services' defaults (${defaults.maxEventsPerTransaction} events per transaction, ${defaults.partitionsConsumedConcurrently} partition(s) consumed at once). Rebalances in timed windows: ${rebalances}. The projection equalled the oracle in every repetition.`,
      '',
      '| case | events/s median (min–max, ±half-range) |',
      '|---|---|',
      `| raw kafkajs eachBatch no-op | ${seriesCell(rawSeries)} |`,
      `| incident-counts projection consumer (inbox + upserts + offsets per batch) | ${seriesCell(ourSeries)} |`,
      `| **ratio** | **${pct(ratio)}** |`,
      `| tried: same projection, 1,000 events per transaction (the former default) | ${seriesCell(tunedSeries)} = ${pct(tunedSeries.median / rawSeries.median)} of raw |`,
      '',
      'Per-event CPU on the Node thread, no database and no Kafka (same events, same run):',
      '',
      '| step | events/s on one thread |',
      '|---|---|',
      `| JSON.parse of the message value | ${fmt(parseOnly)} |`,
      `| decodeMessage (JSON.parse + contract check, what the consumer runs per event) | ${fmt(decodeOnly)} |`,
    ].join('\n');
    process.stdout.write(`\n${markdown}\n`);
    await writeResult('consumer', 'Consumer benchmark', {
      markdown,
      summary: [
        {
          case: 'consumer',
          ours: `${fmt(ourSeries.median)} ev/s`,
          baseline: `${fmt(rawSeries.median)} ev/s (raw eachBatch no-op)`,
          ratio,
          target: '≥ 50% and ≥ 20,000 ev/s',
          met: ratio >= 0.5 && ourSeries.median >= 20_000,
          valid,
          notes: valid ? undefined : `${rebalances} rebalance(s) in timed windows`,
        },
      ],
      data: { events, repetitions, partitions, consumerSettings: defaults, rebalances, rawEventsPerSecond: rawSeries, projectionEventsPerSecond: ourSeries, ratio, tried: { settings: tuned, eventsPerSecond: tunedSeries, ratio: tunedSeries.median / rawSeries.median }, cpuOnly: { jsonParseEventsPerSecond: parseOnly, decodeMessageEventsPerSecond: decodeOnly } },
    });
    if (!valid) throw new Error(`${rebalances} consumer-group rebalance(s) in a timed window: the run is invalid`);
  }),
);
