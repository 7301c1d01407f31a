import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Caller } from '@binh-yen/auth';
import { quarterOf } from '@binh-yen/contracts';
import { bearer, consumerStates, createTestDatabase, repoRoot, serviceEnv, startServiceProcess, uniqueTopicPrefix, waitFor, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';

const run = promisify(execFile);
const committee: Caller = { subject: 'ubnd-tinh-01', agency: 'people-committee', roles: ['officer'], area: '25' };
const police: Caller = { subject: 'ca-tinh-01', agency: 'police', roles: ['officer'], area: '25' };
const administrator: Caller = { subject: 'ca-tinh-qt', agency: 'police', roles: ['administrator'], area: '25' };

interface Report {
  title: string;
  text: { period: string; view: string; currentAsOf: { name: string; at: string }[] };
  sections: { key: string; title: string; rows: { key: string; metric: string; current: number }[]; details: { heading: string; columns: string[]; rows: string[][] }[] }[];
}

/** Every agency code the platform knows and the names of the read models: none may reach a reader. */
const AGENCIES = ['people-committee', 'police', 'procuracy', 'court', 'justice', 'fatherland-front', 'womens-union', 'youth-union', 'farmers-association', 'veterans-association', 'press'];
const PROJECTIONS = ['movement', 'incidents', 'campaigns', 'cases', 'incident-counts', 'case-pipeline', 'campaign-figures', 'taxonomy-names'];

describe('one report in Vietnamese, in every format, names what it counts (issue 20)', () => {
  const prefix = uniqueTopicPrefix();
  const databases: TestDatabase[] = [];
  let units: ServiceProcess;
  let incidents: ServiceProcess;
  let reporting: ServiceProcess;
  let slugs: string[] = [];
  const now = new Date();
  const thisQuarter = quarterOf(now);
  const lastQuarterDay = new Date(now.getTime() - 100 * 86_400_000);
  const lastQuarter = quarterOf(lastQuarterDay);
  const nextQuarter = quarterOf(new Date(now.getTime() + 100 * 86_400_000));

  async function call(service: ServiceProcess, caller: Caller, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown; response: Response; bytes: Buffer }> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: await bearer(caller), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = (response.headers.get('content-type') ?? '').includes('json') && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : null;
    return { status: response.status, body: json, response, bytes };
  }

  const report = async (quarter: string, format = 'json'): Promise<{ status: number; body: unknown; bytes: Buffer }> => call(reporting, committee, 'GET', `/api/v1/reports/quarterly?area=25.227&quarter=${quarter}&format=${format}`);
  const categoryRow = (r: Report, slug: string) => r.sections.find((s) => s.key === 'incidents')!.rows.find((row) => row.key === `category.${slug}`);

  beforeAll(async () => {
    const [unitsDb, incidentsDb, reportingDb] = await Promise.all([createTestDatabase('units'), createTestDatabase('incidents'), createTestDatabase('reporting')]);
    databases.push(unitsDb, incidentsDb, reportingDb);
    [units, incidents, reporting] = await Promise.all([
      startServiceProcess({ service: 'units', env: serviceEnv(unitsDb.url, prefix) }),
      startServiceProcess({ service: 'incidents', env: serviceEnv(incidentsDb.url, prefix, { INCIDENTS_INFORMANT_KEY: randomBytes(32).toString('base64') }) }),
      startServiceProcess({ service: 'reporting', env: serviceEnv(reportingDb.url, prefix) }),
    ]);
    await run(process.execPath, ['-r', '@swc-node/register', 'apps/units/src/import/import-units.cli.ts', join(repoRoot(), 'apps/units/seed/phu-tho-1998.csv'), '--effective-from=1998-04-21'], {
      cwd: repoRoot(),
      env: { ...process.env, ...serviceEnv(unitsDb.url, prefix) },
    });
    await waitFor(() => consumerStates(reporting.url), (states) => states.every((s) => s.state === 'running'));
    const taxonomy = (await call(incidents, police, 'GET', '/api/v1/incident-taxonomy')).body as { domains: { slug: string }[]; categories: { slug: string }[] };
    slugs = [...taxonomy.domains, ...taxonomy.categories].map((entry) => entry.slug);

    // A weak unit with a plan (an agency and a target quarter), incidents in both quarters.
    for (const quarter of [lastQuarter, thisQuarter]) {
      const rated = await call(units, committee, 'PUT', `/api/v1/units/07897/ratings/${quarter}`, {
        rating: 'weak',
        assessor: 'Đoàn kiểm tra liên ngành tỉnh',
        assessedOn: (quarter === thisQuarter ? now : lastQuarterDay).toISOString().slice(0, 10),
        justification: 'Theo kết quả kiểm tra quý',
        improvementPlan: { actions: ['Tăng cường tuần tra'], responsibleAgency: 'police', targetQuarter: quarter === thisQuarter ? nextQuarter : thisQuarter },
      });
      expect(rated.status).toBe(200);
    }
    for (const [category, occurredAt] of [
      ['gambling', lastQuarterDay],
      ['gambling', now],
      ['drugs', now],
      ['dispute-complaint', now],
    ] as const) {
      const posted = await waitFor(
        () => call(incidents, police, 'POST', '/api/v1/incidents', { unitCode: '07882', category, source: 'public-tip', occurredAt: new Date(occurredAt.getTime() - 3_600_000).toISOString(), summary: 'Vụ việc kiểm thử' }),
        (answer) => answer.status === 201,
        { description: `an incident of ${category} accepted` },
      );
      expect(posted.status).toBe(201);
    }
    await waitFor(
      () => report(thisQuarter),
      (answer) => {
        const r = answer.body as Report;
        return categoryRow(r, 'dispute-complaint')?.metric === 'Mâu thuẫn, tranh chấp, khiếu kiện' && r.sections[0]!.details[0]!.rows.length === 1 && r.sections.find((s) => s.key === 'incidents')!.rows.some((row) => row.key.startsWith('domain.'));
      },
      { timeoutMs: 60_000, description: 'the figures and the taxonomy names in the report' },
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([units?.stop(), incidents?.stop(), reporting?.stop()]);
    await Promise.allSettled(databases.map((database) => database.drop()));
  });

  it('names a renamed category anew from the rename on, and keeps the old name in the quarters before', async () => {
    const before = (await report(lastQuarter)).body as Report;
    expect(categoryRow(before, 'gambling')).toMatchObject({ metric: 'Cờ bạc', current: 1 });
    const renamed = await call(incidents, administrator, 'PUT', '/api/v1/incident-taxonomy/categories/gambling', { nameVi: 'Đánh bạc, tổ chức đánh bạc', nameEn: 'Gambling and running gambling', defaultDomain: 'social-order' });
    expect(renamed.status).toBe(200);
    const after = await waitFor(() => report(thisQuarter), (answer) => categoryRow(answer.body as Report, 'gambling')?.metric === 'Đánh bạc, tổ chức đánh bạc', { description: 'the new name in this quarter’s report' });
    expect(categoryRow(after.body as Report, 'gambling')!.current).toBe(1);
    expect(categoryRow((await report(lastQuarter)).body as Report, 'gambling')).toMatchObject({ metric: 'Cờ bạc', current: 1 });
  });

  it('shows no raw code in JSON labels, CSV, XLSX, HTML, DOCX or PDF', async () => {
    const raw = [
      ...slugs.map((slug) => new RegExp(`(?<![\\p{L}-])${slug}(?![\\p{L}-])`, 'u')),
      ...AGENCIES.map((agency) => new RegExp(`(?<![\\p{L}-])${agency}(?![\\p{L}-])`, 'u')),
      ...PROJECTIONS.map((projection) => new RegExp(`(?<![\\p{L}-])${projection}(?![\\p{L}-])`, 'u')),
      /\b\d{4}-Q[1-4]\b/,
    ];
    const rawIn = (text: string): string[] => raw.filter((pattern) => pattern.test(text)).map(String);

    const json = (await report(thisQuarter)).body as Report;
    const labels = [
      json.title,
      ...Object.values(json.text).flat().map((value) => (typeof value === 'string' ? value : `${value.name} ${value.at}`)),
      ...json.sections.flatMap((section) => [section.title, ...section.rows.map((row) => row.metric), ...section.details.flatMap((detail) => [detail.heading, ...detail.columns, ...detail.rows.flat()])]),
    ].join('\n');
    expect(labels).toContain('Quý');
    expect(labels).toContain('Công an');
    const csv = (await report(thisQuarter, 'csv')).bytes.toString('utf8');
    const html = (await report(thisQuarter, 'html')).bytes.toString('utf8').replace(/<[^>]*>/g, ' ');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await report(thisQuarter, 'xlsx')).bytes as unknown as ExcelJS.Buffer);
    const cells: string[] = workbook.worksheets.map((sheet) => sheet.name);
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    const xlsx = cells.join('\n');
    const docxXml = await (await JSZip.loadAsync((await report(thisQuarter, 'docx')).bytes)).file('word/document.xml')!.async('string');
    const docx = [...docxXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n');
    const pdfFile = join(tmpdir(), `binh-yen-vi-${process.pid}.pdf`);
    writeFileSync(pdfFile, (await report(thisQuarter, 'pdf')).bytes);
    const pdf = (await run('pdftotext', [pdfFile, '-'])).stdout;

    for (const [format, text] of Object.entries({ json: labels, csv, xlsx, html, docx, pdf })) {
      expect({ format, raw: rawIn(text) }).toEqual({ format, raw: [] });
      const flat = text.replace(/\s+/g, ' ');
      expect({ format, named: flat.includes('Mâu thuẫn, tranh chấp, khiếu kiện') && flat.includes('Ma túy') }).toEqual({ format, named: true });
      // Headers in the chosen language only.
      expect({ format, english: /This quarter|Measure|Previous quarter/.test(text) }).toEqual({ format, english: false });
    }
    // The times are Vietnam's, dd/mm/yyyy.
    expect(json.text.currentAsOf[0]!.at).toMatch(/^\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/);
  });
});
