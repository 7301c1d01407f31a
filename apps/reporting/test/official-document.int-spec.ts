import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Caller } from '@binh-yen/auth';
import { quarterOf, topicFor } from '@binh-yen/contracts';
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
const vietTri: Caller = { subject: 'ubnd-tp-viet-tri', agency: 'people-committee', roles: ['officer'], area: '25.227' };
const approver: Caller = { subject: 'ca-tinh-pv05', agency: 'police', roles: ['approver'], area: '25' };

interface Row {
  key: string;
  metric: string;
  current: number;
  previousQuarter?: number | null;
  sameQuarterLastYear?: number | null;
  previousYear?: number | null;
}
interface Report {
  sections: { key: string; title: string; rows: Row[] }[];
}

const HEADING = {
  parentBody: 'UBND tỉnh Phú Thọ',
  issuingBody: 'UBND thành phố Việt Trì',
  symbol: 'UBND',
  number: 7,
  place: 'Việt Trì',
  signatory: { form: 'TM.', authority: 'Ủy ban nhân dân', position: 'Chủ tịch', name: 'Nguyễn Văn Bình' },
  recipients: ['UBND tỉnh (để báo cáo)', 'Công an tỉnh'],
};

/** Every part Decree 30/2020/NĐ-CP asks of the first page and the end, as the document writes it. */
const REQUIRED_PARTS = [
  'UBND TỈNH PHÚ THỌ',
  'UBND THÀNH PHỐ VIỆT TRÌ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 07/BC-UBND',
  'BÁO CÁO',
  'Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc',
  'Nơi nhận:',
  '- UBND tỉnh (để báo cáo);',
  '- Lưu: VT, UBND.',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Nguyễn Văn Bình',
  'Quý III tình hình an ninh trật tự ổn định.',
];

