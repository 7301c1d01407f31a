// The relay alone: outbox rows → OutboxRelay (idempotent producer, acks=all, the services'
// defaults: 500 rows per poll) → Kafka, against a raw kafkajs producer sending the same events
// in batches of 100 (idempotent, acks=all) to the same topic, alternated in one run.
//   npm run bench:relay [-- --small | --events=N]
// Oracle: the topic grows by exactly N records in each measurement and the outbox ends empty.
import { topicFor } from '@binh-yen/contracts';
import { createKafka, createOutboxTableSql, ensureTopics, messagingDefaults, KafkaTransport, OutboxRelay, OutboxWriter, silentLogger } from '@binh-yen/messaging';
import { createTestDatabase, uniqueTopicPrefix } from '@binh-yen/testing';
import { Partitioners } from 'kafkajs';
import { DataSource } from 'typeorm';
import { fmt, incidentEvent, numberArg, pct, runMain, series, seriesCell, small, topicEnd, until, withBroker, writeResult } from './lib/bench-kit';

const events = numberArg('events', small ? 2_000 : 20_000);
const repetitions = small ? 1 : 5;
const partitions = 6;

runMain(() =>
  withBroker(async (brokers) => {
    const prefix = uniqueTopicPrefix();
    const topic = topicFor('incident', prefix);
    const kafka = createKafka({ brokers, clientId: 'bench-relay' });
    await ensureTopics(kafka, [topic], { partitions });
    const database = await createTestDatabase('bench_relay');
    const dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 4 } });
    await dataSource.initialize();
    const defaults = messagingDefaults({ serviceName: 'bench', brokers, databaseUrl: database.url });
    const relay = new OutboxRelay(
      new KafkaTransport(kafka),
      { serviceName: 'bench', databaseUrl: database.url, batchSize: defaults.relay.batchSize, pollIntervalMs: defaults.relay.pollIntervalMs, standbyRetryMs: 500, retentionMs: 3_600_000, useDatabaseCoordination: true },
      silentLogger,
    );
    const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    try {
      for (const sql of createOutboxTableSql) await dataSource.query(sql);
      const writer = new OutboxWriter({ topicPrefix: prefix, maxEventBytes: 900_000 });
      await producer.connect();
      relay.start();
      await until(async () => (await relay.stats()).role === 'leader');
      process.stdout.write(`relay benchmark: ${events} events, ${repetitions} repetition(s), ${partitions} partitions, relay batch ${defaults.relay.batchSize}\n`);

      const raw = async (count: number): Promise<number> => {
        const messages = Array.from({ length: count }, (_, index) => {
          const event = incidentEvent(index);
          return { key: event.aggregate.id, value: JSON.stringify(event), headers: { 'event-id': event.id, 'event-type': event.type, 'event-version': '1' } };
        });
        const before = await topicEnd(kafka, topic);
        const started = performance.now();
        for (let offset = 0; offset < count; offset += 100) await producer.send({ topic, acks: -1, messages: messages.slice(offset, offset + 100) });
        const seconds = (performance.now() - started) / 1000;
        const grown = (await topicEnd(kafka, topic)) - before;
        if (grown !== count) throw new Error(`raw producer: topic grew by ${grown}, not ${count}`);
        return count / seconds;
      };

      const ours = async (count: number): Promise<number> => {
        const before = await topicEnd(kafka, topic);
        const published = (await relay.stats()).publishedSinceStart;
        // All rows committed in one transaction: the relay sees none of them until the commit.
        await dataSource.transaction(async (tx) => {
          for (let offset = 0; offset < count; offset += 1_000) {
            await writer.append(tx, Array.from({ length: Math.min(1_000, count - offset) }, (_, index) => incidentEvent(offset + index)));
          }
        });
        const started = performance.now();
        await until(async () => (await relay.stats()).publishedSinceStart - published >= count, 300_000, 5);
        const seconds = (performance.now() - started) / 1000;
        const grown = (await topicEnd(kafka, topic)) - before;
        const backlog = Number((await dataSource.query(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0].n);
        if (grown !== count || backlog !== 0) throw new Error(`relay: topic grew by ${grown} of ${count}, ${backlog} rows left in the outbox`);
        return count / seconds;
      };

      await raw(Math.min(1_000, events));
      await ours(Math.min(1_000, events));
      const rawRuns: number[] = [];
      const ourRuns: number[] = [];
      for (let run = 1; run <= repetitions; run++) {
        rawRuns.push(await raw(events));
        ourRuns.push(await ours(events));
        process.stdout.write(`  run ${run}: raw ${fmt(rawRuns.at(-1)!)} ev/s, relay ${fmt(ourRuns.at(-1)!)} ev/s\n`);
      }
      const rawSeries = series(rawRuns);
      const ourSeries = series(ourRuns);
      const ratio = ourSeries.median / rawSeries.median;
      const markdown = [
        `${events} events per repetition, ${repetitions} repetition(s) after a warm-up, alternated; one topic of ${partitions} partitions.`,
        '',
        '| case | events/s median (min–max, ±half-range) |',
        '|---|---|',
        `| raw kafkajs producer, batches of 100, idempotent, acks=all | ${seriesCell(rawSeries)} |`,
        `| outbox → OutboxRelay → Kafka (batch ${defaults.relay.batchSize}, the services' default) | ${seriesCell(ourSeries)} |`,
        `| **ratio** | **${pct(ratio)}** |`,
      ].join('\n');
      process.stdout.write(`\n${markdown}\n`);
      await writeResult('relay', 'Relay benchmark', {
        markdown,
        summary: [{ case: 'relay', ours: `${fmt(ourSeries.median)} ev/s`, baseline: `${fmt(rawSeries.median)} ev/s (raw producer, batches of 100)`, ratio, target: '≥ 50%', met: ratio >= 0.5, valid: true }],
        data: { events, repetitions, partitions, relayBatchSize: defaults.relay.batchSize, rawEventsPerSecond: rawSeries, relayEventsPerSecond: ourSeries, ratio },
      });
    } finally {
      await relay.stop();
      await producer.disconnect();
      await dataSource.destroy();
      await database.drop();
    }
  }),
);
