// The analysis pages in a real browser (Debian's chromium driven by playwright-core) against the
// platform as `npm start` runs it with its demo data, signed in as the embedded mode's demo
// analyst (the demo data is written with the embedded mode's own tokens, which a platform set to
// an OpenID Connect provider refuses; sign-in through the provider is officer-forms.int-spec.ts):
// the comparison of the units one level down (sortable, totals, CSV), the drill-through
// to the incident rows behind a figure, the map (issue 21, ADR 0051). Every figure the browser shows
// is checked against the reporting API. Screenshots at 1400 px and 360 px go to
// test-artifacts/dashboard-analysis/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { quarterOf } from '@binh-yen/shared-kernel';
import { findFreePort, repoRoot } from '@binh-yen/testing';
import { startChild, stopChild, untilLine, type Child } from './officer-support';
import { checkAccessibility } from './accessibility';

const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const ARTIFACTS = join(repoRoot(), 'test-artifacts', 'dashboard-analysis');
const SECRET = 'dashboard-analysis-e2e-secret-0123456789';

interface Figure {
  incident_id: string;
  path: string;
  domain: string;
  status: string;
}

/** The embedded mode's demo picker, as the province's analyst; answers the token the tab holds. */
async function signInAsAnalyst(page: Page, dashboardUrl: string): Promise<string> {
  await page.goto(`${dashboardUrl}/`);
  const option = page.locator('[data-testid="demo-user"] option[data-label="people-committee/analyst@25"]');
  await option.waitFor({ state: 'attached' });
  await page.getByTestId('demo-user').selectOption((await option.getAttribute('value'))!);
  await page.getByTestId('demo-sign-in').click();
  await page.getByTestId('user-badge').waitFor();
  return (await page.evaluate("sessionStorage.getItem('binh-yen.token')")) as string;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Nothing but a table's own scroller scrolls sideways: the page fits the phone. Answers what sticks out (none when it fits). */
async function wider(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const inScroller = (el) => { for (let node = el.parentElement; node; node = node.parentElement) if (getComputedStyle(node).overflowX !== 'visible') return true; return false; };
    return [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !inScroller(el))
      .slice(0, 8).map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right));
  })()`)) as string[];
}

/** "2026-Q4" of now, in Vietnam's time (as the services count). */
const vietnamQuarter = (): string => quarterOf(new Date());

/** Every incident row of an area and quarter, straight from the reporting API. */
async function figuresOf(reportingUrl: string, token: string, query: Record<string, string>): Promise<Figure[]> {
  const rows: Figure[] = [];
  let cursor: string | null = null;
  do {
    const search = new URLSearchParams({ ...query, limit: '1000', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${reportingUrl}/api/v1/reports/incidents?${search}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`incidents query answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { items: Figure[]; nextCursor: string | null };
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

interface Unit {
  code: string;
  name: string;
  path: string;
}

/** An area's incidents: its own and those of every unit under it. */
const within = (unit: Unit, figures: Figure[]): Figure[] => figures.filter((f) => f.path === unit.path || f.path.startsWith(`${unit.path}.`));
/** The unit with the most incidents. */
const busiestOf = (units: Unit[], figures: Figure[]): Unit => [...units].sort((a, b) => within(b, figures).length - within(a, figures).length)[0]!;

const cellText = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? '').trim();

