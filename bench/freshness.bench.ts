// Freshness: how long after an incident is recorded it shows in the reporting view, at a
// constant 500 events/s. Each event is its own transaction in a service database (the
// incident's outbox row, as the incidents service writes it); the relay (services' defaults:
// NOTIFY wake-up, batch 500) publishes to Kafka; the reporting incident-counts projection
// (services' defaults) applies it to its own database. The view is read every 10 ms: an event
// is fresh once the projection's transaction that counted it is visible (its inbox row commits
// with the upsert). Latency = first read that sees it − commit of its outbox row.
// Invalid if the projection's group joined more than once or its counts differ from the oracle.
//   npm run bench:freshness [-- --small | --rate=N --seconds=N]
import { IncidentEventTypes, quarterOf, topicFor, Topics } from '@binh-yen/contracts';
import { createKafka, createOutboxTableSql, ensureTopics, messagingDefaults, OutboxRelay, OutboxWriter, ProjectionRunner, KafkaTransport, silentLogger } from '@binh-yen/messaging';
import { createTestDatabase, uniqueTopicPrefix } from '@binh-yen/testing';
import { DataSource } from 'typeorm';
import { fmt, incidentCountsHandler, incidentEvent, JoinCountingTransport, numberArg, percentile, runMain, series, sleep, small, until, withBroker, writeResult } from './lib/bench-kit';
import { INCIDENT_COUNTS, reportingEntry } from '@binh-yen/reporting-app';

const rate = numberArg('rate', 500);
const windowSeconds = numberArg('seconds', small ? 2 : 15);
const repetitions = small ? 1 : 3;
const warmUpSeconds = small ? 1 : 3;
const partitions = 6;

