import { activityBody, agreementBody, launchBody, launchedCampaign } from './campaign-fixtures';
import { callers, CampaignsUnderTest, day, type Json } from './campaigns-harness';

describe('campaigns service on real PostgreSQL and Kafka', () => {
  const campaigns = new CampaignsUnderTest();
  const count = async (table: string): Promise<number> => Number((await campaigns.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);

  beforeAll(async () => {
    await campaigns.start();
    await campaigns.seedUnits();
  });

  afterAll(() => campaigns.stop());

  describe('campaign kinds', () => {
    it('seeds the movement and the linked campaigns, in Vietnamese (NFC) and English', async () => {
      const { status, body } = await campaigns.call('GET', '/api/v1/campaign-kinds');
      expect(status).toBe(200);
      expect(body.map((kind: Json) => kind.slug)).toEqual(['cultural-families', 'hunger-eradication-poverty-reduction', 'movement', 'peaceful-villages-harmonious-families']);
      const names = body.map((kind: Json) => kind.nameVi);
      expect(names).toContain('Xóa đói giảm nghèo');
      expect(names).toContain('Làng xã, thôn xóm bình yên, gia đình hòa thuận');
      for (const name of names) expect(name).toBe(name.normalize('NFC'));
    });
  });

  describe('launching', () => {
    it('launches a planned campaign whose area is the common unit of its scope', async () => {
      const { status, body, headers } = await campaigns.call('POST', '/api/v1/campaigns', launchBody({ name: '  Xây dựng  gia đình văn hóa ' , kind: 'cultural-families' }));
      expect(status).toBe(201);
      expect(body).toMatchObject({ status: 'planned', area: '25.227', version: 1, kind: 'cultural-families', name: 'Xây dựng gia đình văn hóa' });
      expect(body.scope.map((unit: Json) => unit.path)).toEqual(['25.227.07882', '25.227.07885']);
      expect(headers.get('etag')).toBe('"1"');
    });

    it('refuses a unit the replica does not know, and one no longer active, naming the field', async () => {
      const before = await count('campaigns');
      const unknown = await campaigns.call('POST', '/api/v1/campaigns', launchBody({ scopeUnitCodes: ['07882', '99999'] }));
      expect(unknown.status).toBe(422);
      expect(unknown.headers.get('content-type')).toContain('application/problem+json');
      expect(unknown.body).toMatchObject({ type: 'urn:binh-yen:problem:campaign-unknown-unit', errors: [{ field: 'scopeUnitCodes[1]' }] });
      const gone = await campaigns.call('POST', '/api/v1/campaigns', launchBody({ scopeUnitCodes: ['07930'] }));
      expect(gone.status).toBe(422);
      expect(gone.body).toMatchObject({ type: 'urn:binh-yen:problem:campaign-unit-not-active', errors: [{ field: 'scopeUnitCodes[0]' }] });
      expect(await count('campaigns')).toBe(before);
    });

    it('refuses a scope outside the caller’s area, and an agency that neither leads nor directs', async () => {
      const before = await count('campaigns');
      const outside = await campaigns.call('POST', '/api/v1/campaigns', launchBody(), { caller: callers.frontLamThao });
      expect(outside.status).toBe(403);
      expect(outside.body.type).toBe('urn:binh-yen:problem:forbidden');
      const notLead = await campaigns.call('POST', '/api/v1/campaigns', launchBody(), { caller: callers.youthVietTri });
      expect(notLead.status).toBe(403);
      expect(notLead.body.errors[0].field).toBe('leadAgency');
      const analyst = await campaigns.call('POST', '/api/v1/campaigns', launchBody(), { caller: callers.analyst });
      expect(analyst.status).toBe(403);
      expect(analyst.body.detail).toContain('campaign.manage');
      expect(await count('campaigns')).toBe(before);
    });

    it('validates the body: unknown kind, impossible date, bad goal, unknown field', async () => {
      const kind = await campaigns.call('POST', '/api/v1/campaigns', launchBody({ kind: 'space-race' }));
      expect(kind.status).toBe(422);
      expect(kind.body.errors[0].field).toBe('kind');
      const invalid = await campaigns.call('POST', '/api/v1/campaigns', { ...launchBody({ startsOn: '2026-02-30', goals: [{ measure: 'smiles', target: 0 }] }), budget: 5 });
      expect(invalid.status).toBe(400);
      const fields = invalid.body.errors.map((error: Json) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['startsOn', 'goals.0.measure', 'goals.0.target', 'budget']));
      const reversed = await campaigns.call('POST', '/api/v1/campaigns', launchBody({ startsOn: day(10), endsOn: day(5) }));
      expect(reversed.status).toBe(422);
      expect(reversed.body.errors[0].field).toBe('endsOn');
    });

    it('runs a command once per Idempotency-Key and refuses the key for another request', async () => {
      const before = await count('campaigns');
      const headers = { 'idempotency-key': 'launch-0000-0001' };
      const first = await campaigns.call('POST', '/api/v1/campaigns', launchBody(), { headers });
      const again = await campaigns.call('POST', '/api/v1/campaigns', launchBody(), { headers });
      expect(again.body.id).toBe(first.body.id);
      expect(await count('campaigns')).toBe(before + 1);
      const other = await campaigns.call('POST', '/api/v1/campaigns', launchBody({ name: 'Khác' }), { headers });
      expect(other.status).toBe(422);
      expect(other.body.type).toBe('urn:binh-yen:problem:idempotency-key-reused');
    });
  });

  describe('status, with optimistic concurrency', () => {
    it('needs If-Match, refuses a stale version and changes nothing, then activates', async () => {
      const campaign = await launchedCampaign(campaigns, {}, false);
      const path = `/api/v1/campaigns/${campaign.id}/status`;
      const missing = await campaigns.call('POST', path, { status: 'active', on: day(-1) });
      expect(missing.status).toBe(428);
      const stale = await campaigns.call('POST', path, { status: 'active', on: day(-1) }, { headers: { 'if-match': '"7"' } });
      expect(stale.status).toBe(412);
      expect(stale.body.currentVersion).toBe(1);
      expect((await campaigns.call('GET', `/api/v1/campaigns/${campaign.id}`)).body.status).toBe('planned');
      const active = await campaigns.call('POST', path, { status: 'active', on: day(-1) }, { headers: { 'if-match': '"1"' } });
      expect(active.status).toBe(200);
      expect(active.body).toMatchObject({ status: 'active', version: 2, activatedOn: day(-1) });
      expect(active.headers.get('etag')).toBe('"2"');
    });

    it('refuses closing an active campaign before its final review, and reopening', async () => {
      const campaign = await launchedCampaign(campaigns);
      const closing = await campaigns.call('POST', `/api/v1/campaigns/${campaign.id}/status`, { status: 'closed', on: day(0) }, { headers: { 'if-match': `"${campaign.version}"` } });
      expect(closing.status).toBe(409);
      expect(closing.body.type).toBe('urn:binh-yen:problem:campaign-final-review-missing');
      const back = await campaigns.call('POST', `/api/v1/campaigns/${campaign.id}/status`, { status: 'active', on: day(0) }, { headers: { 'if-match': `"${campaign.version}"` } });
      expect(back.status).toBe(409);
      expect(back.body.type).toBe('urn:binh-yen:problem:campaign-invalid-transition');
    });

    it('lets only the lead agency or the People’s Committee direct it', async () => {
      const campaign = await launchedCampaign(campaigns, {}, false);
      const partner = await campaigns.call('POST', `/api/v1/campaigns/${campaign.id}/status`, { status: 'active', on: day(-1) }, { caller: callers.policeProvince, headers: { 'if-match': '"1"' } });
      expect(partner.status).toBe(403);
      const committee = await campaigns.call('POST', `/api/v1/campaigns/${campaign.id}/status`, { status: 'closed', on: day(0), note: 'Dừng kế hoạch' }, { caller: callers.committeeProvince, headers: { 'if-match': '"1"' } });
      expect(committee.status).toBe(200);
      expect(committee.body.status).toBe('closed');
    });
  });

  describe('joint coordination agreements', () => {
    let agreement: Json;

    it('are recorded by one of their parties, with their scope and obligations', async () => {
      const { status, body } = await campaigns.call('POST', '/api/v1/agreements', agreementBody(), { caller: callers.policeProvince });
      expect(status).toBe(201);
      expect(body).toMatchObject({ area: '25', parties: ['police', 'fatherland-front', 'womens-union'], recordingAgency: 'police' });
      expect(body.scope).toEqual([expect.objectContaining({ code: '25', path: '25' })]);
      agreement = body;
      expect((await campaigns.call('GET', `/api/v1/agreements/${body.id}`, undefined, { caller: callers.womenDuuLau })).status).toBe(200);
      expect((await campaigns.call('GET', '/api/v1/agreements', undefined, { caller: callers.frontLamThao })).body.items.map((item: Json) => item.id)).toContain(body.id);
    });

    it('refuses a recorder that is not a party, an obligation of a non-party, a party without obligation', async () => {
      const before = await count('agreements');
      const notParty = await campaigns.call('POST', '/api/v1/agreements', agreementBody(), { caller: callers.press });
      expect(notParty.status).toBe(403);
      expect(notParty.body.type).toBe('urn:binh-yen:problem:campaign-recorder-not-party');
      const stranger = await campaigns.call('POST', '/api/v1/agreements', agreementBody({ obligations: [...(agreementBody()['obligations'] as Json[]), { party: 'court', text: 'Xét xử' }] }), { caller: callers.policeProvince });
      expect(stranger.status).toBe(422);
      expect(stranger.body.errors[0].field).toBe('obligations[3].party');
      const idle = await campaigns.call('POST', '/api/v1/agreements', agreementBody({ obligations: [(agreementBody()['obligations'] as Json[])[0]] }), { caller: callers.policeProvince });
      expect(idle.status).toBe(422);
      expect(idle.body.type).toBe('urn:binh-yen:problem:campaign-party-without-obligation');
      expect(await count('agreements')).toBe(before);
    });

    it('are linked to the campaigns that implement them, once, at the version read', async () => {
      const campaign = await launchedCampaign(campaigns);
      const path = `/api/v1/campaigns/${campaign.id}/agreements`;
      const linked = await campaigns.call('POST', path, { agreementId: agreement.id }, { headers: { 'if-match': `"${campaign.version}"` } });
      expect(linked.status).toBe(200);
      expect(linked.body.agreementIds).toEqual([agreement.id]);
      const twice = await campaigns.call('POST', path, { agreementId: agreement.id }, { headers: { 'if-match': `"${linked.body.version}"` } });
      expect(twice.status).toBe(409);
      const youthLed = await launchedCampaign(campaigns, { leadAgency: 'youth-union', partnerAgencies: ['police'] }, false, callers.committeeProvince);
      const notSigned = await campaigns.call('POST', `/api/v1/campaigns/${youthLed.id}/agreements`, { agreementId: agreement.id }, { caller: callers.committeeProvince, headers: { 'if-match': '"1"' } });
      expect(notSigned.status).toBe(422);
      expect(notSigned.body.type).toBe('urn:binh-yen:problem:campaign-lead-not-party');
    });
  });

  describe('activities', () => {
    let campaign: Json;
    beforeAll(async () => {
      campaign = await launchedCampaign(campaigns);
    });
    const record = (body: Record<string, unknown>, caller = callers.womenDuuLau) => campaigns.call('POST', `/api/v1/campaigns/${campaign.id}/activities`, body, { caller });

    it('records an activity in a unit below the scope, stamped with that unit', async () => {
      const { status, body } = await record(activityBody());
      expect(status).toBe(201);
      expect(body).toMatchObject({ kind: 'meeting', unitCode: '0788201', path: '25.227.07882.0788201', participants: { total: 45, byGroup: { women: 30, youth: 8 } } });
    });

    it('refuses an activity outside the scope, outside the period, or in an unknown unit', async () => {
      const before = await count('campaign_activities');
      const outsideScope = await record(activityBody({ unitCode: '07888', organisingAgency: 'fatherland-front' }), callers.frontVietTri);
      expect(outsideScope.status).toBe(422);
      expect(outsideScope.body).toMatchObject({ type: 'urn:binh-yen:problem:campaign-outside-scope', errors: [{ field: 'unitCode' }] });
      const outsidePeriod = await record(activityBody({ heldOn: day(-61) }));
      expect(outsidePeriod.status).toBe(422);
      expect(outsidePeriod.body).toMatchObject({ type: 'urn:binh-yen:problem:campaign-outside-period', errors: [{ field: 'heldOn' }] });
      const unknown = await record(activityBody({ unitCode: '0788299' }));
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors[0].field).toBe('unitCode');
      expect(await count('campaign_activities')).toBe(before);
    });

    it('refuses an organiser outside the campaign, another agency’s activity, and a unit outside the caller’s area', async () => {
      const stranger = await record(activityBody({ organisingAgency: 'youth-union' }), callers.frontVietTri);
      expect(stranger.status).toBe(422);
      expect(stranger.body.errors[0].field).toBe('organisingAgency');
      const forOthers = await record(activityBody({ organisingAgency: 'police' }));
      expect(forOthers.status).toBe(403);
      const elsewhere = await record(activityBody({ unitCode: '07885' }));
      expect(elsewhere.status).toBe(403);
    });

    it('checks participants: no group above the total, no unknown group', async () => {
      const above = await record(activityBody({ participants: { total: 10, byGroup: { youth: 11 } } }));
      expect(above.status).toBe(422);
      expect(above.body.errors[0].field).toBe('participants.byGroup.youth');
      const unknown = await record(activityBody({ participants: { total: 10, byGroup: { aliens: 1 } } }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].field).toBe('participants.byGroup.aliens');
    });

    it('refuses activities of a campaign that is not active', async () => {
      const planned = await launchedCampaign(campaigns, {}, false);
      const refused = await campaigns.call('POST', `/api/v1/campaigns/${planned.id}/activities`, activityBody(), { caller: callers.womenDuuLau });
      expect(refused.status).toBe(409);
      expect(refused.body.type).toBe('urn:binh-yen:problem:campaign-not-active');
    });

    it('lists activities within the caller’s area', async () => {
      const mine = await campaigns.call('GET', `/api/v1/campaigns/${campaign.id}/activities`, undefined, { caller: callers.womenDuuLau });
      expect(mine.status).toBe(200);
      expect(mine.body).toHaveLength(1);
      const vanCo = await campaigns.call('GET', `/api/v1/campaigns/${campaign.id}/activities`, undefined, { caller: callers.committeeVanCo });
      expect(vanCo.body).toHaveLength(0);
    });
  });

  describe('household security pledges', () => {
    let campaign: Json;
    beforeAll(async () => {
      campaign = await launchedCampaign(campaigns);
    });
    const pledge = (body: Record<string, unknown>) => campaigns.call('POST', `/api/v1/campaigns/${campaign.id}/pledges`, { unitCode: '07885', households: 150, validFrom: day(-30), validTo: day(335), ...body });

    it('records a pledge of a unit in the scope', async () => {
      const { status, body } = await pledge({});
      expect(status).toBe(201);
      expect(body).toMatchObject({ unitCode: '07885', path: '25.227.07885', households: 150 });
    });

    it('refuses a pledge for an unknown unit, outside the scope, or overlapping the unit’s previous one', async () => {
      const before = await count('household_pledges');
      const unknown = await pledge({ unitCode: '99999' });
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ type: 'urn:binh-yen:problem:campaign-unknown-unit', errors: [{ field: 'unitCode' }] });
      const outside = await pledge({ unitCode: '07888' });
      expect(outside.status).toBe(422);
      expect(outside.body.type).toBe('urn:binh-yen:problem:campaign-outside-scope');
      const overlapping = await pledge({ validFrom: day(-10) });
      expect(overlapping.status).toBe(409);
      expect(overlapping.body.type).toBe('urn:binh-yen:problem:campaign-pledge-overlaps');
      const noHouseholds = await pledge({ households: 0 });
      expect(noHouseholds.status).toBe(400);
      expect(noHouseholds.body.errors[0].field).toBe('households');
      expect(await count('household_pledges')).toBe(before);
    });
  });

  describe('media stories (press only)', () => {
    const story = (body: Record<string, unknown>, caller = callers.press) =>
      campaigns.call('POST', '/api/v1/stories', {
        outlet: { name: 'Đài Phát thanh và Truyền hình Phú Thọ', kind: 'television' },
        publishedOn: day(-3),
        title: 'Mô hình camera an ninh ở Dữu Lâu',
        link: 'https://ptv.vn/mo-hinh-camera-duu-lau',
        about: { kind: 'model', modelId: '0199a1b2-0000-7000-8000-000000000001' },
        unitCode: '07882',
        ...body,
      }, { caller });

    it('records a story about a model of the units service, by id', async () => {
      const { status, body } = await story({});
      expect(status).toBe(201);
      expect(body).toMatchObject({ outlet: { kind: 'television' }, about: { kind: 'model', modelId: '0199a1b2-0000-7000-8000-000000000001', name: null }, path: '25.227.07882' });
      expect((await campaigns.call('GET', `/api/v1/stories/${body.id}`, undefined, { caller: callers.womenDuuLau })).status).toBe(200);
    });

    it('refuses another agency, a person without a name, and a campaign whose scope does not hold the unit', async () => {
      expect((await story({}, callers.policeProvince)).status).toBe(403);
      const nameless = await story({ about: { kind: 'person' } });
      expect(nameless.status).toBe(422);
      expect(nameless.body.errors[0].field).toBe('about.name');
      const campaign = await launchedCampaign(campaigns);
      const elsewhere = await story({ unitCode: '07888', campaignId: campaign.id });
      expect(elsewhere.status).toBe(422);
      expect(elsewhere.body.errors[0].field).toBe('unitCode');
      const badLink = await story({ link: 'javascript:alert(1)' });
      expect(badLink.status).toBe(400);
      expect(badLink.body.errors[0].field).toBe('link');
    });
  });

  describe('commendations', () => {
    const commend = (body: Record<string, unknown>, caller = callers.committeeProvince) =>
      campaigns.call('POST', '/api/v1/commendations', {
        recipient: { kind: 'person', name: 'Bà Nguyễn Thị Lan', unitCode: '0788201' },
        level: 'province',
        reason: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
        awardedOn: day(-1),
        ...body,
      }, { caller });

    it('records a commendation of a person at the province level', async () => {
      const { status, body } = await commend({});
      expect(status).toBe(201);
      expect(body).toMatchObject({ recipient: { kind: 'person', name: 'Bà Nguyễn Thị Lan', unitCode: '0788201' }, level: 'province', awardingAgency: 'people-committee', path: '25.227.07882.0788201' });
    });

    it('refuses a commendation without a recipient, naming the field', async () => {
      const before = await count('commendations');
      const { status, body } = await commend({ recipient: undefined });
      expect(status).toBe(400);
      expect(body.type).toBe('urn:binh-yen:problem:validation');
      expect(body.errors.map((error: Json) => error.field)).toContain('recipient');
      const nameless = await commend({ recipient: { kind: 'collective', unitCode: '07882' } });
      expect(nameless.status).toBe(422);
      expect(nameless.body.errors[0].field).toBe('recipient.name');
      expect(await count('commendations')).toBe(before);
    });

    it('refuses a level above the awarding area, a recipient outside it, an unknown story, and the press', async () => {
      const above = await commend({ level: 'district', recipient: { kind: 'unit', unitCode: '07885' } }, callers.committeeVanCo);
      expect(above.status).toBe(403);
      expect(above.body.errors[0].field).toBe('level');
      const commune = await commend({ level: 'commune', recipient: { kind: 'unit', unitCode: '07885' } }, callers.committeeVanCo);
      expect(commune.status).toBe(201);
      const outside = await commend({ level: 'commune', recipient: { kind: 'unit', unitCode: '07882' } }, callers.committeeVanCo);
      expect(outside.status).toBe(403);
      const story = await commend({ storyId: '0199a1b2-0000-7000-8000-0000000000ff' });
      expect(story.status).toBe(422);
      expect(story.body.errors[0].field).toBe('storyId');
      expect((await commend({}, callers.press)).status).toBe(403);
    });
  });

  describe('reading within one’s area', () => {
    it('shows a campaign to those whose area it covers or contains, and no one else', async () => {
      const campaign = await launchedCampaign(campaigns, { scopeUnitCodes: ['07882'] });
      expect((await campaigns.call('GET', `/api/v1/campaigns/${campaign.id}`, undefined, { caller: callers.womenDuuLau })).status).toBe(200);
      expect((await campaigns.call('GET', `/api/v1/campaigns/${campaign.id}`, undefined, { caller: callers.analyst })).status).toBe(200);
      // One that does not touch the caller's area is answered as one that does not exist (ADR 0025).
      expect((await campaigns.call('GET', `/api/v1/campaigns/${campaign.id}`, undefined, { caller: callers.committeeVanCo })).status).toBe(404);
      const lamThao = await campaigns.call('GET', '/api/v1/campaigns', undefined, { caller: callers.frontLamThao });
      expect(lamThao.body.items).toEqual([]);
      const vietTri = await campaigns.call('GET', '/api/v1/campaigns?status=active&limit=2');
      expect(vietTri.body.items).toHaveLength(2);
      expect(vietTri.body.nextCursor).not.toBeNull();
    });

    it('keeps an audit trail of every write', async () => {
      const auditor = { subject: 'kiem-toan-01', agency: 'police' as const, roles: ['auditor' as const], area: '25' };
      const { status, body } = await campaigns.call('GET', '/api/v1/audit?entityType=campaign&limit=5', undefined, { caller: auditor });
      expect(status).toBe(200);
      expect(body.items.length).toBeGreaterThan(0);
      expect(body.items[0]).toMatchObject({ action: 'campaign.manage', entityType: 'campaign' });
    });

    it('documents every operation in OpenAPI', async () => {
      const response = await fetch(`${campaigns.service.url}/api/docs/openapi.json`);
      const document = (await response.json()) as Json;
      for (const path of ['/api/v1/campaigns', '/api/v1/campaigns/{id}/status', '/api/v1/campaigns/{id}/activities', '/api/v1/campaigns/{id}/pledges', '/api/v1/campaigns/{id}/reviews', '/api/v1/campaigns/{id}/progress', '/api/v1/agreements', '/api/v1/stories', '/api/v1/commendations']) {
        expect(document.paths[path]).toBeDefined();
      }
    });
  });
});
