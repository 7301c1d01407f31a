import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Caller } from '@binh-yen/auth';
import { topicFor } from '@binh-yen/contracts';
import {
  bearer,
  consumerStates,
  createTestDatabase,
  incidentReported,
  publishEvents,
  repoRoot,
  serviceEnv,
  startServiceProcess,
  uniqueTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';

const run = promisify(execFile);
const province: Caller = { subject: 'ubnd-tinh-01', agency: 'people-committee', roles: ['officer'], area: '25' };
const approver: Caller = { subject: 'ca-tinh-pv05', agency: 'police', roles: ['approver'], area: '25' };

interface Report {
  area: { path: string; name: string };
  text: { period: string };
  sections: { key: string; rows: { key: string; current: number }[]; details: unknown[] }[];
}

/** The communes of the 1998 Thị xã Phú Thọ (228): on 1 July 2025 they come directly under the province and 228 is dissolved. */
const PHU_THO_TOWN = ['07954', '07957', '07960', '07963', '07966', '07969', '07972', '07975', '07978'];

describe('the 2025 reorganisation to two tiers (issue 20, item 3)', () => {
  const prefix = uniqueTopicPrefix();
  let unitsDb: TestDatabase;
  let reportingDb: TestDatabase;
  let units: ServiceProcess;
  let reporting: ServiceProcess;

  async function call(caller: Caller, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
    const service = path.startsWith('/api/v1/reports') ? reporting : units;
    const response = await fetch(`${service.url}${path}`, { method, headers: { authorization: await bearer(caller), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, text };
  }
  const report = async (area: string, quarter: string, view = 'as-at-time'): Promise<Report> => (await call(province, 'GET', `/api/v1/reports/quarterly?area=${area}&quarter=${quarter}&view=${view}`)).body as unknown as Report;
  const figure = (r: Report, key: string): number | undefined => r.sections.flatMap((s) => s.rows).find((row) => row.key === key)?.current;

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
    // 2025-Q2, three tiers: ratings and incidents in the communes of Phú Thọ town.
    for (const [code, rating] of [['07954', 'strong'], ['07963', 'fair'], ['07966', 'strong']] as const) {
      expect((await call(province, 'PUT', `/api/v1/units/${code}/ratings/2025-Q2`, { rating, assessor: 'Đoàn kiểm tra', assessedOn: '2025-06-20', justification: 'Kết quả kiểm tra quý II' })).status).toBe(200);
    }
    await publishEvents(topicFor('incident', prefix), [
      incidentReported({ area: '25.228.07954', category: 'drugs', occurredAt: '2025-05-10T03:00:00Z' }),
      incidentReported({ area: '25.228.07963', category: 'gambling', occurredAt: '2025-06-01T03:00:00Z' }),
      incidentReported({ area: '25.227.07882', category: 'drugs', occurredAt: '2025-06-02T03:00:00Z' }),
    ]);
    await waitFor(() => report('25', '2025-Q2'), (r) => figure(r, 'movement.rated') === 3 && figure(r, 'incidents.total') === 3, { timeoutMs: 60_000, description: 'the 2025-Q2 figures' });
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([units?.stop(), reporting?.stop()]);
    await Promise.allSettled([unitsDb?.drop(), reportingDb?.drop()]);
  });

  it('leaves every earlier quarter’s report as it was, and regroups the past under the new units as today with the same totals', async () => {
    const before = { province: await report('25', '2025-Q2'), town: await report('25.228', '2025-Q2'), today: await report('25', '2025-Q2', 'as-today') };
    for (const code of PHU_THO_TOWN) {
      const moved = await call(province, 'POST', `/api/v1/units/${code}/move`, { newParentCode: '25', effectiveFrom: '2025-07-01' });
      expect({ code, status: moved.status }).toEqual({ code, status: 200 });
    }
    expect((await call(province, 'POST', '/api/v1/units/228/dissolve', { effectiveFrom: '2025-07-01', reason: 'Tổ chức chính quyền địa phương hai cấp (dữ liệu mẫu)' })).status).toBe(200);
    // As today, a moved commune's past is its own under the province.
    const commune = await waitFor(() => report('25.07954', '2025-Q2', 'as-today'), (r) => figure(r, 'movement.strong') === 1 && figure(r, 'incidents.total') === 1, {
      timeoutMs: 60_000,
      description: 'Hùng Vương’s 2025-Q2 figures under the province as today',
    });
    expect(figure(commune, 'movement.rated')).toBe(1);

    const after = { province: await report('25', '2025-Q2'), town: await report('25.228', '2025-Q2'), today: await report('25', '2025-Q2', 'as-today') };
    // Byte for byte: what was filed for 2025-Q2 does not move.
    expect(JSON.stringify(after.province.sections)).toBe(JSON.stringify(before.province.sections));
    expect(JSON.stringify(after.town.sections)).toBe(JSON.stringify(before.town.sections));
    // The dissolved town keeps its name in its past quarters' reports (not its path).
    expect(after.town.area).toEqual(before.town.area);
    expect(after.town.area.name).toBe('Thị xã Phú Thọ');
    // As today the province adds up to the same totals.
    for (const key of ['movement.rated', 'movement.strong', 'movement.fair', 'incidents.total']) {
      expect({ key, today: figure(after.today, key) }).toEqual({ key, today: figure(before.province, key) });
    }
  });

  it('lets a commune directly under the province submit its report to the province, which approves it', async () => {
    const commune: Caller = { subject: 'ubnd-phuong-hung-vuong', agency: 'people-committee', roles: ['officer'], area: '25.07954' };
    await waitFor(() => call(approver, 'GET', '/api/v1/reports/submissions/status?quarter=2025-Q3'), (answer) => JSON.stringify(answer.body).includes('"25.07954"'), {
      description: 'the commune among the units that report to the province',
    });
    const status = (await call(approver, 'GET', '/api/v1/reports/submissions/status?quarter=2025-Q3')).body as { districts: { area: string; state: string }[] };
    expect(status.districts.find((unit) => unit.area === '25.07954')?.state).toBe('overdue');
    expect(status.districts.map((unit) => unit.area)).toContain('25.227');
    expect(status.districts.map((unit) => unit.area)).not.toContain('25.228');
    const submitted = await call(commune, 'POST', '/api/v1/reports/submissions', { area: '25.07954', quarter: '2025-Q3', narrative: 'Quý III/2025, phường trực thuộc tỉnh.' });
    expect(submitted.status).toBe(201);
    const approved = await call(approver, 'POST', `/api/v1/reports/submissions/${submitted.body['id']}/approve`);
    expect(approved.body).toMatchObject({ status: 'approved', area: '25.07954' });
    const after = (await call(approver, 'GET', '/api/v1/reports/submissions/status?quarter=2025-Q3')).body as { districts: { area: string; state: string }[] };
    expect(after.districts.find((unit) => unit.area === '25.07954')?.state).toBe('approved');
    // A commune under a district still reports through its district.
    const underDistrict: Caller = { subject: 'ubnd-phuong-gia-cam', agency: 'people-committee', roles: ['officer'], area: '25.227.07894' };
    expect((await call(underDistrict, 'POST', '/api/v1/reports/submissions', { area: '25.227.07894', quarter: '2025-Q3', narrative: 'x' })).status).toBe(422);
  });
});