describe('dashboard: comparison, drill-through and map with the demo data', () => {
  let platform: Child | undefined;
  let browser: Browser | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'binh-yen-analysis-'));
  const keysDir = mkdtempSync(join(tmpdir(), 'binh-yen-analysis-keys-'));
  let dashboardUrl = '';
  let reportingUrl = '';
  let unitsUrl = '';
  const pageErrors: string[] = [];

  const newPage = async (width: number): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser!.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { context, page };
  };

  /** The province's active units one level down (its communes since the 2025 reform), from the units API. */
  const provinceChildren = async (token: string): Promise<Unit[]> => {
    const response = await fetch(`${unitsUrl}/api/v1/units/25/subtree`, { headers: { authorization: `Bearer ${token}` } });
    const subtree = (await response.json()) as (Unit & { id: string; parentId: string | null; status: string })[];
    const province = subtree.find((u) => u.path === '25')!;
    return subtree.filter((u) => u.parentId === province.id && u.status === 'active');
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No browser at ${CHROMIUM}: apt-get install chromium (see .ci/run), or set CHROMIUM_PATH`);
    mkdirSync(ARTIFACTS, { recursive: true });
    const ports = { units: await findFreePort(), incidents: await findFreePort(), campaigns: await findFreePort(), reporting: await findFreePort(), dashboard: await findFreePort() };
    dashboardUrl = `http://127.0.0.1:${ports.dashboard}`;
    reportingUrl = `http://127.0.0.1:${ports.reporting}`;
    unitsUrl = `http://127.0.0.1:${ports.units}`;
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
        AUTH_JWT_SECRET: SECRET,
        // The demo data is what these pages are tested with.
        DEMO_DATA: 'true',
      },
      join(ARTIFACTS, 'npm-start.log'),
    );
    await untilLine(platform, 'Bình Yên is ready', 'npm start', 300_000);
    // Generous: the demo data takes minutes, more on a loaded machine.
    await untilLine(platform, 'demo data ready', 'the demo data', 900_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  }, 1_260_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await stopChild(platform);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('compares the communes side by side, sorts through the URL, adds up, exports the CSV, and drills through to the incident rows', async () => {
    const quarter = vietnamQuarter();
    const { context, page } = await newPage(1400);
    const token = await signInAsAnalyst(page, dashboardUrl);
    const figures = await figuresOf(reportingUrl, token, { area: '25', from: quarter, to: quarter });
    // The demo data reports incidents this quarter across the province.
    expect(figures.length).toBeGreaterThan(0);
    // Since the 2025 reform the province's units one level down are its communes (the demo's reform, ADR 0055).
    const children = await provinceChildren(token);
    expect(children.length).toBeGreaterThanOrEqual(12);
    // The commune with the most incidents this quarter is the one followed through the table.
    const busiest = busiestOf(children, figures);
    const inBusiest = within(busiest, figures);
    expect(inBusiest.length).toBeGreaterThan(0);

    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-table').waitFor();
    expect(page.url()).toContain(`#/compare?area=25&quarter=${quarter}`);
    // Every commune and ward under the province, one row each.
    for (const child of children) await page.getByTestId(`compare-row-${child.code}`).waitFor();
    // The browser's figures are the API's: that commune's incidents and the province's total.
    expect(await cellText(page, `drill-${busiest.code}-incidents`)).toBe(String(inBusiest.length));
    expect(await cellText(page, 'drill-total-incidents')).toBe(String(figures.length));
    const domain = inBusiest[0]!.domain;
    const inDomain = inBusiest.filter((f) => f.domain === domain).length;
    expect(await cellText(page, `drill-${busiest.code}-domain.${domain}`)).toBe(String(inDomain));
    await shot(page, '01-compare-1400');

    // Sorting is a URL: by incidents, most first; the back button returns to the previous order.
    await page.getByTestId('sort-incidents').click();
    await page.waitForURL(/sort=incidents&dir=desc/);
    const order = await page.locator('[data-testid^="compare-row-"]').evaluateAll((rows) => rows.map((row) => Number((row.querySelectorAll('td')[4]?.textContent ?? '0').replace(/\D/g, '') || 0)));
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(await page.locator('th[aria-sort="descending"]').count()).toBe(1);
    await page.goBack();
    await page.waitForURL((url) => !url.hash.includes('sort='));
    await page.locator('th[aria-sort="descending"]').waitFor({ state: 'detached' });

    // The CSV is the table: header, a row per unit, the totals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('Đơn vị');
    expect(lines.find((line) => line.startsWith(`${busiest.code},${busiest.name},`))).toBeDefined();
    expect(lines[lines.length - 1]).toContain('Tổng cộng');

    // The charts: drawn by ECharts, their figures in a table for screen readers, PNG and SVG export.
    await page.getByTestId('chart-compare-ratings').locator('canvas').first().waitFor();
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-compare-domains-png').click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-compare-domains-svg').click()]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(children.filter((child) => svgText.includes(child.name)).length).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-compare-ratings').locator('table tbody tr').count()).toBeGreaterThanOrEqual(12);
    await checkAccessibility(page, 'compare-csv');

    // Drill-through: that commune's incidents of that domain are the API's rows, filters in the URL.
    await page.getByTestId(`drill-${busiest.code}-domain.${domain}`).click();
    await page.waitForURL(new RegExp(`#/incidents\\?area=${busiest.path.replaceAll('.', '\\.')}&from=${quarter}&to=${quarter}&domain=${domain}`));
    await page.getByTestId('drill-row').first().waitFor();
    expect(await page.getByTestId('drill-row').count()).toBe(Math.min(inDomain, 100));
    expect(new Set(await page.getByTestId('drill-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-domain'))))).toEqual(new Set([domain]));
    expect(await page.locator('#filter-domain').inputValue()).toBe(domain);
    await shot(page, '02-drill-1400');
    await checkAccessibility(page, 'drill-apply');

    // A filter changed on the page is a new URL; the back button restores the previous one.
    const status = inBusiest.find((f) => f.domain === domain)!.status;
    await page.locator('#filter-status').selectOption(status);
    await page.getByTestId('drill-apply').click();
    await page.waitForURL(new RegExp(`status=${status}`));
    const both = inBusiest.filter((f) => f.domain === domain && f.status === status).length;
    await page.waitForFunction(`document.querySelectorAll('[data-testid="drill-row"]').length === ${Math.min(both, 100)}`);
    await page.goBack();
    await page.waitForURL((url) => !url.hash.includes('status='));
    expect(await page.locator('#filter-status').inputValue()).toBe('');
    await context.close();
  }, 240_000);

  it('maps the province: each unit at its seat coloured by its rating, hotspots and incidents, as the APIs say; a point’s incidents a link away', async () => {
    const quarter = vietnamQuarter();
    const { context, page } = await newPage(1400);
    const token = await signInAsAnalyst(page, dashboardUrl);
    const get = async <T>(url: string): Promise<T> => (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
    const subtree = await get<{ code: string; path: string; status: string; location: { latitude: number; longitude: number } | null }[]>(`${unitsUrl}/api/v1/units/25/subtree`);
    const located = new Set(subtree.filter((u) => u.status === 'active' && u.location && u.path !== '25').map((u) => u.path));
    // The seed gives the districts and communes their seats.
    expect(subtree.find((u) => u.code === '227')?.location).toEqual({ latitude: 21.3227, longitude: 105.4019 });
    const standings = await get<{ items: { path: string; rating: string | null; hotspot: unknown }[] }>(`${reportingUrl}/api/v1/reports/unit-standings?area=25&quarter=${quarter}`);
    const rated = standings.items.filter((s) => s.rating && located.has(s.path)).length;
    const hotspots = standings.items.filter((s) => s.hotspot && located.has(s.path)).length;
    expect(rated).toBeGreaterThan(0);
    const incidents = (await figuresOf(reportingUrl, token, { area: '25', from: quarter, to: quarter })).length;

    await page.getByTestId('nav-map').click();
    await page.getByTestId('unit-map').locator('canvas').first().waitFor();
    const summary = await cellText(page, 'map-summary');
    expect(summary).toBe(`Đơn vị trên bản đồ: ${located.size} · đã xếp loại: ${rated} · Địa bàn phức tạp: ${hotspots} · Tổng số vụ việc: ${incidents}`);
    // The text alternative: one row per point, each with its rating.
    await page.getByTestId('unit-map').locator('summary').click();
    expect(await page.getByTestId('unit-map').locator('table tbody tr').count()).toBe(located.size);
    await shot(page, '05-map-1400');
    await checkAccessibility(page, 'unit-map-png');

    // A unit's incidents are one link away: the drill-through for its area.
    const link = page.locator('[data-testid^="map-drill-"]').first();
    const code = ((await link.getAttribute('data-testid')) ?? '').replace('map-drill-', '');
    const path = subtree.find((u) => u.code === code)!.path;
    await link.click();
    await page.waitForURL(new RegExp(`#/incidents\\?area=${path.replaceAll('.', '\\.')}&from=${quarter}&to=${quarter}$`));
    await page.getByTestId('drill-row').first().waitFor();
    await page.goBack();
    await page.getByTestId('unit-map').locator('canvas').first().waitFor();
    await context.close();
  }, 180_000);

  it('works at 360 px: the comparison and the drill-through fit the phone, the table scrolls in its own box', async () => {
    const quarter = vietnamQuarter();
    const { context, page } = await newPage(360);
    const token = await signInAsAnalyst(page, dashboardUrl);
    await page.goto(`${dashboardUrl}/#/compare?area=25&quarter=${quarter}`);
    const busiest = busiestOf(await provinceChildren(token), await figuresOf(reportingUrl, token, { area: '25', from: quarter, to: quarter }));
    await page.getByTestId(`compare-row-${busiest.code}`).waitFor();
    expect(await wider(page)).toEqual([]);
    await shot(page, '03-compare-360');
    await page.goto(`${dashboardUrl}/#/incidents?area=${busiest.path}&from=${quarter}&to=${quarter}`);
    await page.getByTestId('drill-row').first().waitFor();
    expect(await wider(page)).toEqual([]);
    await shot(page, '04-drill-360');
    await page.goto(`${dashboardUrl}/#/map?area=25&quarter=${quarter}`);
    await page.getByTestId('unit-map').locator('canvas').first().waitFor();
    expect(await wider(page)).toEqual([]);
    await shot(page, '06-map-360');
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});
