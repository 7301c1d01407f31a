import { Client } from 'pg';
import type { Caller } from '@binh-yen/auth';
import { topicFor } from '@binh-yen/contracts';
import {
  bearer,
  createTestDatabase,
  publishEvents,
  serviceEnv,
  startServiceProcess,
  uniqueTopicPrefix,
  unitRegistered,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';

// Tests read JSON answers field by field; a type per answer would only restate them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const caller = (subject: string, agency: Caller['agency'], area: string, roles: Caller['roles'] = ['officer']): Caller => ({ subject, agency, roles, area });
const front = caller('mttq-viet-tri-01', 'fatherland-front', '25.227');
const women = caller('hoi-phu-nu-duu-lau-01', 'womens-union', '25.227.07882');
const press = caller('bao-phu-tho-01', 'press', '25');
const committee = caller('ubnd-tinh-01', 'people-committee', '25');

/** Vietnam's date `days` from today (negative: in the past). */
const day = (days: number): string => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

describe('campaign figures of the quarterly report, from the real campaigns service through Kafka', () => {
  const prefix = uniqueTopicPrefix();
  let campaignsDb: TestDatabase;
  let reportingDb: TestDatabase;
  let campaigns: ServiceProcess;
  let reporting: ServiceProcess;
  let campaignId: string;

  async function call(service: ServiceProcess, who: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: await bearer(who), 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function created(service: ServiceProcess, who: Caller, path: string, body: unknown): Promise<Json> {
    const answer = await call(service, who, 'POST', path, body);
    if (answer.status !== 201) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async function campaignsSql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: campaignsDb.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async function section(area: string, quarter: string, key: string): Promise<Json> {
    const answer = await call(reporting, committee, 'GET', `/api/v1/reports/quarterly?area=${area}&quarter=${quarter}`);
    expect(answer.status).toBe(200);
    return answer.body.sections.find((s: Json) => s.key === key);
  }

  const current = (s: Json, metric: string): number | undefined => s.rows.find((r: Json) => r.metric === metric)?.current;

  /** What the report must say, computed from the campaigns service's own tables. */
  async function oracle(area: string, quarter: string): Promise<Record<string, number>> {
    const inArea = `(path = $1 OR path LIKE $1 || '.%')`;
    const quarterOfColumn = (column: string): string => `to_char(${column}, 'YYYY-"Q"Q') = $2`;
    const [activities] = await campaignsSql<{ n: string; people: string | null }>(
      `SELECT count(*) AS n, sum(participants_total) AS people FROM campaign_activities WHERE ${inArea} AND ${quarterOfColumn('held_on')}`,
      [area, quarter],
    );
    const [pledges] = await campaignsSql<{ households: string | null }>(`SELECT sum(households) AS households FROM household_pledges WHERE ${inArea} AND ${quarterOfColumn('valid_from')}`, [area, quarter]);
    const [stories] = await campaignsSql<{ n: string }>(`SELECT count(*) AS n FROM media_stories WHERE ${inArea} AND ${quarterOfColumn('published_on')}`, [area, quarter]);
    const [awards] = await campaignsSql<{ n: string }>(`SELECT count(*) AS n FROM commendations WHERE ${inArea} AND ${quarterOfColumn('awarded_on')}`, [area, quarter]);
    const women = await campaignsSql<{ n: string | null }>(
      `SELECT sum((participants_by_group->>'women')::int) AS n FROM campaign_activities WHERE ${inArea} AND ${quarterOfColumn('held_on')}`,
      [area, quarter],
    );
    return {
      'Hoạt động đã tổ chức': Number(activities!.n),
      'Lượt người tham gia': Number(activities!.people ?? 0),
      'Lượt người tham gia — Phụ nữ': Number(women[0]!.n ?? 0),
      'Hộ gia đình ký cam kết': Number(pledges!.households ?? 0),
      'Tin, bài phản ánh gương người tốt việc tốt': Number(stories!.n),
      'Khen thưởng': Number(awards!.n),
    };
  }

  beforeAll(async () => {
    campaignsDb = await createTestDatabase('campaigns');
    reportingDb = await createTestDatabase('reporting');
    [campaigns, reporting] = await Promise.all([
      startServiceProcess({ service: 'campaigns', env: serviceEnv(campaignsDb.url, prefix) }),
      startServiceProcess({ service: 'reporting', env: serviceEnv(reportingDb.url, prefix) }),
    ]);
    await publishEvents(topicFor('unit', prefix), [
      unitRegistered({ code: '25', name: 'Tỉnh Phú Thọ', path: '25', kind: 'province', subkind: 'province' }),
      unitRegistered({ code: '227', name: 'Thành phố Việt Trì', path: '25.227', kind: 'district', subkind: 'city' }),
      unitRegistered({ code: '07882', name: 'Phường Dữu Lâu', path: '25.227.07882' }),
      unitRegistered({ code: '07885', name: 'Phường Vân Cơ', path: '25.227.07885' }),
      unitRegistered({ code: '0788201', name: 'Khu 1 Dữu Lâu', path: '25.227.07882.0788201', kind: 'residential-area', subkind: 'residential-group' }),
    ]);
    // The campaigns service learns the units from their events (keyed by unit, so in any order across partitions).
    await waitFor(async () => Number((await campaignsSql<{ n: string }>('SELECT count(*) AS n FROM known_units'))[0]!.n), (n) => n === 5, {
      timeoutMs: 60_000,
      description: 'the campaigns service to know the five units',
    });
    await created(campaigns, front, '/api/v1/agreements', {
      title: 'Quy chế phối hợp khu dân cư',
      parties: ['police', 'fatherland-front'],
      signedOn: day(-400),
      effectiveFrom: day(-400),
      effectiveTo: null,
      scopeUnitCodes: ['0788201'],
      obligations: [{ party: 'police', text: 'Phối hợp' }, { party: 'fatherland-front', text: 'Vận động' }],
    });

    const launched = await created(campaigns, front, '/api/v1/campaigns', {
      name: 'Toàn dân bảo vệ an ninh Tổ quốc — Việt Trì',
      kind: 'movement',
      leadAgency: 'fatherland-front',
      partnerAgencies: ['police', 'womens-union'],
      scopeUnitCodes: ['07882', '07885'],
      startsOn: day(-200),
      endsOn: day(200),
      goals: [{ measure: 'households-pledged', target: 300 }],
    });
    campaignId = launched.id;
    const activated = await call(campaigns, front, 'POST', `/api/v1/campaigns/${campaignId}/status`, { status: 'active', on: day(-199) }, { 'if-match': `"${launched.version}"` });
    expect(activated.status).toBe(200);
    const activity = (days: number, unitCode: string, total: number, byGroup: Record<string, number>) =>
      created(campaigns, women, `/api/v1/campaigns/${campaignId}/activities`, {
        kind: 'meeting',
        heldOn: day(days),
        unitCode,
        organisingAgency: 'womens-union',
        participants: { total, byGroup },
        notes: 'Họp dân bàn biện pháp phòng chống trộm cắp',
      });
    await activity(-5, '0788201', 45, { women: 30, youth: 8 });
    await activity(-6, '07882', 20, { women: 12 });
    await activity(-100, '07882', 33, { veterans: 5 }); // most likely the previous quarter
    await created(campaigns, front, `/api/v1/campaigns/${campaignId}/activities`, {
      kind: 'propaganda-session',
      heldOn: day(-7),
      unitCode: '07885',
      organisingAgency: 'fatherland-front',
      participants: { total: 60, byGroup: { women: 20, elderly: 15 } },
      notes: 'Tuyên truyền pháp luật',
    });
    await created(campaigns, front, `/api/v1/campaigns/${campaignId}/pledges`, { unitCode: '07885', households: 150, validFrom: day(-4), validTo: day(335) });
    await created(campaigns, front, `/api/v1/campaigns/${campaignId}/pledges`, { unitCode: '0788201', households: 80, validFrom: day(-3), validTo: day(335) });
    await created(campaigns, press, '/api/v1/stories', {
      outlet: { name: 'Báo Phú Thọ', kind: 'newspaper' },
      publishedOn: day(-2),
      title: 'Gương sáng bảo vệ an ninh ở Dữu Lâu',
      link: null,
      about: { kind: 'person', name: 'Bà Nguyễn Thị Lan' },
      unitCode: '0788201',
      campaignId,
    });
    await created(campaigns, committee, '/api/v1/commendations', {
      recipient: { kind: 'person', name: 'Bà Nguyễn Thị Lan', unitCode: '0788201' },
      level: 'province',
      reason: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
      awardedOn: day(-1),
      campaignId,
    });
    await created(campaigns, front, `/api/v1/campaigns/${campaignId}/reviews`, { kind: 'interim', reviewedOn: day(-1), outcome: 'partly-achieved', lessons: 'Cần đẩy mạnh ký cam kết', recommendedModelIds: [] });

    const quarter = quarterOf(day(-1));
    await waitFor(() => section('25', quarter, 'press'), (s) => current(s, 'Khen thưởng') === 1, { timeoutMs: 60_000, description: 'the commendation in the report' });
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([campaigns?.stop(), reporting?.stop()]);
    await Promise.allSettled([campaignsDb?.drop(), reportingDb?.drop()]);
  });

  it('matches an independent computation from the campaigns service’s own tables, at every level and in both quarters', async () => {
    const quarters = [...new Set([quarterOf(day(-1)), quarterOf(day(-100))])];
    let compared = 0;
    for (const quarter of quarters) {
      for (const area of ['25', '25.227', '25.227.07882', '25.227.07885', '25.227.07882.0788201']) {
        const expected = await oracle(area, quarter);
        const campaignsSection = await section(area, quarter, 'campaigns');
        const pressSection = await section(area, quarter, 'press');
        for (const [metric, value] of Object.entries(expected)) {
          const shown = current(campaignsSection, metric) ?? current(pressSection, metric) ?? 0;
          expect({ area, quarter, metric, value: shown }).toEqual({ area, quarter, metric, value });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(30);
    // Nothing is invented: the province's Q figures are the sum of what was recorded.
    const province = await oracle('25', quarterOf(day(-1)));
    expect(province['Lượt người tham gia']).toBeGreaterThanOrEqual(125);
  });

  it('lists the campaign with its progress against the goals of its latest review', async () => {
    const campaignsSection = await section('25.227', quarterOf(day(-1)), 'campaigns');
    const progress = campaignsSection.details[0];
    expect(progress.rows).toHaveLength(1);
    expect(progress.rows[0][0]).toBe('Toàn dân bảo vệ an ninh Tổ quốc — Việt Trì');
    expect(progress.rows[0][2]).toBe('Đang triển khai');
    expect(progress.rows[0][6]).toBe('households-pledged: 230/300');
    // A ward without campaign work in the quarter has no campaign rows.
    const outside = await call(reporting, committee, 'GET', `/api/v1/reports/quarterly?area=25.227.07888&quarter=${quarterOf(day(-1))}`);
    expect(outside.body.sections.find((s: Json) => s.key === 'campaigns').details[0].rows).toEqual([]);
  });

  /** Who is credited with what (ADR 0023), computed from the campaigns service's own tables. */
  async function agencyOracle(area: string, quarter: string): Promise<Record<string, number[]>> {
    const inArea = (alias: string): string => `(${alias}.path = $1 OR ${alias}.path LIKE $1 || '.%')`;
    const inQuarter = (column: string): string => `to_char(${column}, 'YYYY-"Q"Q') = $2`;
    const lines = await campaignsSql<{ agency: string; activities: string; participants: string; households: string; stories: string; commendations: string }>(
      `WITH credited AS (
         SELECT a.organising_agency AS agency, count(*) AS activities, sum(a.participants_total) AS participants, 0 AS households, 0 AS stories, 0 AS commendations
           FROM campaign_activities a WHERE ${inArea('a')} AND ${inQuarter('a.held_on')} GROUP BY 1
         UNION ALL SELECT c.lead_agency, 0, 0, sum(p.households), 0, 0
           FROM household_pledges p JOIN campaigns c ON c.id = p.campaign_id WHERE ${inArea('p')} AND ${inQuarter('p.valid_from')} GROUP BY 1
         UNION ALL SELECT c.lead_agency, 0, 0, 0, count(*), 0
           FROM media_stories s JOIN campaigns c ON c.id = s.campaign_id WHERE ${inArea('s')} AND ${inQuarter('s.published_on')} GROUP BY 1
         UNION ALL SELECT m.awarding_agency, 0, 0, 0, 0, count(*)
           FROM commendations m WHERE ${inArea('m')} AND ${inQuarter('m.awarded_on')} GROUP BY 1)
       SELECT agency, sum(activities) AS activities, sum(participants) AS participants, sum(households) AS households, sum(stories) AS stories, sum(commendations) AS commendations
         FROM credited GROUP BY agency`,
      [area, quarter],
    );
    return Object.fromEntries(lines.map((l) => [l.agency, [l.activities, l.participants, l.households, l.stories, l.commendations].map(Number)]));
  }

  it('credits every agency with what it did, in every area and quarter, matching the campaigns service’s own tables', async () => {
    const quarters = [...new Set([quarterOf(day(-1)), quarterOf(day(-100))])];
    let compared = 0;
    for (const quarter of quarters) {
      for (const area of ['25', '25.227', '25.227.07882', '25.227.07885']) {
        const answer = await call(reporting, committee, 'GET', `/api/v1/reports/campaigns?area=${area}&quarter=${quarter}`);
        expect(answer.status).toBe(200);
        const shown = Object.fromEntries(
          answer.body.byAgency
            .filter((line: Json) => line.agreementsSigned === 0 || line.activities + line.households + line.stories + line.commendations > 0)
            .map((line: Json) => [line.agency, [line.activities, line.participants, line.households, line.stories, line.commendations]]),
        );
        expect({ area, quarter, byAgency: shown }).toEqual({ area, quarter, byAgency: await agencyOracle(area, quarter) });
        compared += Object.keys(shown).length;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('filters the figures to one agency: its activities and groups, the pledges and stories of the campaigns it leads, the commendations it awarded', async () => {
    const quarter = quarterOf(day(-1));
    const women = await call(reporting, committee, 'GET', `/api/v1/reports/campaigns?area=25&quarter=${quarter}&agency=womens-union`);
    expect(women.status).toBe(200);
    const everyone = await call(reporting, committee, 'GET', `/api/v1/reports/campaigns?area=25&quarter=${quarter}`);
    const [womensActivities] = await campaignsSql<{ n: string; people: string; women: string }>(
      `SELECT count(*) AS n, sum(participants_total) AS people, sum((participants_by_group->>'women')::int) AS women
         FROM campaign_activities WHERE organising_agency = 'womens-union' AND to_char(held_on, 'YYYY-"Q"Q') = $1`,
      [quarter],
    );
    expect(women.body.figures.current).toMatchObject({
      activities: Number(womensActivities!.n),
      participants: Number(womensActivities!.people),
      households: 0, // the Front leads the campaign, so its pledges are the Front's
      stories: 0,
      commendations: 0,
    });
    expect(women.body.figures.current.participantsByGroup.women).toBe(Number(womensActivities!.women));
    expect(women.body.figures.current.activities).toBeLessThan(everyone.body.figures.current.activities);
    expect(women.body.byAgency.map((line: Json) => line.agency)).toEqual(['womens-union']);
    // A partner agency still sees the campaign it works in; an agency with no part in it does not.
    expect(women.body.campaigns.map((c: Json) => c.name)).toEqual(['Toàn dân bảo vệ an ninh Tổ quốc — Việt Trì']);
    const youth = await call(reporting, committee, 'GET', `/api/v1/reports/campaigns?area=25&quarter=${quarter}&agency=youth-union`);
    expect(youth.body.campaigns).toEqual([]);
    expect(youth.body.figures.current.activities).toBe(0);

    const front = await call(reporting, committee, 'GET', `/api/v1/reports/campaigns?area=25&quarter=${quarter}&agency=fatherland-front`);
    expect(front.body.figures.current.households).toBe(everyone.body.figures.current.households);
    expect(front.body.figures.current.stories).toBe(1);
    const awarded = await call(reporting, committee, 'GET', `/api/v1/reports/campaigns?area=25&quarter=${quarter}&agency=people-committee`);
    expect(awarded.body.figures.current.commendations).toBe(1);
    expect(awarded.body.currentAsOf.lastEventAt).not.toBeNull();
  });

  it('shows the by-agency table in the report and as CSV, and refuses an unknown agency naming the field', async () => {
    const quarter = quarterOf(day(-1));
    const campaignsSection = await section('25', quarter, 'campaigns');
    const table = campaignsSection.details.find((d: Json) => d.heading === 'Kết quả theo cơ quan, tổ chức');
    expect(table.rows.map((r: string[]) => r[0])).toEqual(expect.arrayContaining(['Hội Liên hiệp Phụ nữ', 'Mặt trận Tổ quốc', 'Ủy ban nhân dân']));
    const csv = await fetch(`${reporting.url}/api/v1/reports/campaigns?area=25&quarter=${quarter}&format=csv&lang=en`, { headers: { authorization: await bearer(committee) } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Agency,Activities organised,Participants,Households pledged (campaigns led),Agreements,Stories (campaigns led),Commendations awarded');
    expect(lines.some((line) => line.startsWith("\"Women's Union\"") || line.startsWith("Women's Union,"))).toBe(true);
    const unknown = await call(reporting, committee, 'GET', `/api/v1/reports/campaigns?area=25&quarter=${quarter}&agency=ministry-of-magic`);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('agency');
    const outside = await call(reporting, women, 'GET', `/api/v1/reports/campaigns?area=25&quarter=${quarter}`);
    expect(outside.status).toBe(403);
  });

  it('counts an agreement under every area of its scope, and says up to when the campaign figures are current', async () => {
    const signed = quarterOf(day(-400));
    expect(current(await section('25.227.07882', signed, 'campaigns'), 'Quy chế/chương trình phối hợp được ký')).toBe(1);
    expect(current(await section('25.227.07885', signed, 'campaigns'), 'Quy chế/chương trình phối hợp được ký')).toBe(0);
    // Each party is credited with the agreement.
    const parties = (await call(reporting, committee, 'GET', `/api/v1/reports/campaigns?area=25.227.07882&quarter=${signed}`)).body.byAgency;
    expect(parties.map((line: Json) => [line.agency, line.agreementsSigned])).toEqual([['fatherland-front', 1], ['police', 1]]);
    const report = (await call(reporting, committee, 'GET', `/api/v1/reports/quarterly?area=25&quarter=${quarterOf(day(-1))}`)).body;
    expect(report.currentAsOf.campaigns.lastEventAt).not.toBeNull();
    expect(report.currentAsOf.campaigns.lag).toBe(0);
  });
});
