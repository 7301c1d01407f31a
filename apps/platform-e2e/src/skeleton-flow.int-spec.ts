import { quarterOf } from '@binh-yen/contracts';
import { bearer, listConsumerGroups, waitFor } from '@binh-yen/testing';
import { incidentReport } from './support/incident-factory';
import { PlatformUnderTest } from './support/platform';

describe('skeleton flow: HTTP → outbox → Kafka → projection → HTTP', () => {
  const platform = new PlatformUnderTest();

  beforeAll(async () => {
    await platform.createDatabases();
    await Promise.all([platform.startIncidents(), platform.startReporting()]);
  });

  afterAll(() => platform.stop());

  it('counts reported incidents by category, area and Vietnamese quarter', async () => {
    const before = await platform.incidentCounts('2026-Q3');
    expect(before.total).toBe(0);

    const reports = [
      incidentReport({ category: 'criminal-offence' }),
      incidentReport({ category: 'criminal-offence', unitCode: '08020' }),
      incidentReport({ category: 'traffic-order' }),
      // 30 June 23:30 in Việt Trì is still Q2 there, though 16:30 UTC.
      incidentReport({ category: 'gambling', occurredAt: '2026-06-30T23:30:00+07:00' }),
    ];
    for (const report of reports) {
      const response = await platform.postIncident(report);
      expect(response.status).toBe(201);
    }

    await platform.waitForTotal('2026-Q3', 3);
    const q3 = await platform.incidentCounts('2026-Q3');
    expect(q3.byCategory.map(({ category, incidents }) => ({ category, incidents }))).toEqual([
      { category: 'criminal-offence', incidents: 2 },
      { category: 'traffic-order', incidents: 1 },
    ]);
    // The area is the unit's path from the incidents service's units replica.
    expect((await platform.incidentCounts('2026-Q3', '25.237')).total).toBe(1);
    expect((await platform.incidentCounts('2026-Q3', '25.227.07882')).total).toBe(2);
    await platform.waitForTotal('2026-Q2', 1);
  });

  it('consumes under the exact group id that dashboards and autoscalers watch, and exports it as a metric', async () => {
    const group = `${platform.topicPrefix}reporting.incident-counts.v1`;
    expect(await listConsumerGroups()).toContain(group);
    const metrics = await (await fetch(`${platform.reporting.url}/metrics`)).text();
    expect(metrics).toContain(`binhyen_consumer_up{group="${group}"} 1`);
    expect(metrics).toContain(`binhyen_consumer_applied_events{group="${group}"} 4`);
  });

  it('answers an invalid request with a 400 that names the field, and writes nothing', async () => {
    const countRows = async (): Promise<number[]> => [
      Number((await platform.sql<{ n: string }>(platform.incidentsDb, 'SELECT count(*) AS n FROM incidents'))[0]!.n),
      Number((await platform.sql<{ n: string }>(platform.incidentsDb, 'SELECT count(*) AS n FROM outbox'))[0]!.n),
    ];
    const before = await countRows();

    const response = await platform.postIncident(incidentReport({ occurredAt: 'yesterday', unknownField: 'x' }));

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { status: number; errors: { field: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.errors.map((error) => error.field)).toEqual(expect.arrayContaining(['occurredAt', 'unknownField']));
    expect(await countRows()).toEqual(before);
  });

  it('refuses a request without a token', async () => {
    const response = await fetch(`${platform.incidents.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(incidentReport()),
    });
    expect(response.status).toBe(401);
  });

  it('moves the count of an open quarter with a transferred case, leaves a closed quarter as reported, and counts lifecycle steps nowhere', async () => {
    const thisQuarter = quarterOf(new Date());
    const post = async (overrides: Record<string, unknown>): Promise<{ id: string; version: number }> =>
      (await (await platform.postIncident(incidentReport({ category: 'drugs', summary: 'Mua bán trái phép chất ma túy', ...overrides }))).json()) as { id: string; version: number };
    const closed = await post({});
    const open = await post({ occurredAt: new Date(Date.now() - 3_600_000).toISOString() });
    await platform.waitForTotal('2026-Q3', 4);
    await platform.waitForTotal(thisQuarter, 1);
    const step = async (incident: { id: string }, path: string, body: Record<string, unknown>, version: number): Promise<number> => {
      const response = await fetch(`${platform.incidents.url}/api/v1/incidents/${incident.id}/${path}`, {
        method: 'POST',
        headers: { authorization: await bearer(), 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { version: number }).version;
    };
    for (const incident of [closed, open]) {
      const verified = await step(incident, 'transitions', { action: 'verify' }, incident.version);
      await step(incident, 'transfer', { toUnitCode: '08020', note: 'Chuyển về địa bàn Lâm Thao' }, verified);
    }
    await waitFor(() => platform.incidentCounts(thisQuarter, '25.237'), (counts) => counts.total === 1, { description: 'the open quarter’s case counted under Lâm Thao' });
    await waitFor(() => platform.reportingFreshness(), (freshness) => freshness.incidents?.lag === 0, { description: 'every incident event applied' });
    expect((await platform.incidentCounts(thisQuarter, '25.227.07882')).total).toBe(0);
    expect((await platform.incidentCounts('2026-Q3', '25.237')).total).toBe(1);
    expect((await platform.incidentCounts('2026-Q3', '25.227.07882')).total).toBe(3);
    expect((await platform.incidentCounts('2026-Q3')).total).toBe(4);
  });
});
