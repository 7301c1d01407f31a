// The analyst dashboard in a real browser (Debian's chromium driven by
// playwright-core) against the platform as `npm start` runs it: real services,
// real data (Phú Thọ's units from the seed, an incident reported over HTTP).
// Screenshots of the main pages go to test-artifacts/dashboard/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { issueToken } from '@binh-yen/auth';
import { findFreePort, repoRoot } from '@binh-yen/testing';
import { serviceClients } from '@binh-yen/api-client';
import { signInAs, signOut, startChild, stopChild, untilLine, type Child } from './officer-support';

const SECRET = 'dashboard-e2e-secret-0123456789abcdef';
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const ARTIFACTS = join(repoRoot(), 'test-artifacts', 'dashboard');

/** An incident reported through the generated client: its body is typed by the published document (ADR 0048). */
async function reportIncident(incidentsUrl: string, token: string, incident: { unitCode: string; occurredAt: string; summary: string }): Promise<string> {
  const { data, error, response } = await serviceClients({ units: '', incidents: incidentsUrl, campaigns: '', reporting: '' }).incidents.POST('/api/v1/incidents', {
    headers: { authorization: `Bearer ${token}` },
    body: { ...incident, category: 'criminal-offence' },
  });
  if (response.status !== 201 || !data) throw new Error(`reporting an incident answered ${response.status}: ${JSON.stringify(error)}`);
  return data.id;
}

/** "2026-Q3" for an instant, in Vietnam's time (as the services count). */
function quarterOf(iso: string): string {
  const vietnam = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  return `${vietnam.getUTCFullYear()}-Q${Math.floor(vietnam.getUTCMonth() / 3) + 1}`;
}

function previousQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe('dashboard: the projected views in a real browser, served by npm start', () => {
  let platform: Child | undefined;
  let browser: Browser | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'binh-yen-dashboard-'));
  const keysDir = mkdtempSync(join(tmpdir(), 'binh-yen-dashboard-keys-'));

  beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await stopChild(platform);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('signs in, drills down, changes quarter, sees a new incident live, submits and approves, downloads the XLSX', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (see .ci/run), or set CHROMIUM_PATH`);
    const ports = { units: await findFreePort(), incidents: await findFreePort(), campaigns: await findFreePort(), reporting: await findFreePort(), dashboard: await findFreePort() };
    platform = startChild('npm', ['start'], {
      DATA_DIR: dataDir,
      UNITS_PORT: String(ports.units),
      INCIDENTS_PORT: String(ports.incidents),
      CAMPAIGNS_PORT: String(ports.campaigns),
      REPORTING_PORT: String(ports.reporting),
      DASHBOARD_PORT: String(ports.dashboard),
      AUTH_JWT_SECRET: SECRET,
      // The informant key npm start makes, kept apart from the data (not in the user's ~/.config).
      BINHYEN_KEYS_DIR: keysDir,
      // The figures the test counts are its own; the demo data is tested with npm start itself.
      DEMO_DATA: 'false',
    }, join(ARTIFACTS, 'npm-start.log'));
    const started = Date.now();
    await untilLine(platform, 'Bình Yên is ready', 'npm start');
    process.stdout.write(`[dashboard.int-spec] npm start ready in ${Date.now() - started} ms\n`);
    const dashboardUrl = `http://127.0.0.1:${ports.dashboard}`;
    expect(platform.lines.some((line) => line.includes(`dashboard  ${dashboardUrl}/`))).toBe(true);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Sign in: the embedded mode offers its demo users.
    await page.goto(`${dashboardUrl}/`);
    await page.locator('h1', { hasText: 'Đăng nhập' }).waitFor();
    await shot(page, '01-sign-in');
    await signInAs(page, dashboardUrl, 'people-committee/analyst@25');
    expect(await page.getByTestId('user-badge').textContent()).toContain('Phân tích');

    // The province is the root; its districts are there to drill into.
    const occurredAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const quarter = quarterOf(occurredAt);
    await page.goto(`${dashboardUrl}/#/overview?area=25&quarter=${quarter}`);
    await page.getByTestId('subunit-227').waitFor();
    await page.getByTestId('breadcrumb').filter({ hasText: /^Tỉnh Phú Thọ$/ }).waitFor();
    await page.getByTestId('incidents-total').filter({ hasText: /^\d+$/ }).waitFor();
    await page.getByTestId('watermark-movement').waitFor();
    await shot(page, '02-overview-province');

    // Province → district → commune, and back up through the breadcrumb.
    await page.getByTestId('subunit-227').click();
    await page.getByTestId('breadcrumb').filter({ hasText: 'Thành phố Việt Trì' }).waitFor();
    await page.getByTestId('subunit-07894').waitFor();
    await shot(page, '03-overview-district');
    await page.getByTestId('subunit-07894').click();
    await page.getByTestId('breadcrumb').filter({ hasText: 'Phường Gia Cẩm' }).waitFor();
    await page.locator('h1', { hasText: 'Phường Gia Cẩm' }).waitFor();
    expect(await page.getByTestId('breadcrumb').locator('li').allTextContents()).toEqual(['Tỉnh Phú Thọ', 'Thành phố Việt Trì', 'Phường Gia Cẩm']);
    await page.getByTestId('breadcrumb').getByRole('link', { name: 'Thành phố Việt Trì' }).click();
    await page.locator('h1', { hasText: 'Thành phố Việt Trì' }).waitFor();

    // Another quarter, and back.
    const earlier = previousQuarter(quarter);
    await page.getByTestId('quarter-select').selectOption(earlier);
    await page.waitForURL((url) => url.hash.includes(`quarter=${earlier}`));
    await page.locator('h1 .subtitle', { hasText: `/${earlier.slice(0, 4)}` }).waitFor();
    await page.getByTestId('quarter-select').selectOption(quarter);
    await page.waitForURL((url) => url.hash.includes(`quarter=${quarter}`));
    const total = page.getByTestId('incidents-total');
    await total.filter({ hasText: /^\d+$/ }).waitFor();
    const before = Number(await total.textContent());

    // An incident reported now appears without a reload (freshness stream → refetch).
    await page.evaluate('window.__sameDocument = true');
    const officer = await issueToken({ subject: 'dashboard-e2e-officer', agency: 'police', roles: ['officer'], area: '25' }, { secret: SECRET });
    await reportIncident(`http://127.0.0.1:${ports.incidents}`, officer, { unitCode: '07894', occurredAt, summary: 'Trộm cắp tài sản tại chợ Gia Cẩm' });
    await total.filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor({ timeout: 30_000 });
    expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
    // The chart is drawn on a canvas; its figures are in the table beside it (for screen readers).
    await page.getByTestId('chart-incidents').getByText('Tội phạm hình sự', { exact: true }).waitFor({ state: 'attached' });
    await page.getByTestId('watermark-incidents').filter({ hasNotText: 'chưa có sự kiện' }).waitFor();
    // The bar says whether each projection is current, catching up or restarting; caught up, it is current.
    await page.locator('[data-testid="watermark-incidents"][data-state="current"]').waitFor({ timeout: 30_000 });
    await shot(page, '04-overview-live-incident');

    // English on request.
    await page.getByTestId('lang-en').click();
    await page.locator('h1', { hasText: 'Movement at a glance' }).waitFor();
    await page.getByTestId('lang-vi').click();
    await page.locator('h1', { hasText: 'Tổng quan phong trào' }).waitFor();

    // The quarterly report: every section, and the XLSX.
    await page.getByTestId('nav-report').click();
    await page.getByTestId('report-section-movement').waitFor();
    for (const key of ['models', 'pilots', 'incidents', 'forces']) await page.getByTestId(`report-section-${key}`).waitFor();
    await shot(page, '05-report');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    const xlsx = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(xlsx);
    expect(download.suggestedFilename()).toBe(`bao-cao-25.227-${quarter}.xlsx`);
    expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    // The official document (Decree 30/2020/NĐ-CP), as Word and as PDF.
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
    expect(docx.suggestedFilename()).toBe(`bao-cao-25.227-${quarter}.docx`);
    await docx.saveAs(join(ARTIFACTS, docx.suggestedFilename()));
    expect(readFileSync(join(ARTIFACTS, docx.suggestedFilename())).subarray(0, 2).toString('latin1')).toBe('PK');
    const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe(`bao-cao-25.227-${quarter}.pdf`);
    await pdf.saveAs(join(ARTIFACTS, pdf.suggestedFilename()));
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', join(ARTIFACTS, pdf.suggestedFilename()), '-'], { encoding: 'utf8' })).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // The year's roll-up: compared with the year before only.
    await page.getByTestId('period-select').selectOption('year');
    await page.locator('h1', { hasText: `Cả năm ${quarter.slice(0, 4)}` }).waitFor();
    const yearHeadings = page.getByTestId('report-section-movement').locator('table').first().getByRole('columnheader');
    await yearHeadings.filter({ hasText: /^Năm nay$/ }).waitFor();
    expect(await yearHeadings.allTextContents()).toEqual(['Chỉ tiêu', 'Năm nay', 'Năm trước', 'Thay đổi']);
    await shot(page, '05b-report-year');
    await page.getByTestId('period-select').selectOption('quarter');

    // A district officer sees its district as the root and submits its report…
    await signOut(page);
    await signInAs(page, dashboardUrl, 'people-committee/officer@25.227');
    await page.goto(`${dashboardUrl}/#/submissions?quarter=${quarter}`);
    await page.getByTestId('breadcrumb').filter({ hasText: /^Thành phố Việt Trì$/ }).waitFor();
    await page.getByLabel('Nội dung báo cáo').fill('Quý này tình hình an ninh trật tự trên địa bàn cơ bản ổn định.');
    await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nộp báo cáo.' }).waitFor();
    await page.getByTestId('submission-table').getByText('Đã nộp đúng hạn').waitFor();

    // …and the province approves it.
    await signOut(page);
    await signInAs(page, dashboardUrl, 'police/approver@25');
    await page.goto(`${dashboardUrl}/#/submissions?quarter=${quarter}`);
    const row = page.getByTestId('submission-table').getByRole('row', { name: /Thành phố Việt Trì/ });
    await row.getByRole('button', { name: /Duyệt/ }).click();
    await page.getByRole('status').filter({ hasText: 'Đã duyệt báo cáo.' }).waitFor();
    await row.getByText('Đã duyệt').waitFor();
    await shot(page, '06-submissions');

    // A tablet in portrait: the overview fits its width (no sideways scrolling).
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${dashboardUrl}/#/overview?area=25&quarter=${quarter}`);
    await page.getByTestId('subunit-227').waitFor();
    await page.getByTestId('incidents-total').filter({ hasText: /^\d+$/ }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shot(page, '07-overview-tablet');

    expect(pageErrors).toEqual([]);
  }, 240_000);
});
