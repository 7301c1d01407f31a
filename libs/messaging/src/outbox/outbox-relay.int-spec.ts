import { IncidentEventTypes, topicFor, uuidv7, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import { createTestDatabase, readTopic, testBrokers, uniqueTopicPrefix, waitFor, type TestDatabase } from '@binh-yen/testing';
import { Kafka as CloudEventsKafka, type CloudEvent, type KafkaMessage } from 'cloudevents';
import { DataSource } from 'typeorm';
import { createKafka } from '../kafka/kafka-connection';
import { ensureTopics } from '../kafka/topic-provisioner';
import { KafkaTransport } from '../kafka/kafka-transport';
import { silentLogger } from '../logger';
import { OutboxRelay } from './outbox-relay';
import { createOutboxTableSql } from './outbox-schema';
import { OutboxWriter } from './outbox-writer';

function reportedEvent(summary: string): EventEnvelope<IncidentReportedV1> {
  const incidentId = uuidv7();
  return {
    id: uuidv7(),
    type: IncidentEventTypes.reported,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregate: { type: 'incident', id: incidentId },
    sequence: 1,
    actor: { agency: 'police', subject: 'relay-test' },
    area: '25.227',
    data: { incidentId, unitCode: '07882', category: 'drugs', occurredAt: '2026-08-01T00:00:00Z', reportedAt: '2026-08-01T00:00:00Z', summary },
  };
}

describe('outbox relay on real PostgreSQL and Kafka', () => {
  const prefix = uniqueTopicPrefix();
  const topic = topicFor('incident', prefix);
  const kafka = createKafka({ brokers: testBrokers(), clientId: 'relay-test' });
  const writer = new OutboxWriter({ topicPrefix: prefix, maxEventBytes: 900_000 });
  let database: TestDatabase;
  let dataSource: DataSource;
  const relays: OutboxRelay[] = [];

  function startRelay(): OutboxRelay {
    const relay = new OutboxRelay(
      new KafkaTransport(kafka),
      { serviceName: `relay-test-${prefix}`, databaseUrl: database.url, batchSize: 100, pollIntervalMs: 200, standbyRetryMs: 200, retentionMs: 3_600_000, useDatabaseCoordination: true },
      silentLogger,
    );
    relays.push(relay);
    relay.start();
    return relay;
  }

  const summariesOnTopic = async (): Promise<string[]> =>
    (await readTopic(topic)).map((message) => (JSON.parse(message.value!.toString()) as EventEnvelope<IncidentReportedV1>).data.summary);

  beforeAll(async () => {
    database = await createTestDatabase('relay');
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    for (const sql of createOutboxTableSql) await dataSource.query(sql);
    await ensureTopics(kafka, [topic], { partitions: 1 });
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await dataSource.destroy();
    await database.drop();
  });

  it('never publishes an event whose transaction rolled back', async () => {
    startRelay();
    await expect(
      dataSource.transaction(async (tx) => {
        await writer.append(tx, [reportedEvent('rolled back')]);
        throw new Error('the use case failed after writing its event');
      }),
    ).rejects.toThrow('the use case failed');
    await dataSource.transaction((tx) => writer.append(tx, [reportedEvent('committed')]));

    await waitFor(summariesOnTopic, (summaries) => summaries.includes('committed'));
    expect(await summariesOnTopic()).toEqual(['committed']);
  });

  it('publishes each record as a CloudEvent (Kafka binding, binary mode) that the official SDK reads, trace context kept', async () => {
    startRelay();
    const event = { ...reportedEvent('read by a CloudEvents SDK'), traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    await dataSource.transaction((tx) => writer.append(tx, [event]));
    const records = await waitFor(
      async () => (await readTopic(topic)).filter((message) => message.headers['event-id'] === event.id),
      (found) => found.length === 1,
    );
    const record = records[0]!;
    const value = record.value!.toString();
    const message: KafkaMessage<string> = { key: record.key!, value, body: value, headers: record.headers };
    expect(CloudEventsKafka.isEvent(message)).toBe(true);
    const cloudEvent = CloudEventsKafka.toEvent(message) as CloudEvent<EventEnvelope<IncidentReportedV1>>;
    expect(cloudEvent.specversion).toBe('1.0');
    expect(cloudEvent.id).toBe(event.id);
    expect(cloudEvent.source).toBe(`urn:binh-yen:service:relay-test-${prefix}`);
    expect(cloudEvent.type).toBe('vn.binh-yen.incident.reported.v1');
    expect(cloudEvent.time).toBe(new Date(event.occurredAt).toISOString());
    expect(cloudEvent.subject).toBe(event.aggregate.id);
    expect(cloudEvent.datacontenttype).toBe('application/json');
    expect((cloudEvent as unknown as { partitionkey: string }).partitionkey).toBe(event.aggregate.id);
    // The data is our envelope, whole; our headers and the trace context travel beside the ce_* ones.
    expect(cloudEvent.data).toEqual(event);
    expect(record.headers).toMatchObject({ 'event-id': event.id, 'event-type': event.type, 'event-version': '1', traceparent: event.traceparent });
  });

  it('publishes a row whose transaction commits after later rows (ids out of commit order)', async () => {
    const slow = dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    // Takes the lower outbox position, then stays open while others commit.
    await writer.append(slow.manager, [reportedEvent('slow, lower id')]);
    await dataSource.transaction((tx) => writer.append(tx, [reportedEvent('fast, higher id')]));
    await waitFor(summariesOnTopic, (summaries) => summaries.includes('fast, higher id'));

    await slow.commitTransaction();
    await slow.release();
    await waitFor(summariesOnTopic, (summaries) => summaries.includes('slow, lower id'), { description: 'the late commit on the topic' });
    const rows = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`);
    expect(rows[0].n).toBe(0);
  });

  it('keeps one active relay per service: a second one stands by', async () => {
    const standby = startRelay();
    await waitFor(() => standby.stats(), (stats) => stats.role === 'standby');
    const roles = await Promise.all(relays.map(async (relay) => (await relay.stats()).role));
    expect(roles.filter((role) => role === 'leader')).toHaveLength(1);

    // The leader goes away, and with it every other relay earlier tests started (any of them could
    // otherwise win the lock): the standby takes over and publishes.
    await Promise.all(relays.filter((relay) => relay !== standby).map((relay) => relay.stop()));
    await dataSource.transaction((tx) => writer.append(tx, [reportedEvent('after failover')]));
    await waitFor(summariesOnTopic, (summaries) => summaries.includes('after failover'), { timeoutMs: 20_000 });
    expect((await standby.stats()).role).toBe('leader');
  });

  it('is dead for liveness while a turn is stuck past its bound, and alive again once the turn ends (ADR 0037)', async () => {
    // Only this relay reads the outbox now.
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const kafkaTransport = new KafkaTransport(kafka);
    // A publish that hangs (a request no timeout ends), then goes through when released.
    const hanging = Object.assign(Object.create(kafkaTransport) as KafkaTransport, {
      createPublisher: (options: { idempotent: boolean }) => {
        const publisher = kafkaTransport.createPublisher(options);
        return { connect: () => publisher.connect(), disconnect: () => publisher.disconnect(), publish: async (batches: Parameters<typeof publisher.publish>[0]) => (await released, publisher.publish(batches)) };
      },
    });
    const relay = new OutboxRelay(
      hanging,
      { serviceName: `relay-stuck-${prefix}`, databaseUrl: database.url, batchSize: 100, pollIntervalMs: 200, standbyRetryMs: 200, retentionMs: 3_600_000, useDatabaseCoordination: true, stalledTurnMs: 1_500 },
      silentLogger,
    );
    await dataSource.transaction((tx) => writer.append(tx, [reportedEvent('held up')]));
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(relay.deadSince()).toBeNull();
    const dead = await waitFor(async () => relay.deadSince(), (since) => since !== null, { timeoutMs: 10_000, description: 'the stuck turn noticed' });
    expect(Date.now() - dead!).toBeLessThan(1_000);
    release();
    await waitFor(summariesOnTopic, (summaries) => summaries.includes('held up'));
    await waitFor(async () => relay.deadSince(), (since) => since === null, { timeoutMs: 5_000, description: 'the relay alive again' });
    await relay.stop();
  });
});
