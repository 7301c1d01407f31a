import { createTestDatabase, findFreePort, serviceEnv, startBroker, startServiceProcess, uniqueTopicPrefix, type RunningBroker } from '@binh-yen/testing';
import { incidentReport } from './support/incident-factory';
import { PlatformUnderTest } from './support/platform';

/** This file runs its own broker, so stopping it disturbs no other test. */
describe('broker outage: writes go on, events arrive after it returns', () => {
  let broker: RunningBroker;
  const platform = new PlatformUnderTest();

  beforeAll(async () => {
    broker = await startBroker({ port: await findFreePort(), controllerPort: await findFreePort(), fresh: true });
    platform.incidentsDb = await createTestDatabase('incidents');
    platform.reportingDb = await createTestDatabase('reporting');
    const env = (url: string): Record<string, string> => ({ ...serviceEnv(url, platform.topicPrefix), KAFKA_BROKERS: broker.brokers.join(',') });
    platform.incidents = await startServiceProcess({ service: 'incidents', env: env(platform.incidentsDb.url) });
    platform.reporting = await startServiceProcess({ service: 'reporting', env: env(platform.reportingDb.url) });
    await platform.seedUnits(broker.brokers);
  }, 180_000);

  afterAll(async () => {
    await platform.stop();
    await broker?.stop();
  });

  it('accepts incidents while the broker is down and delivers them once it is back', async () => {
    expect(uniqueTopicPrefix()).not.toBe(platform.topicPrefix);
    for (let i = 0; i < 2; i++) expect((await platform.postIncident(incidentReport())).status).toBe(201);
    await platform.waitForTotal('2026-Q3', 2, 60_000);

    await broker.kill('SIGKILL');
    for (let i = 0; i < 5; i++) expect((await platform.postIncident(incidentReport({ category: 'drugs' }))).status).toBe(201);
    const waiting = await platform.sql<{ n: string }>(platform.incidentsDb, `SELECT count(*) AS n FROM outbox WHERE published_at IS NULL AND event_type LIKE 'incident.%'`);
    expect(Number(waiting[0]!.n)).toBe(5);
    // Scrapes still answer in time without the broker (ADR 0021): the backlog shows, lag series are left out.
    const started = Date.now();
    const metrics = await (await fetch(`${platform.incidents.url}/metrics`)).text();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(Number(/^binhyen_outbox_backlog (\d+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(5);

    await broker.restart();
    await platform.waitForTotal('2026-Q3', 7, 120_000);
    const counts = await platform.incidentCounts('2026-Q3');
    expect(counts.byCategory.map(({ category, incidents }) => ({ category, incidents }))).toEqual([
      { category: 'criminal-offence', incidents: 2 },
      { category: 'drugs', incidents: 5 },
    ]);
  }, 240_000);
});
