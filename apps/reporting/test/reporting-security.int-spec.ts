import type { Caller } from '@binh-yen/auth';
import { bearer, createTestDatabase, serviceEnv, startServiceProcess, uniqueTopicPrefix, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';

const province = (agency: Caller['agency'], role: Caller['roles'][number], area = '25'): Caller => ({ subject: `${agency}-${role}-${area}`, agency, roles: [role], area });

/** What an outside attacker found in the reporting service (issue 23), each as the request that showed it. */
describe('reporting: the holes of issue 23 stay closed', () => {
  const prefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let reporting: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase('reporting');
    reporting = await startServiceProcess({ service: 'reporting', env: serviceEnv(database.url, prefix, { REPORT_STREAMS_PER_CALLER: '3' }) });
  });

  afterAll(async () => {
    await reporting?.stop();
    await database?.drop();
  });

  const send = async (caller: Caller, method: string, path: string, signal?: AbortSignal): Promise<Response> =>
    fetch(`${reporting.url}${path}`, { method, headers: { authorization: await bearer(caller) }, ...(signal ? { signal } : {}) });

  it('finding 5: leaves projection rebuilds to the platform’s operators at the province level', async () => {
    for (const caller of [province('police', 'administrator'), province('people-committee', 'administrator'), province('system', 'administrator'), province('system', 'operator', '25.227')]) {
      const answer = await send(caller, 'POST', '/api/v1/admin/projections/movement/rebuilds');
      expect([caller.subject, answer.status]).toEqual([caller.subject, 403]);
    }
    expect((await send(province('system', 'operator'), 'POST', '/api/v1/admin/projections/movement/rebuilds')).status).toBe(202);
  });

  it('finding 7: holds at most REPORT_STREAMS_PER_CALLER live streams per caller, and frees a place when one closes', async () => {
    const analyst = province('people-committee', 'analyst');
    const streams = Array.from({ length: 3 }, () => new AbortController());
    const opened = await Promise.all(streams.map((stream) => send(analyst, 'GET', '/api/v1/reports/freshness/stream', stream.signal)));
    expect(opened.map((response) => response.status)).toEqual([200, 200, 200]);
    const fourth = await send(analyst, 'GET', '/api/v1/reports/freshness/stream');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('content-type')).toContain('application/problem+json');
    expect(fourth.headers.get('retry-after')).not.toBeNull();
    const other = new AbortController();
    expect((await send(province('police', 'analyst'), 'GET', '/api/v1/reports/freshness/stream', other.signal)).status).toBe(200);
    other.abort();
    streams[0]!.abort();
    const again = new AbortController();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt += 1) {
      // The server notices the closed connection a moment after the client drops it.
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await send(analyst, 'GET', '/api/v1/reports/freshness/stream', again.signal)).status;
    }
    expect(status).toBe(200);
    for (const stream of [...streams, again]) stream.abort();
  });

  it('finding 3: refuses an area with a wildcard, in the token and in the query, on the reports and the export', async () => {
    for (const path of ['/api/v1/reports/incidents?from=2026-Q1&to=2026-Q3&format=csv', '/api/v1/reports/incident-counts?quarter=2026-Q3', '/api/v1/reports/quarterly?quarter=2026-Q3']) {
      expect([path, (await send({ ...province('police', 'analyst'), area: '25.2_7' }, 'GET', path)).status]).toEqual([path, 401]);
      const filtered = await send(province('police', 'analyst'), 'GET', `${path}&area=25.2_7`);
      expect([path, filtered.status]).toEqual([path, 400]);
    }
  });

  it('finding 7: tells caches to keep no report answer', async () => {
    const analyst = province('police', 'analyst');
    for (const path of ['/api/v1/reports/incident-counts?quarter=2026-Q3', '/api/v1/reports/incidents?from=2026-Q1&to=2026-Q3&format=csv', '/api/v1/reports/freshness']) {
      const answer = await send(analyst, 'GET', path);
      expect([path, answer.status, answer.headers.get('cache-control')]).toEqual([path, 200, 'no-store']);
    }
  });
});
