import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IncidentEventTypes, topicFor, uuidv7, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import { dataSourceOptions, ensureClusterTemplate, runMigrations, startEmbeddedPostgres, type EmbeddedPostgres } from '@binh-yen/persistence';
import { DataSource } from 'typeorm';
import type { ProjectionContext } from '../consumer/projection-context';
import { ProjectionRunner } from '../consumer/projection-runner';
import { silentLogger } from '../logger';
import { createConsumerTablesSql } from '../outbox/outbox-schema';
import type { ConsumedBatch, EventSubscription, SubscriptionHandlers } from '../transport/event-transport';
import { eventLogMigrations } from './event-log-schema';
import { partitionFor } from './log-partitioner';
import { UnknownTopicError } from './table-log-publisher';
import { TableLogTransport } from './table-log-transport';

const TOPIC = 'binhyen.incident';
const PROJECTION_PREFIX = 'projection-test.';

function reported(summary: string, incidentId = uuidv7()): EventEnvelope<IncidentReportedV1> {
  return {
    id: uuidv7(),
    type: IncidentEventTypes.reported,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregate: { type: 'incident', id: incidentId },
    sequence: 1,
    actor: { agency: 'police', subject: 'table-log-test' },
    area: '25.227',
    data: { incidentId, unitCode: '07882', category: 'drugs', occurredAt: '2026-08-01T00:00:00Z', reportedAt: '2026-08-01T00:00:00Z', summary },
  };
}

function asMessage(event: EventEnvelope): { key: string; value: string; headers: Record<string, string> } {
  return { key: event.aggregate.id, value: JSON.stringify(event), headers: { 'event-id': event.id, 'event-type': event.type, 'event-version': '1' } };
}

/** A subscription that records what it is handed and commits only when told to. */
function recorder(commit: boolean): { handlers: SubscriptionHandlers; seen: { partition: number; offset: string; key: string }[] } {
  const seen: { partition: number; offset: string; key: string }[] = [];
  const handlers: SubscriptionHandlers = {
    onBatch: async (batch: ConsumedBatch) => {
      for (const message of batch.messages) seen.push({ partition: batch.partition, offset: message.offset, key: String(message.key) });
      if (commit) batch.resolveOffset(batch.messages[batch.messages.length - 1]!.offset);
    },
    onJoined: () => undefined,
    onCrashed: () => undefined,
    shouldRestart: () => false,
  };
  return { handlers, seen };
}

