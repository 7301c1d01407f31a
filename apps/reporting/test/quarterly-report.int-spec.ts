import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
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
const officer: Caller = { subject: 'ubnd-tinh-01', agency: 'people-committee', roles: ['officer'], area: '25' };

interface YearReport {
  periodKind: string;
  year: string;
  sections: { key: string; rows: { metric: string; current: number; previousYear: number | null }[] }[];
}

interface Report {
  area: { path: string; name: string };
  currentAsOf: Record<string, { lastEventAt: string | null; lag: number | null }>;
  sections: { key: string; title: string; rows: { metric: string; current: number; previousQuarter: number | null; sameQuarterLastYear: number | null }[]; details: { rows: string[][] }[] }[];
}

describe('quarterly report from the real units service, through Kafka', () => {
  const prefix = uniqueTopicPrefix();
  let unitsDb: TestDatabase;
  let reportingDb: TestDatabase;
  let units: ServiceProcess;
  let reporting: ServiceProcess;

  async function call(service: ServiceProcess, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: await bearer(officer), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  const rate = async (code: string, quarter: string, rating: string, plan?: object): Promise<void> => {
    const answer = await call(units, 'PUT', `/api/v1/units/${code}/ratings/${quarter}`, {
      rating,
      assessor: 'Đoàn kiểm tra liên ngành tỉnh',
      assessedOn: '2026-10-05',
      justification: 'Theo kết quả kiểm tra quý',
      ...(plan ? { improvementPlan: plan } : {}),
    });
    expect(answer.status).toBe(200);
  };

  async function report(area: string, quarter: string, view = 'as-at-time'): Promise<Report> {
    const answer = await call(reporting, 'GET', `/api/v1/reports/quarterly?area=${area}&quarter=${quarter}&view=${view}`);
    expect(answer.status).toBe(200);
    return answer.body as Report;
  }

  const figure = (report: Report, section: string, metric: string): number | undefined =>
    report.sections.find((s) => s.key === section)?.rows.find((r) => r.metric === metric)?.current;

  async function unitsSql<T>(text: string): Promise<T[]> {
    const client = new Client({ connectionString: unitsDb.url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  }

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

    const plan = { actions: ['Tăng cường tuần tra', 'Họp dân'], responsibleAgency: 'police', targetQuarter: '2026-Q3' };
    await rate('07894', '2026-Q1', 'strong');
    await rate('07897', '2026-Q1', 'weak', plan);
    await rate('07882', '2026-Q1', 'fair');
    await rate('07885', '2026-Q1', 'average');
    await rate('07885', '2026-Q1', 'fair'); // a revision: only the latest counts
    await rate('07894', '2026-Q2', 'strong');
    await rate('07897', '2026-Q2', 'average');
    await rate('07981', '2026-Q1', 'strong');
    expect((await call(units, 'POST', '/api/v1/units/07894/certifications', { year: 2026, grantedOn: '2026-03-20' })).status).toBe(201);
    expect((await call(units, 'POST', '/api/v1/units/227/pilots', { year: 2026, pilotUnitCode: '07894' })).status).toBe(201);
    expect((await call(units, 'POST', '/api/v1/units/07894/forces', { forceType: 'neighbourhood-guard', name: 'Tổ bảo vệ dân phố 1', headcount: 10, leader: 'Lê Văn Cường' })).status).toBe(201);
    expect(
      (await call(units, 'POST', '/api/v1/units/07894/training-sessions', { course: 'Võ thuật', forceType: 'neighbourhood-guard', startsOn: '2026-02-10', endsOn: '2026-02-12', trainees: 10, hours: 16 })).status,
    ).toBe(201);
    await waitFor(() => report('25', '2026-Q1'), (r) => figure(r, 'movement', 'Số đơn vị được xếp loại') === 5 && figure(r, 'forces', 'Lượt người được huấn luyện') === 10, {
      timeoutMs: 30_000,
      description: 'the Q1 figures in the report',
    });
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([units?.stop(), reporting?.stop()]);
    await Promise.allSettled([unitsDb?.drop(), reportingDb?.drop()]);
  });

  it('matches an independent computation from the units service’s own database', async () => {
    const oracle = await unitsSql<{ rating: string; n: string }>(`
      SELECT r.rating, count(*) AS n FROM unit_ratings r JOIN units u ON u.id = r.unit_id
       WHERE r.quarter = '2026-Q1' AND r.revision = (SELECT max(revision) FROM unit_ratings x WHERE x.unit_id = r.unit_id AND x.quarter = r.quarter)
         AND (u.path = '25.227' OR u.path LIKE '25.227.%')
       GROUP BY r.rating`);
    const q1 = await report('25.227', '2026-Q1');
    for (const [rating, metric] of [['strong', 'Vững mạnh'], ['fair', 'Khá'], ['average', 'Trung bình'], ['weak', 'Yếu']] as const) {
      expect(figure(q1, 'movement', metric)).toBe(Number(oracle.find((row) => row.rating === rating)?.n ?? 0));
    }
    expect(figure(q1, 'movement', 'Khá')).toBe(2);
    const movement = q1.sections.find((s) => s.key === 'movement')!;
    expect(movement.details[0]!.rows).toEqual([['07897', 'Phường Tiên Cát', 'Tăng cường tuần tra; Họp dân', 'Công an', 'Quý III/2026']]);
    expect(figure(q1, 'movement', 'Đơn vị đạt chuẩn an toàn về ANTT (năm) 2026')).toBe(1);
    const q2 = await report('25.227', '2026-Q2');
    expect(q2.sections.find((s) => s.key === 'movement')!.rows.find((r) => r.metric === 'Số đơn vị được xếp loại')).toMatchObject({ current: 2, previousQuarter: 4 });
    expect(q1.area.name).toBe('Thành phố Việt Trì');
    expect(q1.currentAsOf['movement']!.lastEventAt).not.toBeNull();
    await waitFor(() => report('25.227', '2026-Q1'), (r) => r.currentAsOf['movement']!.lag === 0, { description: 'the movement projection to report no lag' });
    // The province rolls up every level below it.
    expect(figure(await report('25', '2026-Q1'), 'movement', 'Số đơn vị được xếp loại')).toBe(5);
  });

  it('lists each unit’s rating and hotspot of a quarter for the map, within the area, and names a bad quarter', async () => {
    expect((await call(units, 'POST', '/api/v1/units/07882/hotspots', { reason: 'Tụ điểm cờ bạc gần bến xe', fromQuarter: '2026-Q1', toQuarter: '2026-Q2' })).status).toBe(201);
    type Standings = { area: string; items: { code: string; rating: string | null; hotspot: string | null }[] };
    const standings = await waitFor(
      async () => (await call(reporting, 'GET', '/api/v1/reports/unit-standings?area=25.227&quarter=2026-Q1')).body as Standings,
      (body) => body.items.some((item) => item.hotspot !== null),
      { description: 'the hotspot in the standings' },
    );
    expect(standings.area).toBe('25.227');
    // The latest revision of each rating; Đoan Hùng's town (07981) is outside Việt Trì.
    expect(standings.items.map((item) => [item.code, item.rating, item.hotspot])).toEqual([
      ['07882', 'fair', 'Tụ điểm cờ bạc gần bến xe'],
      ['07885', 'fair', null],
      ['07894', 'strong', null],
      ['07897', 'weak', null],
    ]);
    const q3 = (await call(reporting, 'GET', '/api/v1/reports/unit-standings?area=25.227&quarter=2026-Q3')).body as Standings;
    expect(q3.items).toEqual([]);
    const bad = await call(reporting, 'GET', '/api/v1/reports/unit-standings?quarter=2026-Q5');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('quarter');
  });

  it('keeps Q1 unchanged as at the time after two communes merge, and moves the figures as today', async () => {
    const before = await report('25.227.07894', '2026-Q1');
    const cityBefore = await report('25.227', '2026-Q1');
    expect(figure(before, 'movement', 'Số đơn vị được xếp loại')).toBe(1);

    expect((await call(units, 'POST', '/api/v1/units/merge', { sourceCodes: ['07897'], targetCode: '07894', effectiveFrom: '2026-04-01' })).status).toBe(200);
    await waitFor(() => report('25.227.07894', '2026-Q1', 'as-today'), (r) => figure(r, 'movement', 'Số đơn vị được xếp loại') === 2, {
      description: 'Tiên Cát’s Q1 rating under Gia Cẩm as today',
    });

    const after = await report('25.227.07894', '2026-Q1');
    expect(after.sections).toEqual(before.sections);
    expect((await report('25.227', '2026-Q1')).sections).toEqual(cityBefore.sections);
    const today = await report('25.227.07894', '2026-Q1', 'as-today');
    expect(figure(today, 'movement', 'Vững mạnh')).toBe(1);
    expect(figure(today, 'movement', 'Yếu')).toBe(1);
  });

  it('counts incidents by category at every level of the hierarchy, with comparisons', async () => {
    const incident = (area: string, category: string, occurredAt: string) => incidentReported({ area, category, occurredAt });
    await publishEvents(topicFor('incident', prefix), [
      incident('25.227.07882', 'criminal-offence', '2026-02-10T03:00:00Z'),
      incident('25.227.07882', 'criminal-offence', '2026-02-11T03:00:00Z'),
      incident('25.227.07885', 'drugs', '2026-03-01T03:00:00Z'),
      incident('25.227.07885', 'drugs', '2025-12-20T03:00:00Z'),
      incident('25.228.07954', 'gambling', '2026-01-05T03:00:00Z'),
    ]);
    const rowOf = (r: Report, metric: string) => r.sections.find((s) => s.key === 'incidents')!.rows.find((row) => row.metric === metric);
    const city = await waitFor(() => report('25.227', '2026-Q1'), (r) => rowOf(r, 'Tổng số vụ việc')?.current === 3, { description: 'incidents in the Q1 report' });
    expect(rowOf(city, 'Tổng số vụ việc')).toMatchObject({ current: 3, previousQuarter: 1, sameQuarterLastYear: 0 });
    expect(rowOf(city, 'criminal-offence')!.current).toBe(2); // no taxonomy event in this test: the slug stands for its name
    expect(rowOf(await report('25', '2026-Q1'), 'Tổng số vụ việc')!.current).toBe(4);
    expect(rowOf(await report('25.227.07885', '2026-Q1'), 'drugs')).toMatchObject({ current: 1, previousQuarter: 1 });
  });

  it('rolls up a year compared with the year before in every column the quarters compare, named as a year', async () => {
    // Last year: a certified commune, Q4 ratings, a training course, an incident (2025-Q4, above).
    expect((await call(units, 'POST', '/api/v1/units/07885/certifications', { year: 2025, grantedOn: '2025-12-20' })).status).toBe(201);
    await rate('07885', '2025-Q4', 'fair');
    await rate('07882', '2025-Q4', 'weak', { actions: ['Họp dân'], responsibleAgency: 'police', targetQuarter: '2026-Q1' });
    expect(
      (await call(units, 'POST', '/api/v1/units/07882/training-sessions', { course: 'Kỹ năng tuần tra', forceType: 'neighbourhood-guard', startsOn: '2025-05-10', endsOn: '2025-05-11', trainees: 7, hours: 8 })).status,
    ).toBe(201);
    const yearly = async (year: number): Promise<YearReport> => {
      const answer = await call(reporting, 'GET', `/api/v1/reports/quarterly?area=25&year=${year}`);
      expect(answer.status).toBe(200);
      return answer.body as YearReport;
    };
    await waitFor(() => report('25', '2025-Q4'), (r) => figure(r, 'movement', 'Số đơn vị được xếp loại') === 2 && r.currentAsOf['movement']!.lag === 0, { description: 'the 2025 figures' });
    const [thisYear, lastYear] = [await yearly(2026), await yearly(2025)];
    const quartersOfLastYear = await Promise.all([1, 2, 3, 4].map((q) => report('25', `2025-Q${q}`)));
    const q4 = await report('25', '2026-Q4');

    expect(thisYear).toMatchObject({ periodKind: 'year', year: '2026' });
    expect(thisYear).not.toHaveProperty('quarter');
    // A label may name its year ("... (năm) 2026"): rows are matched without it.
    const key = (metric: string): string => metric.replace(/\b20\d\d\b/, 'YYYY');
    const rowsOf = <R extends { metric: string }>(answer: { sections: { key: string; rows: R[] }[] }): Map<string, R> =>
      new Map(answer.sections.flatMap((section) => section.rows.map((row) => [`${section.key}/${key(row.metric)}`, row] as const)));
    const lastYearRows = rowsOf(lastYear);
    const lastYearQuarters = quartersOfLastYear.map(rowsOf);
    const q4Rows = rowsOf(q4);
    const states = new Set(['movement/Số đơn vị được xếp loại', 'movement/Vững mạnh', 'movement/Khá', 'movement/Trung bình', 'movement/Yếu', 'movement/Đơn vị đạt chuẩn an toàn về ANTT (năm) YYYY']);
    let compared = 0;
    for (const [name, row] of rowsOf(thisYear)) {
      expect(Object.keys(row).sort()).toEqual(['better', 'current', 'key', 'metric', 'previousYear']);
      const quarterRow = q4Rows.get(name);
      // A breakdown row (a category) the last quarter did not see compares like its siblings do.
      const quarterCompares = quarterRow === undefined || quarterRow.previousQuarter !== null || quarterRow.sameQuarterLastYear !== null;
      // Filled wherever the quarter's comparison is, with last year's own roll-up.
      expect({ name, filled: row.previousYear !== null }).toEqual({ name, filled: quarterCompares });
      if (!quarterCompares) continue;
      compared += 1;
      const figureOfLastYear = lastYearRows.get(name)?.current ?? 0;
      expect({ name, previousYear: row.previousYear }).toEqual({ name, previousYear: figureOfLastYear });
      // A flow is the sum of last year's four quarters; a state is where Q4 left it; a share is the year's own.
      if (name.endsWith('(%)')) continue;
      const expected = states.has(name) ? (lastYearQuarters[3]!.get(name)?.current ?? 0) : lastYearQuarters.reduce((sum, rows) => sum + (rows.get(name)?.current ?? 0), 0);
      expect({ name, previousYear: row.previousYear }).toEqual({ name, previousYear: expected });
    }
    expect(compared).toBeGreaterThan(20);
    const certified = [...rowsOf(thisYear)].find(([name]) => name.startsWith('movement/Đơn vị đạt chuẩn'))![1];
    expect(certified).toEqual({ key: 'movement.certified', metric: 'Đơn vị đạt chuẩn an toàn về ANTT (năm) 2026', better: 'higher', current: 1, previousYear: 1 });
    expect(rowsOf(thisYear).get('forces/Lượt người được huấn luyện')).toMatchObject({ current: 10, previousYear: 7 });
    expect(rowsOf(thisYear).get('incidents/Tổng số vụ việc')).toMatchObject({ previousYear: 1 });
  });

  it('downloads an XLSX with the sections, Vietnamese headings and the figures', async () => {
    const response = await fetch(`${reporting.url}/api/v1/reports/quarterly?area=25.227&quarter=2026-Q1&format=xlsx`, { headers: { authorization: await bearer(officer) } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('bao-cao-25.227-2026-Q1.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổng quan',
      '1. Chất lượng phong trào và đơn',
      '2. Mô hình tự quản và nhân rộng',
      '3. Chỉ đạo điểm và địa bàn phức',
      '4. Phong trào liên kết và phối',
      '5. Vụ việc theo loại, lĩnh vực',
      '6. Quá trình giải quyết vụ việc',
      '7. Lực lượng nòng cốt và huấn l',
      '8. Tuyên truyền, gương người tố',
    ]);
    const movement = workbook.worksheets[1]!;
    expect(movement.getRow(2).values).toEqual([undefined, 'Chỉ tiêu', 'Quý này', 'Quý trước', 'Cùng kỳ năm trước', 'Thay đổi']);
    const strong = movement.getRows(3, 6)!.find((row) => row.getCell(1).value === 'Vững mạnh')!;
    expect(strong.getCell(2).value).toBe(1);
    expect(workbook.worksheets[0]!.getRow(2).getCell(2).value).toBe('Thành phố Việt Trì (25.227)');
  });

  it('offers CSV and a printable page, in English too, and refuses an area outside the caller’s', async () => {
    const csv = await (await fetch(`${reporting.url}/api/v1/reports/quarterly?area=25.227&quarter=2026-Q1&format=csv&lang=en`, { headers: { authorization: await bearer(officer) } })).text();
    expect(csv).toContain('Weak');
    expect(csv.split('\r\n')[0]).toBe('Section,Measure,This quarter,Previous quarter,Same quarter last year');
    const html = await (await fetch(`${reporting.url}/api/v1/reports/quarterly?area=25.227&quarter=2026-Q1&format=html`, { headers: { authorization: await bearer(officer) } })).text();
    expect(html).toContain('<h2>1. Chất lượng phong trào và đơn vị yếu</h2>');
    const outside = await fetch(`${reporting.url}/api/v1/reports/quarterly?area=24&quarter=2026-Q1`, { headers: { authorization: await bearer(officer) } });
    expect(outside.status).toBe(403);
  });

  it('streams freshness as server-sent events and moves when new events are applied', async () => {
    const controller = new AbortController();
    const response = await fetch(`${reporting.url}/api/v1/reports/freshness/stream`, { headers: { authorization: await bearer(officer) }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const messages: string[] = [];
    const read = async (): Promise<void> => {
      const { value } = await reader.read();
      messages.push(...new TextDecoder().decode(value).split('\n\n').filter((chunk) => chunk.includes('event: freshness')));
    };
    // The stream may open with a bare line before its first event.
    while (messages.length < 1) await read();
    const first = messages[0]!;
    await rate('07912', '2026-Q3', 'fair');
    while (messages.length < 2) await read();
    controller.abort();
    expect(first).toContain('"movement"');
    expect(messages[1]).not.toEqual(first);
  });

  describe('submission, approval and completeness', () => {
    const vietTriOfficer: Caller = { subject: 'ubnd-tp-viet-tri', agency: 'people-committee', roles: ['officer'], area: '25.227' };
    const phuThoOfficer: Caller = { subject: 'ubnd-tx-phu-tho', agency: 'people-committee', roles: ['officer'], area: '25.228' };
    const provinceApprover: Caller = { subject: 'ca-tinh-pv05', agency: 'police', roles: ['approver'], area: '25' };

    async function as(caller: Caller, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
      const response = await fetch(`${reporting.url}${path}`, {
        method,
        headers: { authorization: await bearer(caller), 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }

    const stateOf = async (code: string): Promise<string> => {
      const status = await as(provinceApprover, 'GET', '/api/v1/reports/submissions/status?quarter=2026-Q3');
      return (status.body['districts'] as { code: string; state: string }[]).find((d) => d.code === code)!.state;
    };

    it('tracks every district: overdue, submitted late, approved and frozen', async () => {
      expect(await stateOf('227')).toBe('overdue');
      const submitted = await as(vietTriOfficer, 'POST', '/api/v1/reports/submissions', { area: '25.227', quarter: '2026-Q3', narrative: 'Quý III tình hình an ninh trật tự cơ bản ổn định.' });
      expect(submitted.status).toBe(201);
      expect(await stateOf('227')).toBe('submitted-late');
      expect((await as(vietTriOfficer, 'POST', `/api/v1/reports/submissions/${submitted.body['id']}/approve`)).status).toBe(403);
      const approved = await as(provinceApprover, 'POST', `/api/v1/reports/submissions/${submitted.body['id']}/approve`);
      expect(approved.body).toMatchObject({ status: 'approved', reviewedBy: 'ca-tinh-pv05', version: 2 });
      expect(await stateOf('227')).toBe('approved');

      const frozen = await as(provinceApprover, 'GET', `/api/v1/reports/submissions/${submitted.body['id']}`);
      await rate('07909', '2026-Q3', 'strong');
      await waitFor(() => report('25.227', '2026-Q3'), (r) => figure(r, 'movement', 'Vững mạnh') === 1);
      expect((await as(provinceApprover, 'GET', `/api/v1/reports/submissions/${submitted.body['id']}`)).body['snapshot']).toEqual(frozen.body['snapshot']);
      expect((await as(vietTriOfficer, 'POST', '/api/v1/reports/submissions', { area: '25.227', quarter: '2026-Q3', narrative: 'Lần 2' })).status).toBe(409);
    });

    it('returns a report with comments, then takes a second revision', async () => {
      const first = await as(phuThoOfficer, 'POST', '/api/v1/reports/submissions', { area: '25.228', quarter: '2026-Q3', narrative: 'Báo cáo quý III' });
      const stale = await fetch(`${reporting.url}/api/v1/reports/submissions/${first.body['id']}/return`, {
        method: 'POST',
        headers: { authorization: await bearer(provinceApprover), 'content-type': 'application/json', 'if-match': '"7"' },
        body: JSON.stringify({ comments: 'x' }),
      });
      expect(stale.status).toBe(412);
      const returned = await as(provinceApprover, 'POST', `/api/v1/reports/submissions/${first.body['id']}/return`, { comments: 'Bổ sung số liệu mô hình tự quản' });
      expect(returned.body).toMatchObject({ status: 'returned', comments: 'Bổ sung số liệu mô hình tự quản' });
      expect(await stateOf('228')).toBe('returned');
      const second = await as(phuThoOfficer, 'POST', '/api/v1/reports/submissions', { area: '25.228', quarter: '2026-Q3', narrative: 'Báo cáo quý III (bổ sung)' });
      expect(second.body).toMatchObject({ revision: 2, status: 'submitted' });
    });

    it('refuses a submission outside the caller’s area or for a unit that is not a district', async () => {
      expect((await as(phuThoOfficer, 'POST', '/api/v1/reports/submissions', { area: '25.227', quarter: '2026-Q3', narrative: 'x' })).status).toBe(403);
      const commune = await as(vietTriOfficer, 'POST', '/api/v1/reports/submissions', { area: '25.227.07894', quarter: '2026-Q3', narrative: 'x' });
      expect(commune.status).toBe(422);
      expect((commune.body['errors'] as { field: string }[])[0]!.field).toBe('area');
    });
  });
});

