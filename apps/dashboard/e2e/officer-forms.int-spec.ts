// The dashboard people work in, in a real browser (Debian's chromium driven by playwright-core):
// sign-in through a real OpenID Connect provider started here (the certified `oidc-provider`
// package, authorization code flow with PKCE), the services verifying its tokens through its
// JWKS with the claims mapped by configuration; then the officers' forms (ADR 0049, 0050).
// Screenshots at 1400 px and 360 px go to test-artifacts/dashboard-officers/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { quarterName } from '@binh-yen/report-model';
import { findFreePort, repoRoot } from '@binh-yen/testing';
import { checkAccessibility } from './accessibility';
import { ACCESS_TOKEN_IN_PAGE, accessTokenOf, signInThroughProvider, signOutThroughProvider, startChild, startProvider, stopChild, untilLine, type Child } from './officer-support';

const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const ARTIFACTS = join(repoRoot(), 'test-artifacts', 'dashboard-officers');
/** Short-lived access tokens, so the test sees the dashboard renew one with the refresh token. */
const ACCESS_TOKEN_SECONDS = 75;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The page fits the phone's width: nothing scrolls sideways. */
async function fitsWidth(page: Page): Promise<boolean> {
  return (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) as boolean;
}

/** "2026-Q4" of now, in Vietnam's time (as the services count). */
function vietnamQuarter(now = Date.now()): string {
  const vietnam = new Date(now + 7 * 3_600_000);
  return `${vietnam.getUTCFullYear()}-Q${Math.floor(vietnam.getUTCMonth() / 3) + 1}`;
}

