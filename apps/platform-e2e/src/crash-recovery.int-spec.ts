import { topicFor } from '@binh-yen/contracts';
import { readTopic } from '@binh-yen/testing';
import { incidentReport } from './support/incident-factory';
import { PlatformUnderTest } from './support/platform';

/**
 * Processes are killed with SIGKILL at named failpoints (no cleanup, no flush),
 * then started again on the same database: every incident is counted once.
 */
describe('crash recovery: nothing lost, nothing counted twice', () => {
  const platform = new PlatformUnderTest();
  const quarter = '2026-Q3';

  const incidentRows = async (): Promise<number> =>
    Number((await platform.sql<{ n: string }>(platform.incidentsDb, 'SELECT count(*) AS n FROM incidents'))[0]!.n);
  const appliedEvents = async (): Promise<number> =>
    Number((await platform.sql<{ n: string }>(platform.reportingDb, `SELECT count(*) AS n FROM consumer_inbox WHERE consumer = 'incident-counts.v1'`))[0]!.n);

  async function settleAt(expected: number): Promise<void> {
    await platform.waitForTotal(quarter, expected, 60_000);
    // Give any duplicate time to arrive; it must not change the figures.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await platform.incidentCounts(quarter)).total).toBe(expected);
    expect(await appliedEvents()).toBe(expected);
  }

  beforeAll(() => platform.createDatabases());
  afterAll(() => platform.stop());

  it('a relay killed after Kafka acknowledged, before marking rows, duplicates on the topic but counts once', async () => {
    await platform.startReporting();
    // Armed for the incidents' events only: the taxonomy the service publishes at its first start goes through.
    const incidents = await platform.startIncidents({ BINHYEN_FAILPOINTS: 'relay.after-publish@incident.reported' });

    // Several at once so the relay's first batch may hold more than one.
    await Promise.allSettled(Array.from({ length: 5 }, () => platform.postIncident(incidentReport())));
    expect(await incidents.exited).toBe('SIGKILL');

    const unmarked = await platform.sql<{ n: string }>(platform.incidentsDb, 'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
    expect(Number(unmarked[0]!.n)).toBeGreaterThan(0);

    await platform.startIncidents();
    const stored = await incidentRows();
    expect(stored).toBeGreaterThan(0);
    await settleAt(stored);

    const onTopic = await readTopic(topicFor('incident', platform.topicPrefix));
    const distinctIds = new Set(onTopic.map((message) => message.headers['event-id'] ?? JSON.parse(message.value!.toString()).id));
    expect(onTopic.length).toBeGreaterThan(distinctIds.size);
    expect(distinctIds.size).toBe(stored);
  });

  it('a consumer killed inside its batch transaction loses nothing on restart', async () => {
    await platform.reporting.stop();
    const before = await incidentRows();
    const reporting = await platform.startReporting({ BINHYEN_FAILPOINTS: 'consumer.before-db-commit' });

    for (let i = 0; i < 20; i++) expect((await platform.postIncident(incidentReport())).status).toBe(201);
    expect(await reporting.exited).toBe('SIGKILL');
    expect((await platform.incidentCounts(quarter).catch(() => ({ total: -1 }))).total).toBe(-1);

    await platform.startReporting();
    expect(await incidentRows()).toBe(before + 20);
    await settleAt(before + 20);
  });

  it('a consumer killed after its database commit, before the Kafka offset commit, counts nothing twice', async () => {
    await platform.reporting.stop();
    const before = await incidentRows();
    const reporting = await platform.startReporting({ BINHYEN_FAILPOINTS: 'consumer.after-db-commit' });

    for (let i = 0; i < 10; i++) expect((await platform.postIncident(incidentReport())).status).toBe(201);
    expect(await reporting.exited).toBe('SIGKILL');

    await platform.startReporting();
    await settleAt(before + 10);
  });
});
