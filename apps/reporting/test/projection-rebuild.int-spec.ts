import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Caller } from '@binh-yen/auth';
import { bearer, consumerStates, createTestDatabase, repoRoot, serviceEnv, startServiceProcess, uniqueTopicPrefix, waitFor, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';

const run = promisify(execFile);
const officer: Caller = { subject: 'ubnd-tinh-01', agency: 'people-committee', roles: ['officer'], area: '25' };
// Rebuilds are an operation of the platform: its operators' (the system agency, at the province).
const operator: Caller = { subject: 'van-hanh-01', agency: 'system', roles: ['operator'], area: '25' };
const MOVEMENT_TABLES = ['report_units_v1', 'unit_paths_v1', 'unit_ratings_v1', 'unit_certifications_v1', 'hotspots_v1', 'pilot_units_v1', 'model_milestones_v1', 'forces_v1', 'training_v1'];

describe('projection rebuild from the beginning, then takeover', () => {
  const prefix = uniqueTopicPrefix();
  let unitsDb: TestDatabase;
  let reportingDb: TestDatabase;
  let units: ServiceProcess;
  let reporting: ServiceProcess;

  async function call(service: ServiceProcess, caller: Caller, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: await bearer(caller), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const client = new Client({ connectionString: reportingDb.url });
    await client.connect();
    try {
      const tables: Record<string, unknown[]> = {};
      for (const table of MOVEMENT_TABLES) tables[table] = (await client.query(`SELECT * FROM ${table} t ORDER BY row_to_json(t)::text`)).rows;
      tables['unit_today_v1'] = (await client.query(`SELECT * FROM unit_today_v1 ORDER BY unit_id`)).rows;
      tables['inbox'] = (await client.query(`SELECT count(*)::int AS n FROM consumer_inbox WHERE consumer = 'movement.v1'`)).rows;
      return tables;
    } finally {
      await client.end();
    }
  }

  const ratedCount = async (): Promise<number> => {
    const client = new Client({ connectionString: reportingDb.url });
    await client.connect();
    try {
      return (await client.query(`SELECT count(*)::int AS n FROM unit_ratings_v1`)).rows[0].n as number;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    unitsDb = await createTestDatabase('units');
    reportingDb = await createTestDatabase('reporting');
    [units, reporting] = await Promise.all([
      startServiceProcess({ service: 'units', env: serviceEnv(unitsDb.url, prefix) }),
      startServiceProcess({ service: 'reporting', env: serviceEnv(reportingDb.url, prefix) }),
    ]);
    await run(process.execPath, ['-r', '@swc-node/register', 'apps/units/src/import/import-units.cli.ts', join(repoRoot(), 'apps/units/seed/phu-tho-1998.csv'), '--effective-from=1998-04-21'], {
      cwd: repoRoot(),
      env: { ...process.env, ...serviceEnv(unitsDb.url, prefix) },
    });
    await waitFor(() => consumerStates(reporting.url), (states) => states.every((s) => s.state === 'running'));
    for (const [code, rating] of [['07882', 'strong'], ['07885', 'fair'], ['07888', 'average'], ['07891', 'strong']] as const) {
      expect((await call(units, officer, 'PUT', `/api/v1/units/${code}/ratings/2026-Q2`, { rating, assessor: 'Đoàn kiểm tra', assessedOn: '2026-07-03', justification: 'Kiểm tra quý II' })).status).toBe(200);
    }
    expect((await call(units, officer, 'POST', '/api/v1/units/merge', { sourceCodes: ['07897'], targetCode: '07894', effectiveFrom: '2026-07-01' })).status).toBe(200);
    await waitFor(ratedCount, (n) => n === 4);
    await waitFor(snapshot, (tables) => tables['unit_paths_v1']!.some((row) => (row as { path: string }).path === '25.227.07894.0789702'), {
      description: 'the merge applied by the live projection',
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([units?.stop(), reporting?.stop()]);
    await Promise.allSettled([unitsDb?.drop(), reportingDb?.drop()]);
  });

  it('produces tables identical to the live ones, takes over, and keeps counting once', async () => {
    const live = await snapshot();
    expect(live['report_units_v1']!.length).toBe(89);

    expect((await call(reporting, officer, 'POST', '/api/v1/admin/projections/movement/rebuilds')).status).toBe(403);
    const started = await call(reporting, operator, 'POST', '/api/v1/admin/projections/movement/rebuilds');
    expect(started.status).toBe(202);
    const progress: number[] = [];
    const finished = await waitFor(
      async () => {
        const status = (await call(reporting, operator, 'GET', `/api/v1/admin/projections/rebuilds/${started.body['id']}`)).body;
        progress.push(status['progress'] as number);
        return status;
      },
      (status) => status['state'] === 'done' || status['state'] === 'failed',
      { timeoutMs: 60_000, description: 'the rebuild to finish' },
    );
    expect(finished).toMatchObject({ state: 'done', progress: 1, error: null });
    process.stdout.write(`[rebuild] progress seen: ${progress.map((p) => p.toFixed(2)).join(' → ')}\n`);

    expect(await snapshot()).toEqual(live);

    // The live consumer goes on from the rebuilt offsets: a new rating counts once.
    expect((await call(units, officer, 'PUT', '/api/v1/units/07900/ratings/2026-Q2', { rating: 'weak', assessor: 'Đoàn kiểm tra', assessedOn: '2026-07-03', justification: 'Nhiều vụ việc', improvementPlan: { actions: ['Tuần tra'], responsibleAgency: 'police', targetQuarter: '2026-Q4' } })).status).toBe(200);
    await waitFor(ratedCount, (n) => n === 5);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await ratedCount()).toBe(5);
    const after = await snapshot();
    expect(after['inbox']).toEqual([{ n: (live['inbox'] as { n: number }[])[0]!.n + 1 }]);
  });
});