const vi = new Intl.NumberFormat('vi-VN');
const figure = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : vi.format(value));
/** A row's figures as the document prints them: this period, its comparisons. */
const figuresOf = (row: Row): string[] => ('previousYear' in row ? [row.current, row.previousYear] : [row.current, row.previousQuarter, row.sameQuarterLastYear]).map(figure);
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('the quarterly report as an official document (Decree 30/2020/NĐ-CP), DOCX and PDF', () => {
  const prefix = uniqueTopicPrefix();
  let unitsDb: TestDatabase;
  let reportingDb: TestDatabase;
  let units: ServiceProcess;
  let reporting: ServiceProcess;
  const quarter = quarterOf(new Date(Date.now() - 100 * 86_400_000));
  const year = quarter.slice(0, 4);
  let submissionId = '';

  async function call(caller: Caller, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown>; bytes: Buffer; type: string }> {
    const service = path.startsWith('/api/v1/reports') ? reporting : units;
    const response = await fetch(`${service.url}${path}`, { method, headers: { authorization: await bearer(caller), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: type.includes('json') && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : {}, bytes, type };
  }

  async function pdfText(pdf: Buffer, ...args: string[]): Promise<string> {
    const file = join(tmpdir(), `binh-yen-${process.pid}-${Date.now()}.pdf`);
    writeFileSync(file, pdf);
    return (await run('pdftotext', [...args, file, '-'])).stdout;
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
    for (const [code, rating] of [['07894', 'strong'], ['07882', 'fair'], ['07885', 'strong']] as const) {
      const rated = await call(vietTri, 'PUT', `/api/v1/units/${code}/ratings/${quarter}`, { rating, assessor: 'Đoàn kiểm tra', assessedOn: new Date().toISOString().slice(0, 10), justification: 'Theo kết quả kiểm tra quý' });
      expect(rated.status).toBe(200);
    }
    const day = new Date(Date.now() - 100 * 86_400_000).toISOString();
    await publishEvents(topicFor('incident', prefix), [incidentReported({ area: '25.227.07882', category: 'drugs', occurredAt: day }), incidentReported({ area: '25.227.07885', category: 'drugs', occurredAt: day })]);
    await waitFor(
      () => call(vietTri, 'GET', `/api/v1/reports/quarterly?area=25.227&quarter=${quarter}`),
      (answer) => {
        const sections = (answer.body as unknown as Report).sections;
        return sections?.find((s) => s.key === 'movement')?.rows[0]?.current === 3 && sections.find((s) => s.key === 'incidents')?.rows[0]?.current === 2;
      },
      { timeoutMs: 60_000, description: 'the figures in the report' },
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([units?.stop(), reporting?.stop()]);
    await Promise.allSettled([unitsDb?.drop(), reportingDb?.drop()]);
  });

  it('takes the issuer, signatory and recipients with the submission, naming a wrong field', async () => {
    const bad = await call(vietTri, 'POST', '/api/v1/reports/submissions', {
      area: '25.227',
      quarter,
      narrative: 'x',
      document: { ...HEADING, symbol: 'ubnd', signatory: { ...HEADING.signatory, form: 'XX.' } },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body['errors'])).toContain('document.symbol');
    expect(JSON.stringify(bad.body['errors'])).toContain('document.signatory.form');
    const submitted = await call(vietTri, 'POST', '/api/v1/reports/submissions', { area: '25.227', quarter, narrative: 'Quý III tình hình an ninh trật tự ổn định.', document: HEADING });
    expect(submitted.status).toBe(201);
    submissionId = submitted.body['id'] as string;
    expect((await call(approver, 'POST', `/api/v1/reports/submissions/${submissionId}/approve`)).status).toBe(200);
  });

  it('writes a .docx with every part of the layout and the figures of the JSON report', async () => {
    const json = (await call(vietTri, 'GET', `/api/v1/reports/quarterly?area=25.227&quarter=${quarter}`)).body as unknown as Report;
    const answer = await call(vietTri, 'GET', `/api/v1/reports/quarterly?area=25.227&quarter=${quarter}&format=docx&submission=${submissionId}`);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(answer.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const text = paragraphs.join('\n');
    for (const part of REQUIRED_PARTS) expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    expect(text).toMatch(/Việt Trì, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm \d{4}/);
    // A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; a first page of its own, without a number.
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(Object.keys(zip.files).filter((name) => /^word\/header\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    expect(headers.filter((header) => header.includes('PAGE'))).toHaveLength(1);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
    // Each line of the JSON report is a row of the document's tables: its name, unit and figures.
    const tableRows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
    let rows = 0;
    for (const section of json.sections) {
      expect(text).toContain(section.title);
      for (const row of section.rows) {
        const printed = tableRows.find((cells) => cells[0] === row.metric);
        expect({ metric: row.metric, figures: printed?.slice(2, 2 + figuresOf(row).length) }).toEqual({ metric: row.metric, figures: figuresOf(row) });
        rows += 1;
      }
    }
    expect(rows).toBeGreaterThan(30);
  });

  it('prints a .pdf of the same document: A4, the parts, the figures, page numbers from page 2; screenshots of pages 1–2', async () => {
    const json = (await call(vietTri, 'GET', `/api/v1/reports/quarterly?area=25.227&quarter=${quarter}`)).body as unknown as Report;
    const answer = await call(vietTri, 'GET', `/api/v1/reports/quarterly?area=25.227&quarter=${quarter}&format=pdf&submission=${submissionId}`);
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('application/pdf');
    const text = squash(await pdfText(answer.bytes, '-raw'));
    for (const part of REQUIRED_PARTS) expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    // Each line in the printed order: its name, its unit of measure, then its figures.
    const escape = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const section of json.sections) {
      expect(text).toContain(squash(section.title));
      for (const row of section.rows) {
        const line = new RegExp(`${escape(squash(row.metric))} [^0-9—]{0,12}${escape(figuresOf(row).join(' '))}`);
        expect({ metric: row.metric, printed: line.test(text) }).toEqual({ metric: row.metric, printed: true });
      }
    }
    const [page1, page2] = [squash(await pdfText(answer.bytes, '-f', '1', '-l', '1', '-layout')), squash(await pdfText(answer.bytes, '-f', '2', '-l', '2', '-layout'))];
    expect(page1.startsWith('UBND TỈNH PHÚ THỌ')).toBe(true);
    expect(page2.startsWith('2 ')).toBe(true);
    const folder = join(repoRoot(), 'test-artifacts', 'official-document');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'bao-cao.pdf'), answer.bytes);
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(folder, 'bao-cao.pdf'), join(folder, 'page')]);
    const pages = await run('ls', [folder]);
    expect(pages.stdout).toMatch(/page-1\.png[\s\S]*page-2\.png/);
  });

  it('makes a draft with blanks without a submission, also for the year’s roll-up', async () => {
    const answer = await call(vietTri, 'GET', `/api/v1/reports/quarterly?area=25.227&year=${year}&format=docx`);
    expect(answer.status).toBe(200);
    const xml = await (await JSZip.loadAsync(answer.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('DỰ THẢO');
    expect(xml).toContain(`năm ${year}`);
    const mismatch = await call(vietTri, 'GET', `/api/v1/reports/quarterly?area=25.227.07894&quarter=${quarter}&format=pdf&submission=${submissionId}`);
    expect(mismatch.status).toBe(422);
    expect(JSON.stringify(mismatch.body['errors'])).toContain('submission');
  });
});