function vietnamToday(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

async function apiGet<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function apiSend(url: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

interface Report {
  sections: { key: string; rows: { metric: string; current: number }[]; details: { rows: string[][] }[] }[];
}

/** Waits until the quarter's report (the projections caught up) satisfies the check. */
async function untilReport(reportingUrl: string, token: string, quarter: string, check: (report: Report) => boolean, what: string): Promise<Report> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const report = await apiGet<Report>(`${reportingUrl}/api/v1/reports/quarterly?area=25.227&quarter=${quarter}&view=as-at-time&lang=en`, token);
    if (check(report)) return report;
    if (Date.now() > deadline) throw new Error(`the report never showed ${what}: ${JSON.stringify(report.sections.map((s) => [s.key, s.rows]))}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function shiftQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

function previousQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

const figure = (report: Report, section: string, metric: string): number | undefined => report.sections.find((s) => s.key === section)?.rows.find((row) => row.metric === metric)?.current;

describe('dashboard: sign-in through the province’s OpenID Connect provider, and the officers’ forms', () => {
  let provider: Child | undefined;
  let platform: Child | undefined;
  let browser: Browser | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'binh-yen-officers-'));
  const keysDir = mkdtempSync(join(tmpdir(), 'binh-yen-officers-keys-'));
  let dashboardUrl = '';
  let issuer = '';
  let api: Record<'units' | 'incidents' | 'campaigns' | 'reporting', string>;
  const pageErrors: string[] = [];

  const newPage = async (width = 1400): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser!.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { context, page };
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (see .ci/run), or set CHROMIUM_PATH`);
    mkdirSync(ARTIFACTS, { recursive: true });
    const ports = { units: await findFreePort(), incidents: await findFreePort(), campaigns: await findFreePort(), reporting: await findFreePort(), dashboard: await findFreePort(), provider: await findFreePort() };
    dashboardUrl = `http://127.0.0.1:${ports.dashboard}`;
    issuer = `http://127.0.0.1:${ports.provider}`;
    api = { units: `http://127.0.0.1:${ports.units}`, incidents: `http://127.0.0.1:${ports.incidents}`, campaigns: `http://127.0.0.1:${ports.campaigns}`, reporting: `http://127.0.0.1:${ports.reporting}` };
    provider = startProvider(ports.provider, dashboardUrl, ARTIFACTS, ACCESS_TOKEN_SECONDS);
    await untilLine(provider, 'oidc-provider ready', 'the OIDC provider', 30_000);
    platform = startChild(
      'npm',
      ['start'],
      {
        DATA_DIR: dataDir,
        BINHYEN_KEYS_DIR: keysDir,
        UNITS_PORT: String(ports.units),
        INCIDENTS_PORT: String(ports.incidents),
        CAMPAIGNS_PORT: String(ports.campaigns),
        REPORTING_PORT: String(ports.reporting),
        DASHBOARD_PORT: String(ports.dashboard),
        // The services verify the provider's RS256 tokens through its JWKS, its issuer and the API's audience…
        AUTH_JWKS_URL: `${issuer}/jwks`,
        AUTH_JWT_ISSUER: issuer,
        AUTH_JWT_AUDIENCE: 'binh-yen-api',
        // …reading agency, roles and area where this provider puts them.
        AUTH_CLAIM_AGENCY: 'binh_yen.agency',
        AUTH_CLAIM_ROLES: 'binh_yen.roles',
        AUTH_CLAIM_AREA: 'binh_yen.area',
        // The dashboard signs in there; no demo picker.
        OIDC_ISSUER_URL: issuer,
        OIDC_CLIENT_ID: 'binh-yen-dashboard',
        DEMO_SIGN_IN: 'false',
        DEMO_DATA: 'false',
      },
      join(ARTIFACTS, 'npm-start.log'),
    );
    // Generous: on a loaded machine (parallel test runs) the start has taken over two minutes.
    await untilLine(platform, 'Bình Yên is ready', 'npm start', 300_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  }, 360_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await stopChild(platform);
    await stopChild(provider);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('signs in with the code flow and PKCE, shows agency, role and the area’s name, renews the token, signs out at the provider', async () => {
    const { context, page } = await newPage();
    await page.goto(`${dashboardUrl}/`);
    await page.getByTestId('provider-sign-in').waitFor();
    // Sign-in through the provider only: no demo picker, no token to paste.
    expect(await page.getByTestId('demo-user').count()).toBe(0);
    expect(await page.getByTestId('token-input').count()).toBe(0);
    await shot(page, '01-sign-in-1400');

    await signInThroughProvider(page, dashboardUrl, issuer, 'police.officer@25.227');
    await page.getByTestId('user-badge').filter({ hasText: 'Công an · Cán bộ · Thành phố Việt Trì' }).waitFor();
    await page.getByTestId('breadcrumb').filter({ hasText: /^Thành phố Việt Trì$/ }).waitFor();
    await shot(page, '02-signed-in-1400');

    // The token the dashboard holds is the provider's RS256 JWT for the API, and the services take it.
    const first = await accessTokenOf(page);
    const header = JSON.parse(Buffer.from(first.split('.')[0]!, 'base64url').toString()) as { alg: string };
    const claims = JSON.parse(Buffer.from(first.split('.')[1]!, 'base64url').toString()) as { iss: string; aud: string; binh_yen: unknown };
    expect({ alg: header.alg, iss: claims.iss, aud: claims.aud, binh_yen: claims.binh_yen }).toEqual({ alg: 'RS256', iss: issuer, aud: 'binh-yen-api', binh_yen: { agency: 'police', roles: ['officer'], area: '25.227' } });
    const me = await fetch(`${api.units}/api/v1/me`, { headers: { authorization: `Bearer ${first}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ agency: 'police', roles: ['officer'], area: '25.227', areaName: 'Thành phố Việt Trì' });

    // Renewed with the refresh token before it expires (oidc-client-ts, a minute ahead): same page, new token.
    await page.evaluate('window.__sameDocument = true');
    const renewBy = Date.now() + (ACCESS_TOKEN_SECONDS - 60 + 30) * 1000;
    while ((await accessTokenOf(page)) === first) {
      if (Date.now() > renewBy) throw new Error('the access token was not renewed before it expired');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const renewed = await accessTokenOf(page);
    expect(renewed).not.toBe(first);
    expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
    expect((await fetch(`${api.units}/api/v1/me`, { headers: { authorization: `Bearer ${renewed}` } })).status).toBe(200);
    await page.getByTestId('user-badge').waitFor();

    // A token of another issuer's making (here: unsigned by the provider) is refused by the services.
    const forged = `${renewed.split('.').slice(0, 2).join('.')}.${Buffer.from('not-the-signature').toString('base64url')}`;
    expect((await fetch(`${api.units}/api/v1/me`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);

    await signOutThroughProvider(page, issuer);
    expect(await page.evaluate(ACCESS_TOKEN_IN_PAGE)).toBeNull();

    // At a phone's width the sign-in page fits.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '01-sign-in-360');
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('officers report a tip with an informant, take it to a verdict, rate a commune weak with a plan, record a campaign activity — each in the API and the report', async () => {
    const quarter = vietnamQuarter();
    const { context, page } = await newPage(1400);

    // ── A police officer of Việt Trì reports a citizen's tip. ─────────────────────────────
    await signInThroughProvider(page, dashboardUrl, issuer, 'police.officer@25.227');
    const police = await accessTokenOf(page);
    await page.getByTestId('nav-work').click();
    await page.getByTestId('form-link-report-incident').click();
    await page.locator('h1', { hasText: 'Tiếp nhận tin báo, vụ việc' }).waitFor();
    // The unit by its name without diacritics.
    await page.getByTestId('unitCode-search').fill('gia cam');
    await page.getByTestId('unitCode').locator('option[value="07894"]').waitFor({ state: 'attached' });
    await page.getByTestId('unitCode').selectOption('07894');
    await page.getByTestId('category').locator('option[value="criminal-offence"]').waitFor({ state: 'attached' });
    await page.getByTestId('category').selectOption('criminal-offence');
    // Informant fields only for a public tip, with the protection warning.
    expect(await page.getByTestId('informant-fields').count()).toBe(0);
    await page.getByTestId('source').selectOption('public-tip');
    await page.getByTestId('informant-warning').waitFor();
    await page.getByTestId('informant-name').fill('Nguyễn Thị Báo Tin');
    await page.getByTestId('informant-contact').fill('0912 000 111');
    // No summary: the service's problem details name the field, shown beside it; nothing is recorded.
    await page.getByTestId('submit-incident').click();
    await page.getByTestId('error-summary').waitFor();
    await checkAccessibility(page, 'submit-incident');
    await shot(page, '03-report-incident-errors-1400');
    const summary = `Trộm xe máy trước cổng chợ Gia Cẩm ${Date.now()}`;
    await page.getByTestId('summary').fill(summary);
    // A double click makes one record (one Idempotency-Key per submission).
    await page.getByTestId('submit-incident').dblclick();
    await page.waitForURL((url) => url.hash.startsWith('#/incident?'));
    const incidentId = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('id')!;
    await page.getByTestId('incident-status').filter({ hasText: 'Mới tiếp nhận' }).waitFor();
    const listed = await apiGet<{ items: { id: string; summary: string; hasInformant: boolean; source: string; unitCode: string }[] }>(`${api.incidents}/api/v1/incidents?area=25.227&limit=200`, police);
    expect(listed.items.filter((incident) => incident.summary === summary).map(({ id, hasInformant, source, unitCode }) => ({ id, hasInformant, source, unitCode }))).toEqual([
      { id: incidentId, hasInformant: true, source: 'public-tip', unitCode: '07894' },
    ]);

    // The tip concerns the neighbouring ward: the police transfer it there.
    await page.getByTestId('toUnitCode-search').fill('van co');
    const vanCo = page.getByTestId('toUnitCode').locator('option', { hasText: 'Phường Vân Cơ (' });
    await vanCo.waitFor({ state: 'attached' });
    const vanCoCode = (await vanCo.getAttribute('value'))!;
    await page.getByTestId('toUnitCode').selectOption(vanCoCode);
    await page.getByTestId('transfer-form').getByRole('button', { name: 'Chuyển' }).click();
    await page.locator('h1 .subtitle', { hasText: 'Phường Vân Cơ' }).waitFor();
    expect(await apiGet(`${api.incidents}/api/v1/incidents/${incidentId}`, police)).toMatchObject({ unitCode: vanCoCode, unitName: 'Phường Vân Cơ', status: 'reported' });

    // ── Tip to verdict, each step by the agency that owns it. ───────────────────────────
    const steps: [string, string][] = [
      ['verify', 'Đã xác minh'],
      ['start-investigation', 'Đang điều tra'],
      ['refer-to-procuracy', 'Đã chuyển Viện kiểm sát'],
    ];
    for (const [action, status] of steps) {
      await page.getByTestId(`step-${action}-submit`).click();
      await page.getByTestId('incident-status').filter({ hasText: status }).waitFor();
    }
    // The procuracy's step is not offered to the police, and the API refuses it.
    await page.getByTestId('next-actions').getByText('Bước tiếp theo thuộc cơ quan khác.').waitFor();
    expect(await page.getByTestId('step-indict').count()).toBe(0);
    const current = await apiGet<{ version: number }>(`${api.incidents}/api/v1/incidents/${incidentId}`, police);
    const refused = await apiSend(`${api.incidents}/api/v1/incidents/${incidentId}/transitions`, police, { action: 'indict' }, { 'if-match': `"${current.version}"` });
    expect(refused.status).toBe(403);
    await page.getByTestId('timeline').locator('li').nth(3).waitFor();
    await shot(page, '04-incident-referred-1400');
    await signOutThroughProvider(page, issuer);

    // The procuracy: a colleague indicts first (the API); the stale page is told, reloads, sees it.
    await signInThroughProvider(page, dashboardUrl, issuer, 'procuracy.officer@25.227');
    const procuracy = await accessTokenOf(page);
    await page.goto(`${dashboardUrl}/#/incident?id=${incidentId}`);
    await page.getByTestId('step-indict-submit').waitFor();
    const before = await apiGet<{ version: number }>(`${api.incidents}/api/v1/incidents/${incidentId}`, procuracy);
    expect((await apiSend(`${api.incidents}/api/v1/incidents/${incidentId}/transitions`, procuracy, { action: 'indict', note: 'Truy tố' }, { 'if-match': `"${before.version}"` })).status).toBe(200);
    await page.getByTestId('step-indict-submit').click();
    await page.getByTestId('stale-alert').filter({ hasText: 'Có người vừa thay đổi mục này' }).waitFor();
    await shot(page, '05-incident-stale-1400');
    await page.getByTestId('stale-alert').getByRole('button', { name: 'Tải lại' }).click();
    await page.getByTestId('incident-status').filter({ hasText: 'Đã truy tố' }).waitFor();
    await signOutThroughProvider(page, issuer);

    // The court records the verdict.
    await signInThroughProvider(page, dashboardUrl, issuer, 'court.officer@25.227');
    await page.goto(`${dashboardUrl}/#/incident?id=${incidentId}`);
    await page.getByTestId('verdict').selectOption('convicted');
    await page.getByTestId('sentence').fill('Phạt tù 18 tháng');
    await page.getByTestId('step-record-verdict-submit').click();
    await page.getByTestId('incident-status').filter({ hasText: 'Đã xét xử' }).waitFor();
    await page.getByTestId('incident-verdict').filter({ hasText: 'Có tội — Phạt tù 18 tháng' }).waitFor();
    const court = await accessTokenOf(page);
    expect(await apiGet(`${api.incidents}/api/v1/incidents/${incidentId}`, court)).toMatchObject({ status: 'tried', verdict: 'convicted', sentenceSummary: 'Phạt tù 18 tháng' });
    await shot(page, '06-incident-tried-1400');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '06-incident-tried-360');
    await page.setViewportSize({ width: 1400, height: 900 });
    await signOutThroughProvider(page, issuer);

    // ── The police rate the commune weak, with the plan a weak rating needs. ─────────────
    await signInThroughProvider(page, dashboardUrl, issuer, 'police.officer@25.227');
    await page.goto(`${dashboardUrl}/#/rate-unit?quarter=${quarter}`);
    await page.getByTestId('rate-unitCode-search').fill('Gia Cẩm');
    await page.getByTestId('rate-unitCode').locator('option[value="07894"]').waitFor({ state: 'attached' });
    await page.getByTestId('rate-unitCode').selectOption('07894');
    await page.getByTestId('rating-weak').check();
    await page.getByTestId('improvement-plan').waitFor();
    await page.getByTestId('assessor').fill('Đại úy Trần Văn Đánh Giá');
    await page.getByTestId('justification').fill('Để xảy ra nhiều vụ trộm cắp; tổ an ninh hoạt động chưa đều');
    // Weak without any action: refused, the plan's field says why.
    await page.getByTestId('submit-rating').click();
    await page.locator('#plan-actions-error').waitFor();
    await checkAccessibility(page, 'submit-rating');
    await page.getByTestId('plan-actions').fill('Tăng cường tuần tra ban đêm\nHọp dân bàn biện pháp phòng ngừa');
    await page.getByTestId('submit-rating').click();
    await page.getByTestId('form-success').filter({ hasText: 'Đã lưu xếp loại.' }).waitFor();
    await shot(page, '07-rate-unit-1400');
    const ratings = await apiGet<{ quarter: string; rating: string; improvementPlan: { actions: string[] } | null }[]>(`${api.units}/api/v1/units/07894/ratings`, police);
    expect(ratings.find((r) => r.quarter === quarter)).toMatchObject({ rating: 'weak', improvementPlan: { actions: ['Tăng cường tuần tra ban đêm', 'Họp dân bàn biện pháp phòng ngừa'] } });
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '07-rate-unit-360');
    await page.setViewportSize({ width: 1400, height: 900 });
    // A hotspot: a period that ends before it starts is refused beside its field.
    await page.goto(`${dashboardUrl}/#/work`);
    await page.getByTestId('form-link-hotspot').click();
    await page.getByTestId('hotspot-unitCode-search').fill('gia cam');
    await page.getByTestId('hotspot-unitCode').locator('option[value="07894"]').waitFor({ state: 'attached' });
    await page.getByTestId('hotspot-unitCode').selectOption('07894');
    await page.getByTestId('hotspot-reason').fill('Trộm cắp tài sản tăng, tụ tập thanh thiếu niên ban đêm');
    await page.getByTestId('hotspot-from').selectOption(quarter);
    await page.getByTestId('hotspot-to').selectOption(previousQuarter(quarter));
    await page.getByTestId('submit-hotspot').click();
    await page.getByTestId('error-hotspot-to').waitFor();
    await checkAccessibility(page, 'submit-hotspot');
    await page.getByTestId('hotspot-to').selectOption(shiftQuarter(quarter));
    await page.getByTestId('submit-hotspot').click();
    await page.getByTestId('form-success').filter({ hasText: 'Đã xác định địa bàn trọng điểm.' }).waitFor();
    await shot(page, '07b-hotspot-1400');
    await signOutThroughProvider(page, issuer);

    // ── The Women's Union records a meeting of its campaign, participants by group. ─────
    await signInThroughProvider(page, dashboardUrl, issuer, 'womens-union.officer@25.227');
    const union = await accessTokenOf(page);
    const today = vietnamToday();
    const day = (offset: number): string => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const created = await apiSend(`${api.campaigns}/api/v1/campaigns`, union, {
      name: 'Phụ nữ Việt Trì chung tay giữ bình yên khu phố',
      kind: 'movement',
      leadAgency: 'womens-union',
      partnerAgencies: ['police'],
      scopeUnitCodes: ['227'],
      startsOn: day(-30),
      endsOn: day(60),
      goals: [{ measure: 'households-pledged', target: 100 }],
    });
    expect(created.status).toBe(201);
    const activated = await apiSend(`${api.campaigns}/api/v1/campaigns/${created.json['id'] as string}/status`, union, { status: 'active', on: day(-29) }, { 'if-match': `"${created.json['version'] as number}"` });
    expect(activated.status).toBe(200);
    // The police's forms are not the Union's: absent from its work page, refused by the API.
    await page.getByTestId('nav-work').click();
    await page.getByTestId('form-link-campaign-activity').waitFor();
    expect(await page.getByTestId('form-link-report-incident').count()).toBe(0);
    expect(await page.getByTestId('form-link-rate-unit').count()).toBe(0);
    expect((await apiSend(`${api.incidents}/api/v1/incidents`, union, { unitCode: '07894', category: 'criminal-offence', occurredAt: new Date().toISOString(), summary: 'x' })).status).toBe(403);
    await page.getByTestId('form-link-campaign-activity').click();
    await page.getByTestId('campaign').locator(`option[value="${created.json['id'] as string}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('campaign').selectOption(created.json['id'] as string);
    await page.getByTestId('activity-kind').selectOption('meeting');
    await page.getByTestId('heldOn').fill(today);
    await page.getByTestId('activity-unitCode-search').fill('gia cam');
    await page.getByTestId('activity-unitCode').locator('option[value="07894"]').waitFor({ state: 'attached' });
    await page.getByTestId('activity-unitCode').selectOption('07894');
    await page.getByTestId('participants-total').fill('40');
    await page.getByTestId('group-women').fill('25');
    await page.getByTestId('group-youth').fill('10');
    await page.getByTestId('notes').fill('Họp phụ nữ khu 3 bàn cách giữ an ninh khu phố');
    await checkAccessibility(page, 'submit-activity');
    await page.getByTestId('submit-activity').dblclick();
    await page.getByTestId('form-success').filter({ hasText: 'Đã ghi nhận hoạt động.' }).waitFor();
    await shot(page, '08-campaign-activity-1400');
    const activities = await apiGet<{ kind: string; unitCode: string; participants: { total: number; byGroup: Record<string, number> } }[]>(`${api.campaigns}/api/v1/campaigns/${created.json['id'] as string}/activities`, union);
    expect(activities.map(({ kind, unitCode, participants }) => ({ kind, unitCode, participants }))).toEqual([{ kind: 'meeting', unitCode: '07894', participants: { total: 40, byGroup: { women: 25, youth: 10 } } }]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '08-campaign-activity-360');
    await page.goto(`${dashboardUrl}/#/work`);
    await page.getByTestId('form-link-campaign-activity').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '09-work-360');
    // Households of the ward pledge for the campaign.
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByTestId('form-link-pledge').click();
    await page.getByTestId('pledge-campaign').locator(`option[value="${created.json['id'] as string}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('pledge-campaign').selectOption(created.json['id'] as string);
    await page.getByTestId('pledge-unitCode-search').fill('gia cam');
    await page.getByTestId('pledge-unitCode').locator('option[value="07894"]').waitFor({ state: 'attached' });
    await page.getByTestId('pledge-unitCode').selectOption('07894');
    await page.getByTestId('households').fill('120');
    await page.getByTestId('validFrom').fill(today);
    await page.getByTestId('validTo').fill(day(60));
    await checkAccessibility(page, 'submit-pledge');
    await page.getByTestId('submit-pledge').click();
    await page.getByTestId('form-success').filter({ hasText: 'Đã ghi nhận cam kết.' }).waitFor();
    await shot(page, '08b-pledge-1400');

    // ── The report, once the projections caught up: the case, the weak commune with its plan, the activity. ─
    const report = await untilReport(
      api.reporting,
      union,
      quarter,
      (r) =>
        figure(r, 'incidents', 'Incidents') === 1 &&
        figure(r, 'cases', 'Tried') === 1 &&
        figure(r, 'movement', 'Weak') === 1 &&
        figure(r, 'pilots', 'Hotspots') === 1 &&
        figure(r, 'campaigns', 'Activities held') === 1 &&
        figure(r, 'campaigns', 'Households pledged') === 120,
      'the incident, the verdict, the weak rating, the hotspot, the activity and the pledges',
    );
    expect(report.sections.find((s) => s.key === 'movement')!.details[0]!.rows).toEqual([['07894', 'Phường Gia Cẩm', 'Tăng cường tuần tra ban đêm; Họp dân bàn biện pháp phòng ngừa', 'Police', quarterName(shiftQuarter(quarter), 'en')]]);
    // …and in the dashboard's report view.
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${dashboardUrl}/#/report?area=25.227&quarter=${quarter}`);
    await page.getByTestId('report-section-movement').getByText('Tăng cường tuần tra ban đêm; Họp dân bàn biện pháp phòng ngừa').waitFor();
    await shot(page, '10-report-after-1400');
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 420_000);
});