runMain(() =>
  withBroker(async (brokers) => {
    const prefix = uniqueTopicPrefix();
    const kafka = createKafka({ brokers, clientId: 'bench-freshness' });
    await ensureTopics(kafka, [topicFor('incident', prefix)], { partitions, withDeadLetterTopics: true });
    const sourceDb = await createTestDatabase('bench_fresh_src');
    const viewDb = await createTestDatabase('bench_fresh_view');
    const source = new DataSource({ type: 'postgres', url: sourceDb.url, extra: { max: 10 } });
    const view = new DataSource({ type: 'postgres', url: viewDb.url, migrations: reportingEntry.spec.migrations, migrationsTableName: 'schema_migrations', extra: { max: 10 } });
    await source.initialize();
    await view.initialize();
    await view.runMigrations();
    for (const sql of createOutboxTableSql) await source.query(sql);
    const defaults = messagingDefaults({ serviceName: 'bench', brokers, databaseUrl: sourceDb.url });
    const relay = new OutboxRelay(
      new KafkaTransport(kafka),
      { serviceName: 'bench', databaseUrl: sourceDb.url, batchSize: defaults.relay.batchSize, pollIntervalMs: defaults.relay.pollIntervalMs, standbyRetryMs: 500, retentionMs: 3_600_000, useDatabaseCoordination: true },
      silentLogger,
    );
    const transport = new JoinCountingTransport(kafka);
    const consumer = new ProjectionRunner(
      transport,
      view,
      incidentCountsHandler(),
      { ...INCIDENT_COUNTS, topics: [Topics.incident], eventTypes: [IncidentEventTypes.reported, IncidentEventTypes.transferred] },
      { serviceName: 'reporting', topicPrefix: prefix, ...defaults.consumers },
      silentLogger,
    );
    // The reader polls the view until told to stop; stopped before the databases go, so a
    // failure is reported as itself rather than as the reader's "Driver not Connected".
    let stopReading = false;
    let reader: Promise<void> = Promise.resolve();
    try {
      relay.start();
      await consumer.start();
      await until(async () => transport.joins > 0 && (await relay.stats()).role === 'leader', 120_000, 10);
      process.stdout.write(`freshness benchmark: ${rate} events/s, ${warmUpSeconds} s warm-up + ${repetitions} × ${windowSeconds} s\n`);

      const writer = new OutboxWriter({ topicPrefix: prefix, maxEventBytes: 900_000 });
      const committedAt = new Map<string, { at: number; window: number }>();
      const visibleAt = new Map<string, number>();
      const oracle = new Map<string, number>();
      let written = 0;
      let producing = true;

      // The reader: what the view shows, every 10 ms.
      let since = '1970-01-01T00:00:00Z';
      reader = (async () => {
        while (!stopReading && (producing || visibleAt.size < written)) {
          const readAt = performance.now();
          const rows: { event_id: string; applied_at: Date }[] = await view.query(
            `SELECT event_id, applied_at FROM consumer_inbox WHERE applied_at >= $1::timestamptz - interval '5 seconds'`,
            [since],
          );
          let newest = since;
          for (const row of rows) {
            if (!visibleAt.has(row.event_id)) visibleAt.set(row.event_id, readAt);
            const at = row.applied_at.toISOString();
            if (at > newest) newest = at;
          }
          since = newest;
          await sleep(10);
        }
      })();

      // The writer: a constant rate, one transaction per event.
      const total = warmUpSeconds + repetitions * windowSeconds;
      const started = performance.now();
      const inFlight = new Set<Promise<void>>();
      while (performance.now() - started < total * 1000) {
        const elapsed = (performance.now() - started) / 1000;
        const due = Math.floor(elapsed * rate) - written;
        for (let i = 0; i < due; i++) {
          const event = incidentEvent(written++);
          const window = elapsed < warmUpSeconds ? -1 : Math.min(repetitions - 1, Math.floor((elapsed - warmUpSeconds) / windowSeconds));
          const key = `${event.area}|${quarterOf(event.data.occurredAt)}|${event.data.category}`;
          oracle.set(key, (oracle.get(key) ?? 0) + 1);
          const write = source.transaction((tx) => writer.append(tx, [event])).then(() => void committedAt.set(event.id, { at: performance.now(), window }));
          inFlight.add(write);
          void write.finally(() => inFlight.delete(write));
        }
        await sleep(5);
      }
      const achievedRate = written / ((performance.now() - started) / 1000);
      await Promise.all(inFlight);
      producing = false;
      await until(async () => visibleAt.size >= written, 120_000, 20);
      await reader;

      const windows = Array.from({ length: repetitions }, () => [] as number[]);
      for (const [id, { at, window }] of committedAt) {
        if (window >= 0) windows[window]!.push(visibleAt.get(id)! - at);
      }
      const p50 = series(windows.map((latencies) => percentile(latencies, 50)));
      const p99 = series(windows.map((latencies) => percentile(latencies, 99)));
      const max = Math.max(...windows.flat());

      const rows: { area: string; quarter: string; category: string; incidents: number }[] = await view.query(`SELECT area, quarter, category, incidents FROM incident_counts_v1`);
      const oracleOk = rows.length === oracle.size && rows.every((row) => oracle.get(`${row.area}|${row.quarter}|${row.category}`) === Number(row.incidents));
      if (!oracleOk) throw new Error('the projection differs from the oracle');
      const rebalances = transport.joins - 1;
      const valid = rebalances === 0;
      const markdown = [
        `${written} events at ${fmt(achievedRate)} events/s achieved (target rate ${rate}), one transaction each; ${warmUpSeconds} s warm-up, then ${repetitions} window(s) of ${windowSeconds} s. Relay and projection with the services' defaults. Rebalances: ${rebalances}. The projection equals the oracle.`,
        '',
        '| window | events | p50 ms | p99 ms |',
        '|---|---|---|---|',
        ...windows.map((latencies, i) => `| ${i + 1} | ${latencies.length} | ${fmt(percentile(latencies, 50), 0)} | ${fmt(percentile(latencies, 99), 0)} |`),
        `| **median** | | **${fmt(p50.median, 0)}** | **${fmt(p99.median, 0)}** |`,
        '',
        `Worst single event: ${fmt(max, 0)} ms.`,
      ].join('\n');
      process.stdout.write(`\n${markdown}\n`);
      await writeResult('freshness', 'Freshness benchmark (event → view latency)', {
        markdown,
        summary: [
          {
            case: 'freshness',
            ours: `p50 ${fmt(p50.median)} ms, p99 ${fmt(p99.median)} ms at ${fmt(achievedRate)} ev/s`,
            baseline: '—',
            ratio: null,
            target: 'p99 ≤ 1 s',
            met: p99.median <= 1_000,
            valid,
            notes: valid ? undefined : `${rebalances} rebalance(s)`,
          },
        ],
        data: { rate, achievedRate, warmUpSeconds, windowSeconds, repetitions, events: written, latencyMs: { p50, p99, max }, rebalances },
      });
      if (!valid) throw new Error(`${rebalances} rebalance(s) during the run: invalid`);
    } finally {
      stopReading = true;
      await reader.catch(() => undefined);
      await relay.stop();
      await consumer.stop();
      await source.destroy();
      await view.destroy();
      await sourceDb.drop();
      await viewDb.drop();
    }
  }),
);
