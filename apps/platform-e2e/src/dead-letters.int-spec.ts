import { deadLetterTopicFor, topicFor, uuidv7 } from '@binh-yen/contracts';
import { produceRaw, readTopic, waitFor } from '@binh-yen/testing';
import { incidentReport } from './support/incident-factory';
import { PlatformUnderTest } from './support/platform';

describe('dead letters: one bad event never blocks its partition', () => {
  const platform = new PlatformUnderTest();
  const incidentTopic = (): string => topicFor('incident', platform.topicPrefix);

  beforeAll(async () => {
    await platform.createDatabases();
    await Promise.all([platform.startIncidents(), platform.startReporting()]);
  });

  afterAll(() => platform.stop());

  it('sends poison, unknown and broken events to the DLQ with their reason, and goes on', async () => {
    const key = uuidv7();
    const envelope = {
      id: uuidv7(),
      type: 'incident.reported',
      version: 1,
      occurredAt: new Date().toISOString(),
      aggregate: { type: 'incident', id: key },
      sequence: 1,
      actor: { agency: 'police', subject: 'x' },
      area: '25.227.07882',
      data: { incidentId: key, unitCode: '07882', category: 'drugs', occurredAt: '2026-08-01T00:00:00Z', reportedAt: '2026-08-01T00:00:00Z', summary: 'x' },
    };
    const { summary: _dropped, ...missingSummary } = envelope.data;
    // Same key: all on one partition, in front of the valid event that follows.
    await produceRaw(incidentTopic(), [
      { key, value: Buffer.from([0xff, 0x00, 0xfe, 0x7b]) },
      { key, value: JSON.stringify({ ...envelope, id: uuidv7(), type: 'incident.teleported' }) },
      { key, value: JSON.stringify({ ...envelope, id: uuidv7(), version: 7 }) },
      { key, value: JSON.stringify({ ...envelope, id: uuidv7(), data: missingSummary }) },
      // A newer producer's extra field is ignored by a tolerant reader: this one counts.
      { key, value: JSON.stringify({ ...envelope, data: { ...envelope.data, futureField: true } }) },
    ]);
    expect((await platform.postIncident(incidentReport({ category: 'gambling' }))).status).toBe(201);

    await platform.waitForTotal('2026-Q3', 2);
    expect((await platform.incidentCounts('2026-Q3')).byCategory.map(({ category, incidents }) => ({ category, incidents }))).toEqual([
      { category: 'drugs', incidents: 1 },
      { category: 'gambling', incidents: 1 },
    ]);

    // Every projection of the incident topic dead-letters them on its own (and goes on).
    const consumers = ['incident-counts.v1', 'case-pipeline.v1'];
    for (const consumer of consumers) {
      const recorded = await waitFor(
        () => platform.sql<{ reason_kind: string; reason: string }>(platform.reportingDb, 'SELECT reason_kind, reason FROM dead_letters WHERE consumer = $1 ORDER BY message_offset', [consumer]),
        (rows) => rows.length === 4,
        { description: `4 dead letters of ${consumer}` },
      );
      expect(recorded.map((row) => row.reason_kind)).toEqual(['unparseable', 'unknown-type', 'unknown-version', 'invalid-data']);
      expect(recorded[3]!.reason).toContain('summary');
    }

    const dlq = await waitFor(() => readTopic(deadLetterTopicFor(incidentTopic())), (messages) => messages.length === 8, { description: 'both consumers’ dead letters on the DLQ topic' });
    for (const consumer of consumers) {
      const own = dlq.filter((message) => message.headers['dlq-consumer'] === `${platform.topicPrefix}reporting.${consumer}`);
      expect(own.map((message) => message.headers['dlq-reason-kind'])).toEqual(['unparseable', 'unknown-type', 'unknown-version', 'invalid-data']);
      expect(own[0]!.value).toEqual(Buffer.from([0xff, 0x00, 0xfe, 0x7b]));
    }
  });
});
