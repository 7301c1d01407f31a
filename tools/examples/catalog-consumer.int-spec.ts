import { eventCatalog, exampleEvent, topicFor, uuidv7, type EventEnvelope } from '@binh-yen/contracts';
import { createKafka, ensureTopics, KafkaTransport, OutboxRelay, OutboxWriter, createOutboxTableSql, silentLogger } from '@binh-yen/messaging';
import { createTestDatabase, produceRaw, readTopic, testBrokers, uniqueTopicPrefix, waitFor, type TestDatabase } from '@binh-yen/testing';
import type { Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { consumeFromCatalog, publishedCatalog, type CatalogEvent } from './catalog-consumer';

/** Every version of the incident topic's events, as the platform publishes them (outbox, relay). */
function incidentEvents(): EventEnvelope[] {
  const incidentId = uuidv7();
  return eventCatalog
    .filter((definition) => definition.aggregateType === 'incident')
    .map((definition, index) => ({ ...exampleEvent(definition), id: uuidv7(), aggregate: { type: 'incident', id: incidentId }, sequence: index + 1 }));
}

describe('the example consumer of docs/integration.md, on the real broker', () => {
  const prefix = uniqueTopicPrefix();
  const kafka = createKafka({ brokers: testBrokers(), clientId: 'catalog-consumer-test' });
  let database: TestDatabase;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('catalog_consumer');
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    for (const sql of createOutboxTableSql) await dataSource.query(sql);
    await ensureTopics(kafka, [topicFor('incident', prefix)], { partitions: 3 });
    relay = new OutboxRelay(
      new KafkaTransport(kafka),
      { serviceName: 'incidents', databaseUrl: database.url, batchSize: 100, pollIntervalMs: 200, standbyRetryMs: 200, retentionMs: 3_600_000, useDatabaseCoordination: true },
      silentLogger,
    );
    relay.start();
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await relay.stop();
    await dataSource.destroy();
    await database.drop();
  });

  it('reads every event version of its granted topic from the catalog alone, in order per key, each once', async () => {
    const events = incidentEvents();
    const writer = new OutboxWriter({ topicPrefix: prefix, maxEventBytes: 900_000 });
    await dataSource.transaction((tx) => writer.append(tx, events));
    const topic = topicFor('incident', prefix);
    const published = await waitFor(() => readTopic(topic), (records) => records.length === events.length, { timeoutMs: 30_000, description: 'the relay to publish' });
    // The first record once more, as an at-least-once redelivery would bring it: read once.
    const first = published.find((record) => record.headers['event-id'] === events[0]!.id)!;
    await produceRaw(topic, [{ key: first.key!, value: first.value!, headers: first.headers }]);

    const received: CatalogEvent[] = [];
    const unknown: string[] = [];
    const duplicates: string[] = [];
    consumer = await consumeFromCatalog({
      catalog: publishedCatalog(),
      channel: 'incident',
      brokers: testBrokers(),
      topicPrefix: prefix,
      groupId: `example-agency.${prefix}`,
      onEvent: (event) => void received.push(event),
      onUnknown: (reason) => void unknown.push(reason),
      onDuplicate: (id) => void duplicates.push(id),
    });
    await waitFor(async () => received.length + duplicates.length, (count) => count >= events.length + 1, { timeoutMs: 60_000, description: 'every record read' });

    expect(unknown).toEqual([]);
    expect(received.map((event) => event.id)).toEqual(events.map((event) => event.id));
    for (const [index, event] of received.entries()) {
      expect(event.cloudEventType).toBe(`vn.binh-yen.${events[index]!.type}.v${events[index]!.version}`);
      expect(event.subject).toBe(events[index]!.aggregate.id);
      expect(event.key).toBe(events[index]!.aggregate.id);
      expect(event.source).toBe('urn:binh-yen:service:incidents');
      expect(event.envelope).toEqual(events[index]);
    }
    expect(duplicates).toEqual([events[0]!.id]);
  });
});
