// The 2025 reform in the browser (issue 20): `npm start` with its demo data (Phú Thọ as in
// 1998, reorganised to two tiers on 1 July 2025), the dashboard in Debian's chromium. After
// the reform the province's sub-units are its communes; before it the reports still go
// through the districts. A ward directly under the province submits its report with the
// official document's heading, and its DOCX and PDF carry it. Screenshots and the files go
// to test-artifacts/dashboard-two-tiers/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chromium, type Browser, type Page } from 'playwright-core';
import { issueToken } from '@binh-yen/auth';
import { quarterName } from '@binh-yen/report-model';
import { findFreePort, repoRoot, waitFor } from '@binh-yen/testing';
import { signInAs, signOut, startChild, stopChild, untilLine, type Child } from './officer-support';

const SECRET = 'two-tiers-e2e-secret-0123456789abcdef';
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const ARTIFACTS = join(repoRoot(), 'test-artifacts', 'dashboard-two-tiers');
/** The last quarter before the reform (the demo's data covers the eight quarters up to today). */
const BEFORE = '2025-Q2';
const RATED = 'Số đơn vị được xếp loại';

interface Report {
  sections: { key: string; rows: { key: string; current: number }[] }[];
}

/** "2026-Q3" for an instant, in Vietnam's time (as the services count). */
function quarterOf(date: Date): string {
  const vietnam = new Date(date.getTime() + 7 * 3_600_000);
  return `${vietnam.getUTCFullYear()}-Q${Math.floor(vietnam.getUTCMonth() / 3) + 1}`;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The report page once it shows this area's report of this quarter (a hash change keeps the page). */
async function reportOf(page: Page, dashboardUrl: string, area: string, areaName: string, quarter: string): Promise<void> {
  await page.goto(`${dashboardUrl}/#/report?area=${area}&quarter=${quarter}`);
  await page
    .locator('h1 .subtitle')
    .filter({ hasText: new RegExp(`^${areaName} · ${quarterName(quarter, 'vi')}$`) })
    .waitFor();
  await page.locator('[data-testid="report-sections"][aria-busy="false"]').waitFor();
}

/** The movement section's "units rated" figure of this quarter, as the page shows it. */
async function ratedOnPage(page: Page): Promise<number> {
  const cell = page
    .getByTestId('report-section-movement')
    .getByRole('row', { name: new RegExp(`^${RATED}`) })
    .getByRole('cell')
    .first();
  await cell.filter({ hasText: /^\d+$/ }).waitFor();
  return Number(await cell.textContent());
}

/** The text of a .docx as its paragraphs read (runs joined). */
async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n');
}