async function until(check: () => boolean | Promise<boolean>, description: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the embedded table log (PGlite)', () => {
  let root: string;
  let logDb: EmbeddedPostgres;
  let projectionDb: EmbeddedPostgres;
  let transport: TableLogTransport;
  const subscriptions: EventSubscription[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'table-log-'));
    await ensureClusterTemplate(join(root, 'template'));
    logDb = await startEmbeddedPostgres({ dataDir: join(root, 'events'), port: 0, templateDir: join(root, 'template'), sharedBuffers: '8MB' });
    projectionDb = await startEmbeddedPostgres({ dataDir: join(root, 'projection'), port: 0, templateDir: join(root, 'template'), sharedBuffers: '8MB' });
    await runMigrations(dataSourceOptions({ url: logDb.url, poolSize: 1, migrations: eventLogMigrations, applicationName: 'log-migrate' }));
    transport = new TableLogTransport({ url: logDb.url, pollIntervalMs: 50 });
    await transport.ensureTopics([TOPIC], { partitions: 6, withDeadLetterTopics: true });
  }, 60_000);

  afterEach(async () => {
    await Promise.all(subscriptions.splice(0).map((subscription) => subscription.stop()));
  });

  afterAll(async () => {
    await transport?.close();
    await projectionDb?.stop();
    await logDb?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('puts a key on the partition the Java client would, in order, at contiguous offsets', async () => {
    const before = (await transport.endOffsets([TOPIC])).get(TOPIC)!;
    const publisher = transport.createPublisher();
    // Vectors of the Java client (see kafka-connection.spec.ts): '07882' → 2 of 6, 'a' → 4 of 6.
    await publisher.publish([{ topic: TOPIC, messages: ['first', 'second', 'third'].map((value) => ({ key: '07882', value })) }]);
    await publisher.publish([{ topic: TOPIC, messages: [{ key: 'a', value: 'x' }, { key: '07882', value: 'fourth' }] }]);
    expect(partitionFor(TOPIC, '07882', 6)).toBe(2);
    expect(partitionFor(TOPIC, 'a', 6)).toBe(4);

    const after = (await transport.endOffsets([TOPIC])).get(TOPIC)!;
    expect(after.get(2)! - before.get(2)!).toBe(4n);
    expect(after.get(4)! - before.get(4)!).toBe(1n);
    const { rows } = await queryLog(`SELECT message_offset, convert_from(value, 'UTF8') AS value FROM event_log WHERE topic = $1 AND partition = 2 AND message_offset >= $2 ORDER BY message_offset`, [TOPIC, String(before.get(2))]);
    expect(rows.map((row) => row['value'])).toEqual(['first', 'second', 'third', 'fourth']);
    expect(rows.map((row) => BigInt(String(row['message_offset'])) - before.get(2)!)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('never creates a topic by itself', async () => {
    await expect(transport.createPublisher().publish([{ topic: 'binhyen.nowhere', messages: [{ key: 'k', value: 'v' }] }])).rejects.toBeInstanceOf(UnknownTopicError);
  });

  it('resumes a group from its committed offsets; another group reads from the beginning', async () => {
    const topic = 'binhyen.offsets-test';
    await transport.ensureTopics([topic], { partitions: 3 });
    const publisher = transport.createPublisher();
    await publisher.publish([{ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) }]);

    const first = recorder(true);
    subscriptions.push(await transport.subscribe(subscriptionOf('group-a', topic), first.handlers));
    await until(() => first.seen.length === 10, 'the first ten');
    await subscriptions.pop()!.stop();

    await publisher.publish([{ topic, messages: [{ key: 'k1', value: 'eleventh' }] }]);
    const resumed = recorder(true);
    subscriptions.push(await transport.subscribe(subscriptionOf('group-a', topic), resumed.handlers));
    await until(() => resumed.seen.length === 1, 'only the new message');
    const other = recorder(true);
    subscriptions.push(await transport.subscribe(subscriptionOf('group-b', topic), other.handlers));
    await until(() => other.seen.length === 11, 'everything for a new group');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(resumed.seen).toHaveLength(1);
  });

  it('keeps message headers, the trace context among them, from the publisher to the consumer (ADR 0019)', async () => {
    const topic = 'binhyen.headers-test';
    await transport.ensureTopics([topic], { partitions: 1 });
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await transport.createPublisher().publish([{ topic, messages: [{ key: 'k', value: 'v', headers: { 'event-id': 'e-1', traceparent } }] }]);
    const headers: Record<string, string>[] = [];
    subscriptions.push(
      await transport.subscribe(subscriptionOf('group-headers', topic), {
        ...recorder(true).handlers,
        onBatch: async (batch) => {
          for (const message of batch.messages) headers.push(Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])));
          batch.resolveOffset(batch.messages[batch.messages.length - 1]!.offset);
        },
      }),
    );
    await until(() => headers.length === 1, 'the message');
    expect(headers[0]).toEqual({ 'event-id': 'e-1', traceparent });
  });

  it('delivers again what was not committed before a crash', async () => {
    const topic = 'binhyen.redelivery-test';
    await transport.ensureTopics([topic], { partitions: 2 });
    await transport.createPublisher().publish([{ topic, messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) }]);

    const crashed = recorder(false);
    subscriptions.push(await transport.subscribe(subscriptionOf('group-crash', topic), crashed.handlers));
    await until(() => crashed.seen.length === 5, 'the first delivery');
    await subscriptions.pop()!.stop(); // gone before any commit

    const again = recorder(true);
    subscriptions.push(await transport.subscribe(subscriptionOf('group-crash', topic), again.handlers));
    await until(() => again.seen.length === 5, 'the redelivery');
    expect(again.seen.map((m) => `${m.partition}@${m.offset}`).sort()).toEqual(crashed.seen.map((m) => `${m.partition}@${m.offset}`).sort());
  });

  it('starts a failed batch over from the committed offset and wakes on in-process appends', async () => {
    const topic = 'binhyen.restart-test';
    await transport.ensureTopics([topic], { partitions: 1 });
    let failures = 0;
    const applied: string[] = [];
    const states: string[] = [];
    subscriptions.push(
      await transport.subscribe(subscriptionOf('group-restart', topic), {
        onBatch: async (batch) => {
          for (const message of batch.messages) {
            if (String(message.value) === 'poison-once' && failures++ === 0) throw new Error('transient');
            applied.push(`${message.offset}:${String(message.value)}`);
            batch.resolveOffset(message.offset);
          }
        },
        onJoined: () => states.push('joined'),
        onCrashed: (_error, willRestart) => states.push(willRestart ? 'restarting' : 'crashed'),
        shouldRestart: () => true,
      }),
    );
    const started = Date.now();
    await transport.createPublisher().publish([{ topic, messages: ['one', 'poison-once', 'three'].map((value) => ({ key: 'k', value })) }]);
    await until(() => applied.length === 3, 'all three after the restart');
    expect(applied).toEqual(['0:one', '1:poison-once', '2:three']);
    expect(states).toEqual(['joined', 'restarting', 'joined']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives a projection every event exactly once, with duplicates skipped and poison dead-lettered to <topic>.dlq', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: projectionDb.url, extra: { max: 2 } }).initialize();
    for (const sql of createConsumerTablesSql) await dataSource.query(sql);
    await dataSource.query(`CREATE TABLE applied_summaries (event_id uuid PRIMARY KEY, summary text NOT NULL)`);
    const projection = async (events: readonly EventEnvelope[], { manager }: ProjectionContext): Promise<void> => {
      for (const event of events) {
        await manager.query(`INSERT INTO applied_summaries (event_id, summary) VALUES ($1, $2)`, [event.id, (event.data as IncidentReportedV1).summary]);
      }
    };
    const startConsumer = async (): Promise<ProjectionRunner> => {
      const consumer = new ProjectionRunner(
        transport,
        dataSource,
        projection,
        { name: 'summaries', version: 1, topics: ['binhyen.incident'], eventTypes: [IncidentEventTypes.reported] },
        { serviceName: 'test', topicPrefix: PROJECTION_PREFIX, maxAttempts: 3, maxRestarts: 10, maxEventsPerTransaction: 1_000, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, partitionsConsumedConcurrently: 1 },
        silentLogger,
      );
      await consumer.start();
      return consumer;
    };
    const topic = topicFor('incident', PROJECTION_PREFIX);
    await transport.ensureTopics([topic], { partitions: 3, withDeadLetterTopics: true });
    const events = Array.from({ length: 20 }, (_, i) => reported(`summary ${i}`));
    const publisher = transport.createPublisher();
    await publisher.publish([{ topic, messages: events.map(asMessage) }]);
    // The relay republished one event (a crash after publish), and a poison message arrived.
    await publisher.publish([{ topic, messages: [asMessage(events[3]!), { key: 'poison', value: 'not json {', headers: {} }] }]);

    let consumer = await startConsumer();
    const count = async (): Promise<number> => (await dataSource.query(`SELECT count(*)::int AS n FROM applied_summaries`))[0].n;
    await until(async () => (await count()) === 20 && consumer.stats().deadLettered === 1, 'twenty applied, one dead letter');

    // Lose every committed group offset (as if the process died after its database commits): the stored offsets hold.
    await consumer.stop();
    await queryLog(`DELETE FROM event_log_group_offsets WHERE group_id = $1`, [consumer.groupId]);
    consumer = await startConsumer();
    await until(async () => (await groupCommitted(consumer.groupId)) > 0, 'the replay to be committed again');
    await consumer.stop();
    expect(await count()).toBe(20);

    const dlq = await queryLog(`SELECT convert_from(value, 'UTF8') AS value, headers FROM event_log WHERE topic = $1`, [`${topic}.dlq`]);
    // The replay dead-letters it again (at least once on the topic, as on Kafka); recorded once.
    expect(dlq.rows.length).toBeGreaterThanOrEqual(1);
    expect(new Set(dlq.rows.map((row) => (row['headers'] as Record<string, string>)['dlq-source-offset'])).size).toBe(1);
    expect(dlq.rows[0]!['value']).toBe('not json {');
    expect((dlq.rows[0]!['headers'] as Record<string, string>)['dlq-reason-kind']).toBe('unparseable');
    expect((await dataSource.query(`SELECT reason_kind FROM dead_letters`)).map((row: { reason_kind: string }) => row.reason_kind)).toEqual(['unparseable']);
    await dataSource.destroy();
  });

  async function queryLog(sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
    const dataSource = await new DataSource({ type: 'postgres', url: logDb.url, extra: { max: 1 } }).initialize();
    try {
      return { rows: await dataSource.query(sql, params) };
    } finally {
      await dataSource.destroy();
    }
  }

  async function groupCommitted(groupId: string): Promise<number> {
    const { rows } = await queryLog(`SELECT count(*)::int AS n FROM event_log_group_offsets WHERE group_id = $1`, [groupId]);
    return Number(rows[0]!['n']);
  }
});

function subscriptionOf(groupId: string, topic: string): { groupId: string; topics: string[]; sessionTimeoutMs: number; heartbeatIntervalMs: number; partitionsConsumedConcurrently: number } {
  return { groupId, topics: [topic], sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, partitionsConsumedConcurrently: 1 };
}

