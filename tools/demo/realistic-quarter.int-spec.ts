import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Caller } from '@binh-yen/auth';
import {
  bearer,
  createTestDatabase,
  repoRoot,
  serviceEnv,
  startServiceProcess,
  uniqueTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';
import { demoEras, lastQuarters, vietnamDate } from './demo-calendar';
import { generateDemoData } from './demo-data';

const run = promisify(execFile);
const analyst: Caller = { subject: 'phan-tich-01', agency: 'people-committee', roles: ['analyst'], area: '25' };

// The report is read metric by metric; a type per section would only restate it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

type ServiceName = 'units' | 'incidents' | 'campaigns' | 'reporting';

/**
 * A realistic province, driven through the real units, incidents and campaigns services
 * (the demo data: two years of ratings, forces, models, campaigns, incidents through every
 * lifecycle path), and every figure of the quarterly report checked against an independent
 * computation from those services' own databases.
 */
describe('the quarterly report of a realistic province equals what the services themselves recorded', () => {
  const prefix = uniqueTopicPrefix();
  const databases = {} as Record<ServiceName, TestDatabase>;
  const services = {} as Record<ServiceName, ServiceProcess>;
  let demo: { written: number; refused: string[] };

  async function sql<T>(service: ServiceName, text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: databases[service].url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async function get(service: ServiceName, path: string): Promise<Json> {
    const response = await fetch(`${services[service].url}${path}`, { headers: { authorization: await bearer(analyst) } });
    expect(response.status).toBe(200);
    return response.json();
  }

  const report = (area: string, quarter: string): Promise<Json> => get('reporting', `/api/v1/reports/quarterly?area=${area}&quarter=${quarter}`);
  const figuresOf = (answer: Json, key: string): Record<string, number> =>
    Object.fromEntries(answer.sections.find((section: Json) => section.key === key).rows.map((row: Json) => [row.metric, row.current]));
  /** The same figures by each row's stable key (`category.<slug>`): category rows are named by the taxonomy. */
  const figuresByKey = (answer: Json, key: string): Record<string, number> =>
    Object.fromEntries(answer.sections.find((section: Json) => section.key === key).rows.map((row: Json) => [row.key, row.current]));

  beforeAll(async () => {
    for (const service of ['units', 'incidents', 'campaigns', 'reporting'] as const) databases[service] = await createTestDatabase(service);
    const informantKey = randomBytes(32).toString('base64');
    for (const service of ['units', 'incidents', 'campaigns', 'reporting'] as const) {
      services[service] = await startServiceProcess({ service, env: serviceEnv(databases[service].url, prefix, { INCIDENTS_INFORMANT_KEY: informantKey }) });
    }
    await run(process.execPath, ['-r', '@swc-node/register', 'apps/units/src/import/import-units.cli.ts', join(repoRoot(), 'apps/units/seed/phu-tho-1998.csv'), '--effective-from=1998-04-21'], {
      cwd: repoRoot(),
      env: { ...process.env, ...serviceEnv(databases.units.url, prefix) },
    });
    // The incidents and campaigns services place work in units they learned from the units' events.
    for (const service of ['incidents', 'campaigns'] as const) {
      await waitFor(async () => Number((await sql<{ n: string }>(service, 'SELECT count(*) AS n FROM known_units'))[0]!.n), (n) => n === 89, {
        timeoutMs: 60_000,
        description: `the ${service} service's units replica`,
      });
    }
    demo = await generateDemoData({
      urls: { units: services.units.url, incidents: services.incidents.url, campaigns: services.campaigns.url, reporting: services.reporting.url },
      tokenFor: async (caller) => (await bearer(caller)).slice('Bearer '.length),
      progressFile: join(tmpdir(), `${prefix}demo-progress.json`),
      say: () => undefined,
      incidents: 120,
    });
    await waitFor(() => get('reporting', '/api/v1/reports/freshness'), (all: Record<string, { lag: number | null }>) => Object.values(all).every((p) => p.lag === 0), {
      timeoutMs: 120_000,
      intervalMs: 500,
      description: 'every projection caught up',
    });
  }, 600_000);

  afterAll(async () => {
    await Promise.allSettled(Object.values(services).map((service) => service.stop()));
    await Promise.allSettled(Object.values(databases).map((database) => database.drop()));
  });

  const today = vietnamDate(new Date());
  const [previous, current] = lastQuarters(today, 2) as [string, string];
  /** The demo's last quarters before the 2025 reform: three tiers, reported through the districts. */
  const threeTier = demoEras(new Date())[0].quarters.slice(-2);
  /** Two tiers: the province, a ward merged from four (Phường Việt Trì, 07897) and a commune that only moved (Xã Đông Lĩnh, 08185). */
  const areas = ['25', '25.07897', '25.08185'];
  const cases = [...areas.flatMap((area) => [current, previous].map((quarter) => [area, quarter])), ...['25', '25.227', '25.230'].flatMap((area) => threeTier.map((quarter) => [area, quarter]))];
  const inArea = (column: string): string => `(${column} = $1 OR ${column} LIKE $1 || '.%')`;
  const quarterOfTime = (column: string): string => `to_char(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q') = $2`;

  it('wrote the whole demo through the APIs, every record accepted', () => {
    expect(demo.refused).toEqual([]);
    expect(demo.written).toBeGreaterThan(1_000);
  });

  it('reports the quarters before 1 July 2025 through the districts and the later ones straight to the province, the past regrouped as today with the same totals', async () => {
    const units = await sql<{ kind: string; status: string; depth: number; n: string }>('units', `SELECT kind, status, array_length(string_to_array(path, '.'), 1) AS depth, count(*) AS n FROM units WHERE kind IN ('district', 'commune') GROUP BY 1, 2, 3`);
    const count = (kind: string, status: string, depth: number): number => Number(units.find((row) => row.kind === kind && row.status === status && row.depth === depth)?.n ?? 0);
    expect({ districts: count('district', 'dissolved', 2), activeDistricts: count('district', 'active', 2), communesUnderProvince: count('commune', 'active', 2), merged: count('commune', 'merged', 3) }).toEqual({
      districts: 12,
      activeDistricts: 0,
      communesUnderProvince: 27,
      merged: 36,
    });
    const [old] = threeTier.slice(-1) as [string];
    const rated = (answer: Json): number => figuresByKey(answer, 'movement')['movement.rated']!;
    // Before the reform every one of the 63 communes was rated, 22 of them in Việt Trì city; after it the 27 communes of today.
    expect([rated(await report('25', old)), rated(await report('25.227', old)), rated(await report('25', current))]).toEqual([63, 22, 27]);
    const asToday: Json = await get('reporting', `/api/v1/reports/quarterly?area=25&quarter=${old}&view=as-today`);
    const asAtTime = await report('25', old);
    for (const key of ['movement.rated', 'movement.strong', 'movement.weak', 'incidents.total']) {
      expect({ key, asToday: figuresByKey(asToday, key.split('.')[0]!)[key] }).toEqual({ key, asToday: figuresByKey(asAtTime, key.split('.')[0]!)[key] });
    }
    // As today, Phường Việt Trì's past is the sum of the four wards merged into it.
    const ward: Json = await get('reporting', `/api/v1/reports/quarterly?area=25.07897&quarter=${old}&view=as-today`);
    const [merged] = await sql<{ n: string }>('units', `SELECT count(*) AS n FROM unit_ratings r JOIN units u ON u.id = r.unit_id WHERE r.quarter = $1 AND u.code IN ('07891', '07894', '07897', '07900')`, [old]);
    expect(rated(ward)).toBe(Number(merged!.n));
  });

  it.each(cases)('movement ratings of %s in %s', async (area, quarter) => {
    // Each rating counts where its unit was when it was given: the audit record of the rating keeps that path.
    const rows = await sql<{ rating: string; n: string }>(
      'units',
      `SELECT r.rating, count(*) AS n FROM unit_ratings r
         JOIN audit_log a ON a.action = 'unit.rate' AND a.entity_id = r.unit_id::text AND a.after->>'quarter' = r.quarter AND (a.after->>'revision')::int = r.revision
        WHERE r.quarter = $2 AND ${inArea('a.area')}
          AND r.revision = (SELECT max(x.revision) FROM unit_ratings x WHERE x.unit_id = r.unit_id AND x.quarter = r.quarter)
        GROUP BY r.rating`,
      [area, quarter],
    );
    const expected = Object.fromEntries(rows.map((row) => [row.rating, Number(row.n)]));
    const shown = figuresOf(await report(area, quarter), 'movement');
    expect({ strong: shown['Vững mạnh'], fair: shown['Khá'], average: shown['Trung bình'], weak: shown['Yếu'] }).toEqual({
      strong: expected['strong'] ?? 0,
      fair: expected['fair'] ?? 0,
      average: expected['average'] ?? 0,
      weak: expected['weak'] ?? 0,
    });
  });

  it.each(cases)('incidents by category, domain and source of %s in %s', async (area, quarter) => {
    const count = (column: string) =>
      sql<{ key: string; n: string }>('incidents', `SELECT ${column} AS key, count(*) AS n FROM incidents WHERE ${inArea('area')} AND ${quarterOfTime('occurred_at')} GROUP BY ${column}`, [area, quarter]);
    const [categories, domains, sources] = await Promise.all([count('category'), count('domain'), count('source')]);
    const answer = await report(area, quarter);
    const shown = figuresOf(answer, 'incidents');
    const byKey = figuresByKey(answer, 'incidents');
    const total = categories.reduce((sum, row) => sum + Number(row.n), 0);
    expect(shown['Tổng số vụ việc']).toBe(total);
    for (const row of categories) expect({ category: row.key, n: byKey[`category.${row.key}`] }).toEqual({ category: row.key, n: Number(row.n) });
    const byDomain = Object.entries(shown).filter(([metric]) => metric.startsWith('Lĩnh vực: '));
    expect(byDomain.reduce((sum, [, n]) => sum + n, 0)).toBe(total);
    // Rows list every key of the three compared quarters; this quarter's non-zero ones are the database's.
    expect(byDomain.filter(([, n]) => n > 0).length).toBe(domains.length);
    const bySource = Object.entries(shown).filter(([metric]) => metric.startsWith('Nguồn tin: '));
    expect(bySource.map(([, n]) => n).filter((n) => n > 0).sort()).toEqual(sources.map((row) => Number(row.n)).sort());
    const tips = Number(sources.find((row) => row.key === 'public-tip')?.n ?? 0);
    expect(shown['Tỷ lệ tin báo của quần chúng (%)']).toBe(total === 0 ? 0 : Math.round((tips / total) * 1000) / 10);
  });

  it.each(cases)('the case pipeline of %s in %s', async (area, quarter) => {
    const reached = await sql<{ status: string; n: string }>(
      'incidents',
      `SELECT h.to_status AS status, count(DISTINCT h.incident_id) AS n FROM incident_history h JOIN incidents i ON i.id = h.incident_id
        WHERE ${inArea('i.area')} AND ${quarterOfTime('i.occurred_at')} GROUP BY h.to_status`,
      [area, quarter],
    );
    const cleared = await sql<{ n: string }>(
      'incidents',
      `SELECT count(*) AS n FROM incidents WHERE ${inArea('area')} AND ${quarterOfTime('occurred_at')} AND status IN ('tried', 'resolved-at-grassroots', 'not-prosecuted', 'closed')`,
      [area, quarter],
    );
    const shown = figuresOf(await report(area, quarter), 'cases');
    const labels: Record<string, string> = {
      reported: 'Tiếp nhận',
      verified: 'Đã xác minh',
      'under-investigation': 'Điều tra',
      'referred-to-procuracy': 'Chuyển Viện kiểm sát',
      indicted: 'Truy tố',
      tried: 'Xét xử',
      'resolved-at-grassroots': 'Hòa giải ở cơ sở',
      'not-prosecuted': 'Không truy tố',
      rejected: 'Không có căn cứ (bác tin)',
      closed: 'Đóng hồ sơ',
    };
    for (const [status, label] of Object.entries(labels)) {
      expect({ status, n: shown[label] }).toEqual({ status, n: Number(reached.find((row) => row.status === status)?.n ?? 0) });
    }
    expect(shown['Đã giải quyết xong']).toBe(Number(cleared[0]!.n));
    const durations = (await report(area, quarter)).sections.find((section: Json) => section.key === 'cases').details[0].rows as string[][];
    const [verifiedCases] = await sql<{ n: string }>('incidents', `SELECT count(*) AS n FROM incidents WHERE verified_at IS NOT NULL AND ${inArea('area')} AND ${quarterOfTime('occurred_at')}`, [area, quarter]);
    expect(durations[0]![1]).toBe(verifiedCases!.n);
  });

  it.each(cases)(
    'stage durations of %s in %s: median and 90th percentile of the steps’ own dates, as PostgreSQL computes them on the incidents service',
    async (area, quarter) => {
      const stages = {
        reported_verified: ['reported_at', 'verified_at'],
        verified_referred: ['verified_at', 'referred_at'],
        referred_indicted: ['referred_at', 'indicted_at'],
        indicted_tried: ['indicted_at', 'tried_at'],
      } as const;
      const expected: string[][] = [];
      for (const [from, to] of Object.values(stages)) {
        const seconds = `round(extract(epoch FROM (${to} - ${from})))`;
        const [row] = await sql<{ n: string; median: number | null; p90: number | null }>(
          'incidents',
          `SELECT count(${to}) AS n,
                  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) / 86400)::numeric, 1)::float8 AS median,
                  round((percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds}) / 86400)::numeric, 1)::float8 AS p90
             FROM incidents WHERE ${to} IS NOT NULL AND ${from} IS NOT NULL AND ${inArea('area')} AND ${quarterOfTime('occurred_at')}`,
          [area, quarter],
        );
        expected.push([row!.n, row!.median === null ? '—' : String(row!.median), row!.p90 === null ? '—' : String(row!.p90)]);
      }
      const durations = (await report(area, quarter)).sections.find((section: Json) => section.key === 'cases').details[0].rows as string[][];
      expect(durations.map((row) => row.slice(1))).toEqual(expected);
    },
  );

  it('dates the demo’s steps over months, so the durations measure the cases and not the keying in', async () => {
    // A case keyed in after the fact: its steps span more than three months, and every stage took days, not the seconds between API calls.
    const [spans] = await sql<{ long: string; tried: string; quick: string }>(
      'incidents',
      `SELECT count(*) FILTER (WHERE tried_at - reported_at > interval '90 days') AS long, count(tried_at) AS tried,
              count(*) FILTER (WHERE verified_at - reported_at < interval '1 minute' OR tried_at - indicted_at < interval '1 minute') AS quick
         FROM incidents`,
    );
    expect(Number(spans!.tried)).toBeGreaterThan(0);
    expect(Number(spans!.long)).toBeGreaterThan(0);
    expect(Number(spans!.quick)).toBe(0);
    const [recorded] = await sql<{ later: string }>('incidents', `SELECT count(*) AS later FROM incident_history WHERE action <> 'report' AND at - taken_at > interval '1 day'`);
    expect(Number(recorded!.later)).toBeGreaterThan(0);
  });

  it('shows a case keyed in after the fact, its steps dated over three months, with those stage durations in the report', async () => {
    const DAY = 86_400_000;
    const at = (daysAgo: number): string => new Date(Date.now() - daysAgo * DAY).toISOString();
    const as = (agency: Caller['agency']): Caller => ({ subject: `kiem-tra-${agency}`, agency, roles: ['officer'], area: '25' });
    const send = async (caller: Caller, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Json> => {
      const response = await fetch(`${services.incidents.url}${path}`, {
        method,
        headers: { authorization: await bearer(caller), 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const answer: Json = await response.json();
      expect({ path, status: response.status, detail: answer.detail }).toEqual({ path, status: method === 'POST' && path === '/api/v1/incidents' ? 201 : 200, detail: undefined });
      return answer;
    };
    // A residential group the demo never uses, so this case is the only one in its area.
    let incident = await send(as('police'), 'POST', '/api/v1/incidents', {
      unitCode: '0789402',
      category: 'criminal-offence',
      source: 'public-tip',
      occurredAt: at(101),
      reportedAt: at(100),
      summary: 'Cướp giật tài sản, hồ sơ nhập sau khi xét xử',
    });
    for (const [agency, action, daysAgo, extra] of [
      ['police', 'verify', 98, {}],
      ['police', 'start-investigation', 96, {}],
      ['police', 'refer-to-procuracy', 70, {}],
      ['procuracy', 'indict', 40, {}],
      ['court', 'record-verdict', 5, { verdict: 'convicted', sentenceSummary: 'Phạt tù 5 năm' }],
    ] as const) {
      incident = await send(as(agency), 'POST', `/api/v1/incidents/${incident.id}/transitions`, { action, takenAt: at(daysAgo), ...extra }, { 'if-match': `"${incident.version}"` });
    }
    const quarter = (await sql<{ q: string }>('incidents', `SELECT to_char(occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q') AS q FROM incidents WHERE id = $1`, [incident.id]))[0]!.q;
    const durations = await waitFor(
      async () => (await report(incident.area, quarter)).sections.find((section: Json) => section.key === 'cases').details[0].rows as string[][],
      (rows) => rows[3]![1] === '1',
      { timeoutMs: 60_000, description: 'the dated case in the report' },
    );
    expect(durations.map((row) => row.slice(1))).toEqual([
      ['1', '2', '2'],
      ['1', '28', '28'],
      ['1', '30', '30'],
      ['1', '35', '35'],
    ]);
  });

  it('keeps each campaign review’s figures as of its own date, and the report shows those', async () => {
    const reviews = await sql<{ campaign_id: string; name: string; reviewed_on: string; progress: { measure: string; target: number; achieved: number }[] }>(
      'campaigns',
      `SELECT r.campaign_id, c.name, r.reviewed_on::text AS reviewed_on, r.progress FROM campaign_reviews r JOIN campaigns c ON c.id = r.campaign_id ORDER BY c.name`,
    );
    expect(reviews.length).toBe(3);
    const kinds: Record<string, string> = {
      'meetings-held': 'meeting',
      'propaganda-sessions-held': 'propaganda-session',
      'patrols-held': 'patrol',
      'mediation-sessions-held': 'mediation-session',
      'inspections-held': 'inspection',
    };
    let laterWork = 0;
    let shownInReport = 0;
    const progressLines = Object.fromEntries(
      (await report('25', current)).sections
        .find((section: Json) => section.key === 'campaigns')
        .details[0].rows.map((row: string[]) => [row[0], row[6]]),
    );
    for (const review of reviews) {
      const asOf = [review.campaign_id, review.reviewed_on];
      const [held] = await sql<{ activities: string; participants: string | null; trained: string | null; later: string }>(
        'campaigns',
        `SELECT count(*) FILTER (WHERE held_on <= $2::date) AS activities, sum(participants_total) FILTER (WHERE held_on <= $2::date) AS participants,
                sum(participants_total) FILTER (WHERE held_on <= $2::date AND kind = 'training') AS trained, count(*) FILTER (WHERE held_on > $2::date) AS later
           FROM campaign_activities WHERE campaign_id = $1`,
        asOf,
      );
      laterWork += Number(held!.later);
      const [pledged] = await sql<{ households: string | null }>('campaigns', `SELECT sum(households) AS households FROM household_pledges WHERE campaign_id = $1 AND valid_from <= $2::date`, asOf);
      const [stories] = await sql<{ n: string }>('campaigns', `SELECT count(*) AS n FROM media_stories WHERE campaign_id = $1 AND published_on <= $2::date`, asOf);
      const byKind = await sql<{ kind: string; n: string }>('campaigns', `SELECT kind, count(*) AS n FROM campaign_activities WHERE campaign_id = $1 AND held_on <= $2::date GROUP BY kind`, asOf);
      const oracle = (measure: string): number => {
        if (measure === 'households-pledged') return Number(pledged!.households ?? 0);
        if (measure === 'activities-held') return Number(held!.activities);
        if (measure === 'participants') return Number(held!.participants ?? 0);
        if (measure === 'people-trained') return Number(held!.trained ?? 0);
        if (measure === 'stories-published') return Number(stories!.n);
        return Number(byKind.find((row) => row.kind === kinds[measure])?.n ?? 0);
      };
      expect({ campaign: review.name, progress: review.progress.map((goal) => [goal.measure, goal.achieved]) }).toEqual({
        campaign: review.name,
        progress: review.progress.map((goal) => [goal.measure, oracle(goal.measure)]),
      });
      // The report lists the campaigns that worked in the quarter, each with its latest review.
      if (review.name in progressLines) {
        shownInReport += 1;
        expect(progressLines[review.name]).toBe(review.progress.map((goal) => `${goal.measure}: ${oracle(goal.measure)}/${goal.target}`).join('; '));
      }
    }
    expect(shownInReport).toBeGreaterThan(0);
    // The demo holds activities after its reviews' day: the case the review must not count.
    expect(laterWork).toBeGreaterThan(0);
  });

  it.each(cases)('campaign, press and commendation figures of %s in %s', async (area, quarter) => {
    const quarterOfDate = (column: string): string => `to_char(${column}, 'YYYY-"Q"Q') = $2`;
    const [activities] = await sql<{ n: string; people: string | null }>(
      'campaigns',
      `SELECT count(*) AS n, sum(participants_total) AS people FROM campaign_activities WHERE ${inArea('path')} AND ${quarterOfDate('held_on')}`,
      [area, quarter],
    );
    const [pledges] = await sql<{ n: string | null }>('campaigns', `SELECT sum(households) AS n FROM household_pledges WHERE ${inArea('path')} AND ${quarterOfDate('valid_from')}`, [area, quarter]);
    const [stories] = await sql<{ n: string }>('campaigns', `SELECT count(*) AS n FROM media_stories WHERE ${inArea('path')} AND ${quarterOfDate('published_on')}`, [area, quarter]);
    const [awards] = await sql<{ n: string }>('campaigns', `SELECT count(*) AS n FROM commendations WHERE ${inArea('path')} AND ${quarterOfDate('awarded_on')}`, [area, quarter]);
    const answer = await report(area, quarter);
    const campaigns = figuresOf(answer, 'campaigns');
    const press = figuresOf(answer, 'press');
    expect({
      activities: campaigns['Hoạt động đã tổ chức'],
      participants: campaigns['Lượt người tham gia'],
      households: campaigns['Hộ gia đình ký cam kết'],
      stories: press['Tin, bài phản ánh gương người tốt việc tốt'],
      commendations: press['Khen thưởng'],
    }).toEqual({
      activities: Number(activities!.n),
      participants: Number(activities!.people ?? 0),
      households: Number(pledges!.n ?? 0),
      stories: Number(stories!.n),
      commendations: Number(awards!.n),
    });
  });

  it.each(cases)('the by-agency table of %s in %s credits each agency as ADR 0023 says', async (area, quarter) => {
    const inQuarter = (column: string): string => `to_char(${column}, 'YYYY-"Q"Q') = $2`;
    const lines = await sql<{ agency: string; activities: string; participants: string; households: string; stories: string; commendations: string }>(
      'campaigns',
      `WITH credited AS (
         SELECT a.organising_agency AS agency, count(*) AS activities, sum(a.participants_total) AS participants, 0 AS households, 0 AS stories, 0 AS commendations
           FROM campaign_activities a WHERE ${inArea('a.path')} AND ${inQuarter('a.held_on')} GROUP BY 1
         UNION ALL SELECT c.lead_agency, 0, 0, sum(p.households), 0, 0
           FROM household_pledges p JOIN campaigns c ON c.id = p.campaign_id WHERE ${inArea('p.path')} AND ${inQuarter('p.valid_from')} GROUP BY 1
         UNION ALL SELECT c.lead_agency, 0, 0, 0, count(*), 0
           FROM media_stories s JOIN campaigns c ON c.id = s.campaign_id WHERE ${inArea('s.path')} AND ${inQuarter('s.published_on')} GROUP BY 1
         UNION ALL SELECT m.awarding_agency, 0, 0, 0, 0, count(*)
           FROM commendations m WHERE ${inArea('m.path')} AND ${inQuarter('m.awarded_on')} GROUP BY 1)
       SELECT agency, sum(activities) AS activities, sum(participants) AS participants, sum(households) AS households, sum(stories) AS stories, sum(commendations) AS commendations
         FROM credited GROUP BY agency`,
      [area, quarter],
    );
    const expected = Object.fromEntries(lines.map((l) => [l.agency, [l.activities, l.participants, l.households, l.stories, l.commendations].map(Number)]));
    const answer: Json = await get('reporting', `/api/v1/reports/campaigns?area=${area}&quarter=${quarter}`);
    const shown = Object.fromEntries(
      answer.byAgency
        .filter((line: Json) => line.activities + line.households + line.stories + line.commendations > 0)
        .map((line: Json) => [line.agency, [line.activities, line.participants, line.households, line.stories, line.commendations]]),
    );
    expect(shown).toEqual(expected);
    // The agencies' activities add up to the area's total: every activity is credited once.
    const activities = answer.byAgency.reduce((sum: number, line: Json) => sum + line.activities, 0);
    expect(activities).toBe(answer.figures.current.activities);
  });

  it.each(['25', '25.07897'])('the year’s roll-up of %s: flows summed over its four quarters from the services’ own tables, states as at its last quarter', async (area) => {
    const year = current.slice(0, 4);
    const inYear = (column: string): string => `to_char(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') = $2`;
    const [incidents] = await sql<{ n: string }>('incidents', `SELECT count(*) AS n FROM incidents WHERE ${inArea('area')} AND ${inYear('occurred_at')}`, [area, year]);
    const [activities] = await sql<{ n: string; people: string | null }>(
      'campaigns',
      `SELECT count(*) AS n, sum(participants_total) AS people FROM campaign_activities WHERE ${inArea('path')} AND to_char(held_on, 'YYYY') = $2`,
      [area, year],
    );
    const yearly: Json = await get('reporting', `/api/v1/reports/quarterly?area=${area}&year=${year}`);
    expect(yearly.periodKind).toBe('year');
    expect(yearly.title).toContain('tổng kết năm');
    expect(figuresOf(yearly, 'incidents')['Tổng số vụ việc']).toBe(Number(incidents!.n));
    expect(figuresOf(yearly, 'campaigns')['Hoạt động đã tổ chức']).toBe(Number(activities!.n));
    expect(figuresOf(yearly, 'campaigns')['Lượt người tham gia']).toBe(Number(activities!.people ?? 0));
    // Every flow of the year is the sum of its quarters' reports; the year before is the comparison, once.
    const quarters = await Promise.all([1, 2, 3, 4].map((q) => report(area, `${year}-Q${q}`)));
    for (const key of ['models', 'cases', 'forces', 'press'] as const) {
      const yearRows = figuresOf(yearly, key);
      for (const metric of ['Mô hình mới đăng ký', 'Lớp huấn luyện', 'Lượt người được huấn luyện', 'Khen thưởng', 'Đã giải quyết xong']) {
        if (!(metric in yearRows)) continue;
        const summed = quarters.reduce((sum, answer) => sum + (figuresOf(answer, key)[metric] ?? 0), 0);
        expect({ key, metric, value: yearRows[metric] }).toEqual({ key, metric, value: summed });
      }
    }
    // Ratings are a state: the year shows its last quarter's.
    expect(figuresOf(yearly, 'movement')['Yếu']).toBe(figuresOf(quarters[3], 'movement')['Yếu']);
    // A year names its period as a year and compares with the year before, in every row the quarter compares.
    expect(yearly.year).toBe(year);
    expect(yearly).not.toHaveProperty('quarter');
    const previousYear: Json = await get('reporting', `/api/v1/reports/quarterly?area=${area}&year=${Number(year) - 1}`);
    const withoutYear = (metric: string): string => metric.replace(/\b20\d\d\b/, 'YYYY');
    const rows = (answer: Json): Map<string, Json> =>
      new Map(answer.sections.flatMap((section: Json) => section.rows.map((row: Json) => [`${section.key}/${withoutYear(row.metric)}`, row])));
    const lastYearRows = rows(previousYear);
    const quarterRows = rows(quarters[3]);
    for (const [name, row] of rows(yearly)) {
      expect(Object.keys(row).sort()).toEqual(['better', 'current', 'key', 'metric', 'previousYear']);
      const quarterRow = quarterRows.get(name);
      // A breakdown row (a category) the last quarter did not see compares like its siblings do.
      const compared = quarterRow === undefined || quarterRow.previousQuarter !== null || quarterRow.sameQuarterLastYear !== null;
      expect({ name, previousYear: row.previousYear }).toEqual({ name, previousYear: compared ? (lastYearRows.get(name)?.current ?? 0) : null });
    }
    // Last year's certification count (a yearly figure) is there too.
    const certified = [...rows(yearly)].find(([name]) => name.startsWith('movement/Đơn vị đạt chuẩn'))![1];
    expect(certified.previousYear).toBeGreaterThan(0);
  });

  it('refuses a quarter and a year together, naming the field, and serves the year as XLSX and CSV', async () => {
    const year = current.slice(0, 4);
    const both = await fetch(`${services.reporting.url}/api/v1/reports/quarterly?area=25&quarter=${current}&year=${year}`, { headers: { authorization: await bearer(analyst) } });
    expect(both.status).toBe(400);
    expect(JSON.stringify(await both.json())).toContain('"field":"year"');
    const neither = await fetch(`${services.reporting.url}/api/v1/reports/quarterly?area=25`, { headers: { authorization: await bearer(analyst) } });
    expect(neither.status).toBe(400);
    expect(JSON.stringify(await neither.json())).toContain('quarter');
    const csv = await fetch(`${services.reporting.url}/api/v1/reports/quarterly?area=25&year=${year}&format=csv`, { headers: { authorization: await bearer(analyst) } });
    const header = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toBe('Mục,Chỉ tiêu,Năm nay,Năm trước');
  });

  it('exports every incident row as a streamed CSV, pages the JSON, and filters by period, domain and source', async () => {
    const [all] = await sql<{ n: string }>('incidents', `SELECT count(*) AS n FROM incidents`);
    const csv = await fetch(`${services.reporting.url}/api/v1/reports/incidents?area=25&format=csv`, { headers: { authorization: await bearer(analyst) } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('incident_id,path,quarter,category,domain,source,status');
    expect(lines.length - 1).toBe(Number(all!.n));

    const ids = new Set<string>();
    for (let cursor: string | null = null, pages = 0; pages < 50; pages += 1) {
      const page: Json = await get('reporting', `/api/v1/reports/incidents?area=25&limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      for (const item of page.items) ids.add(item.incident_id);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(ids.size).toBe(Number(all!.n));

    const [filtered] = await sql<{ n: string }>(
      'incidents',
      `SELECT count(*) AS n FROM incidents WHERE (area = '25.07897' OR area LIKE '25.07897.%') AND domain = 'social-order' AND source = 'public-tip' AND ${quarterOfTime('occurred_at').replace('= $2', `BETWEEN '${previous}' AND '${current}'`)}`,
    );
    const page: Json = await get('reporting', `/api/v1/reports/incidents?area=25.07897&domain=social-order&source=public-tip&from=${previous}&to=${current}&limit=1000`);
    expect(page.items.length).toBe(Number(filtered!.n));

    const outside = await fetch(`${services.reporting.url}/api/v1/reports/incidents?area=25`, { headers: { authorization: await bearer({ ...analyst, area: '25.227' }) } });
    expect(outside.status).toBe(403);
    const unknown = await fetch(`${services.reporting.url}/api/v1/reports/incidents?area=25&colour=red`, { headers: { authorization: await bearer(analyst) } });
    expect(unknown.status).toBe(400);
  });

  it('forces trained and models of the province match the units service', async () => {
    const [training] = await sql<{ sessions: string; trainees: string | null }>(
      'units',
      `SELECT count(*) AS sessions, sum(trainees) AS trainees FROM training_sessions WHERE to_char(starts_on, 'YYYY-"Q"Q') = $1`,
      [current],
    );
    const forces = figuresOf(await report('25', current), 'forces');
    expect(forces['Lớp huấn luyện']).toBe(Number(training!.sessions));
    expect(forces['Lượt người được huấn luyện']).toBe(Number(training!.trainees ?? 0));
  });
});