describe('dashboard: the province in two tiers after 1 July 2025 and three before, on the demo data of npm start', () => {
  let platform: Child | undefined;
  let browser: Browser | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'binh-yen-two-tiers-'));
  const keysDir = mkdtempSync(join(tmpdir(), 'binh-yen-two-tiers-keys-'));

  beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await stopChild(platform);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('drills province → commune after the reform, reads province → district → commune before it, and downloads a ward’s submitted report as DOCX and PDF', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (see .ci/run), or set CHROMIUM_PATH`);
    const ports = { units: await findFreePort(), incidents: await findFreePort(), campaigns: await findFreePort(), reporting: await findFreePort(), dashboard: await findFreePort() };
    platform = startChild(
      'npm',
      ['start'],
      {
        DATA_DIR: dataDir,
        UNITS_PORT: String(ports.units),
        INCIDENTS_PORT: String(ports.incidents),
        CAMPAIGNS_PORT: String(ports.campaigns),
        REPORTING_PORT: String(ports.reporting),
        DASHBOARD_PORT: String(ports.dashboard),
        AUTH_JWT_SECRET: SECRET,
        BINHYEN_KEYS_DIR: keysDir,
        // The demo data in full (its reform is what this test looks at), with fewer incidents.
        DEMO_INCIDENTS: '16',
      },
      join(ARTIFACTS, 'npm-start.log'),
    );
    await untilLine(platform, 'Bình Yên is ready', 'npm start');
    await untilLine(platform, 'demo data ready', 'the demo data', 900_000);
    expect(platform.lines.find((line) => line.includes('demo data ready'))).not.toMatch(/refused/);
    const analystToken = await issueToken({ subject: 'two-tiers-e2e-analyst', agency: 'people-committee', roles: ['analyst'], area: '25' }, { secret: SECRET });
    const reporting = async <T>(path: string): Promise<T> =>
      (await fetch(`http://127.0.0.1:${ports.reporting}/api/v1/${path}`, { headers: { authorization: `Bearer ${analystToken}` } })).json() as Promise<T>;
    await waitFor(
      () => reporting<Record<string, { lag: number | null }>>('reports/freshness'),
      (all) => Object.values(all).every((projection) => projection.lag === 0),
      {
        timeoutMs: 120_000,
        description: 'every projection caught up with the demo data',
      },
    );
    const rated = async (area: string, quarter: string): Promise<number> =>
      (await reporting<Report>(`reports/quarterly?area=${area}&quarter=${quarter}`)).sections.flatMap((section) => section.rows).find((row) => row.key === 'movement.rated')!.current;

    const dashboardUrl = `http://127.0.0.1:${ports.dashboard}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signInAs(page, dashboardUrl, 'people-committee/analyst@25');

    // After the reform: the province's sub-units are its 27 communes; no district is left.
    const now = quarterOf(new Date());
    await page.goto(`${dashboardUrl}/#/overview?area=25&quarter=${now}`);
    await page.getByTestId('subunit-07897').waitFor();
    expect(await page.getByTestId('subunits').getByRole('link').count()).toBe(27);
    expect(await page.getByTestId('subunit-227').count()).toBe(0);
    await page.getByTestId('incidents-total').filter({ hasText: /^\d+$/ }).waitFor();
    await shot(page, '01-province-two-tiers');
    await page.getByTestId('subunit-07897').click();
    await page.locator('h1', { hasText: 'Phường Việt Trì' }).waitFor();
    expect(await page.getByTestId('breadcrumb').locator('li').allTextContents()).toEqual(['Tỉnh Phú Thọ', 'Phường Việt Trì']);
    await page.getByTestId('nav-report').click();
    await page
      .locator('h1 .subtitle')
      .filter({ hasText: `Phường Việt Trì · ${quarterName(now, 'vi')}` })
      .waitFor();
    await page.locator('[data-testid="report-sections"][aria-busy="false"]').waitFor();
    expect(await ratedOnPage(page)).toBe(await rated('25.07897', now));
    expect(await rated('25.07897', now)).toBe(1);
    await shot(page, '02-ward-report-two-tiers');

    // Before it: the province's report counts its 63 communes of 1998, the district's its own 22,
    // and a ward merged in 2025 still has its quarter. (The sub-unit list is today's tree, so
    // the test opens the district and the ward by their paths of the time.)
    await reportOf(page, dashboardUrl, '25', 'Tỉnh Phú Thọ', BEFORE);
    expect(await ratedOnPage(page)).toBe(63);
    expect(await rated('25', BEFORE)).toBe(63);
    await reportOf(page, dashboardUrl, '25.227', 'Thành phố Việt Trì', BEFORE);
    expect(await page.getByTestId('breadcrumb').locator('li').allTextContents()).toEqual(['Tỉnh Phú Thọ', 'Thành phố Việt Trì']);
    expect(await ratedOnPage(page)).toBe(22);
    expect(await rated('25.227', BEFORE)).toBe(22);
    await shot(page, '03-district-report-three-tiers');
    await reportOf(page, dashboardUrl, '25.227.07894', 'Phường Gia Cẩm', BEFORE);
    expect(await page.getByTestId('breadcrumb').locator('li').allTextContents()).toEqual(['Tỉnh Phú Thọ', 'Thành phố Việt Trì', 'Phường Gia Cẩm']);
    expect(await ratedOnPage(page)).toBe(1);

    // A ward directly under the province submits to the province, with the official document's heading;
    // a wrong field is named beside it and nothing is recorded until it is right.
    await signOut(page);
    await signInAs(page, dashboardUrl, 'people-committee/officer@25.07897');
    await page.goto(`${dashboardUrl}/#/submissions?quarter=${now}`);
    await page.getByLabel('Nội dung báo cáo').fill('Quý này tình hình an ninh trật tự trên địa bàn phường cơ bản ổn định.');
    await page.getByTestId('document-include').check();
    const heading: [string, string][] = [
      ['document-parentBody', 'UBND tỉnh Phú Thọ'],
      ['document-issuingBody', 'UBND phường Việt Trì'],
      ['document-number', '7'],
      ['document-symbol', 'ubnd'],
      ['document-place', 'Việt Trì'],
      ['document-authority', 'Ủy ban nhân dân'],
      ['document-position', 'Chủ tịch'],
      ['document-name', 'Nguyễn Thị Hoa'],
      ['document-recipients', 'UBND tỉnh (để báo cáo)\nCông an tỉnh'],
    ];
    for (const [testId, value] of heading) await page.getByTestId(testId).fill(value);
    await page.getByTestId('document-form').selectOption('TM.');
    await shot(page, '04-submit-with-heading');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const symbolError = page.getByTestId('error-document-symbol');
    await symbolError.waitFor();
    expect(await symbolError.textContent()).toMatch(/^Chưa hợp lệ.*symbol/);
    expect(await page.getByTestId('document-symbol').getAttribute('aria-invalid')).toBe('true');
    await shot(page, '05-submit-field-error');
    const stateOf = async (): Promise<string | undefined> =>
      (await reporting<{ districts: { area: string; state: string }[] }>(`reports/submissions/status?quarter=${now}`)).districts.find((unit) => unit.area === '25.07897')?.state;
    expect(['missing', 'overdue']).toContain(await stateOf());
    await page.getByTestId('document-symbol').fill('UBND');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nộp báo cáo.' }).waitFor();
    expect(await stateOf()).toMatch(/^submitted-/);

    // Its report as the official document: the heading the ward gave, the figures of the JSON report.
    await reportOf(page, dashboardUrl, '25.07897', 'Phường Việt Trì', now);
    const parts = [
      'UBND TỈNH PHÚ THỌ',
      'UBND PHƯỜNG VIỆT TRÌ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 07/BC-UBND',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Thị Hoa',
      'Nơi nhận:',
      '- UBND tỉnh (để báo cáo);',
      '- Lưu: VT, UBND.',
    ];
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
    expect(docx.suggestedFilename()).toBe(`bao-cao-25.07897-${now}.docx`);
    await docx.saveAs(join(ARTIFACTS, docx.suggestedFilename()));
    const word = await docxText(join(ARTIFACTS, docx.suggestedFilename()));
    for (const part of parts) expect({ part, docx: word.includes(part) }).toEqual({ part, docx: true });
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe(`bao-cao-25.07897-${now}.pdf`);
    await pdf.saveAs(join(ARTIFACTS, pdf.suggestedFilename()));
    const printed = execFileSync('pdftotext', ['-raw', join(ARTIFACTS, pdf.suggestedFilename()), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const part of parts) expect({ part, pdf: printed.includes(part) }).toEqual({ part, pdf: true });
    expect(printed).toMatch(new RegExp(`${RATED} [^0-9]{0,12}${await rated('25.07897', now)} `));
    await shot(page, '06-ward-report-downloaded');

    expect(pageErrors).toEqual([]);
  }, 1_200_000);
});
