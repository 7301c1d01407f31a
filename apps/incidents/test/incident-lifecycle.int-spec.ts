import type { EventEnvelope } from '@binh-yen/contracts';
import { bearer, waitFor } from '@binh-yen/testing';
import { callers, hoursAgo, IncidentsUnderTest, phuThoUnits, report, unitEvents, type Json } from './incidents-harness';

describe('incidents: the case lifecycle on real PostgreSQL and Kafka', () => {
  const incidents = new IncidentsUnderTest();
  const { events: unitSeed, units } = phuThoUnits();

  beforeAll(async () => {
    await incidents.start();
    await incidents.publishUnits(unitSeed);
  });

  afterAll(() => incidents.stop());

  /** Waits until the relay has published everything written so far, then reads one incident's events from Kafka. */
  async function eventsOf(id: string): Promise<EventEnvelope[]> {
    await waitFor(async () => (await incidents.sql<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0]!.n, (n) => Number(n) === 0, {
      timeoutMs: 60_000,
      description: 'the relay to publish the outbox',
    });
    return (await incidents.incidentEvents()).filter((event) => event.aggregate.id === id);
  }

  describe('from a tip to a verdict, each step by the agency that owns it', () => {
    let id: string;
    let version: number;

    /** Takes a step that must succeed and keeps the new version. */
    async function take(body: Record<string, unknown>, as = callers.policeVietTri): Promise<Json> {
      const response = await incidents.step(id, version, body, as);
      expect([body['action'], response.status, response.body.detail]).toEqual([body['action'], 200, undefined]);
      expect(response.headers.get('etag')).toBe(`"${response.body.version}"`);
      version = response.body.version;
      return response.body;
    }

    /** Expects a refusal and that neither the row, the timeline nor the outbox changed. */
    async function refused(body: Record<string, unknown>, as: typeof callers.policeVietTri, status: number): Promise<Json> {
      const before = await incidents.snapshot(id);
      const response = await incidents.step(id, version, body, as);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await incidents.snapshot(id)).toEqual(before);
      return response.body;
    }

    it('records the report as "reported" at version 1, with the unit from the replica', async () => {
      const created = await incidents.report(report({ source: 'public-tip', informant: { name: 'Nguyễn Thị Báo', contact: '0912000111' } }));
      id = created.id;
      version = created.version;
      expect(created).toMatchObject({
        unitCode: '07882',
        unitName: 'Phường Dữu Lâu',
        area: '25.227.07882',
        category: 'criminal-offence',
        domain: 'social-order',
        source: 'public-tip',
        status: 'reported',
        version: 1,
        hasInformant: true,
        people: { suspects: 1, victims: 1, injured: 0, deaths: 0 },
      });
      expect(created.nextActions.map((step: Json) => step.action)).toEqual(['verify', 'reject']);
      expect(created).not.toHaveProperty('informant');
    });

    it('refuses a step not allowed from "reported" with 409 listing the allowed ones, and changes nothing', async () => {
      const problem = await refused({ action: 'indict' }, callers.procuracyVietTri, 409);
      expect(problem.type).toBe('urn:binh-yen:problem:incident-invalid-transition');
      expect(problem.currentStatus).toBe('reported');
      expect(problem.allowedTransitions).toEqual([
        { action: 'verify', to: 'verified', agencies: ['police'] },
        { action: 'reject', to: 'rejected', agencies: ['police'] },
      ]);
    });

    it('refuses the court verifying (wrong agency) with 403 naming the police, and changes nothing', async () => {
      const problem = await refused({ action: 'verify' }, callers.courtVietTri, 403);
      expect(problem.type).toBe('urn:binh-yen:problem:incident-wrong-agency');
      expect(problem.allowedAgencies).toEqual(['police']);
    });

    it('refuses the press (not in the policy at all) with 403, and changes nothing', async () => {
      const problem = await refused({ action: 'verify' }, callers.press, 403);
      expect(problem.detail).toContain('incident.transition');
    });

    it('police verify, investigate and refer', async () => {
      expect((await take({ action: 'verify', note: 'Đã xác minh tại chợ' })).status).toBe('verified');
      expect((await take({ action: 'start-investigation' })).status).toBe('under-investigation');
      expect((await take({ action: 'refer-to-procuracy', note: 'Chuyển hồ sơ sang Viện kiểm sát' })).status).toBe('referred-to-procuracy');
    });

    it('only the procuracy indicts', async () => {
      expect((await refused({ action: 'indict' }, callers.policeVietTri, 403)).allowedAgencies).toEqual(['procuracy']);
      expect((await take({ action: 'indict' }, callers.procuracyVietTri)).status).toBe('indicted');
    });

    it('only the court records a verdict, and a conviction needs its sentence', async () => {
      expect((await refused({ action: 'record-verdict', verdict: 'convicted', sentenceSummary: '2 năm tù' }, callers.procuracyVietTri, 403)).allowedAgencies).toEqual(['court']);
      const noSentence = await refused({ action: 'record-verdict', verdict: 'convicted' }, callers.courtVietTri, 422);
      expect(noSentence.errors[0].field).toBe('sentenceSummary');
      const tried = await take({ action: 'record-verdict', verdict: 'convicted', sentenceSummary: '2 năm tù giam' }, callers.courtVietTri);
      expect(tried).toMatchObject({ status: 'tried', verdict: 'convicted', sentenceSummary: '2 năm tù giam' });
    });

    it('closes with a reason the status allows, then takes no further step', async () => {
      expect((await refused({ action: 'close', reason: 'mediated' }, callers.courtVietTri, 422)).errors[0].field).toBe('reason');
      expect((await take({ action: 'close', reason: 'verdict-final' }, callers.courtVietTri)).status).toBe('closed');
      const after = await refused({ action: 'verify' }, callers.policeVietTri, 409);
      expect(after.allowedTransitions).toEqual([]);
    });

    it('shows the timeline: every step, by whom, which agency, when, with notes', async () => {
      const { status, body } = await incidents.call('GET', `/api/v1/incidents/${id}/timeline`);
      expect(status).toBe(200);
      expect(body.entries.map((entry: Json) => [entry.action, entry.toStatus, entry.agency, entry.actor])).toEqual([
        ['report', 'reported', 'police', 'ca-viet-tri-01'],
        ['verify', 'verified', 'police', 'ca-viet-tri-01'],
        ['start-investigation', 'under-investigation', 'police', 'ca-viet-tri-01'],
        ['refer-to-procuracy', 'referred-to-procuracy', 'police', 'ca-viet-tri-01'],
        ['indict', 'indicted', 'procuracy', 'vks-viet-tri-01'],
        ['record-verdict', 'tried', 'court', 'toa-viet-tri-01'],
        ['close', 'closed', 'court', 'toa-viet-tri-01'],
      ]);
      expect(body.entries[1].note).toBe('Đã xác minh tại chợ');
      expect(body.entries.every((entry: Json) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    });

    it('publishes each step to Kafka in order, with the stage durations for the report', async () => {
      const events = await eventsOf(id);
      expect(events.map((event) => [event.type, event.sequence, event.actor.agency])).toEqual([
        ['incident.reported', 1, 'police'],
        ['incident.verified', 2, 'police'],
        ['incident.investigation-started', 3, 'police'],
        ['incident.referred-to-procuracy', 4, 'police'],
        ['incident.indicted', 5, 'procuracy'],
        ['incident.tried', 6, 'court'],
        ['incident.closed', 7, 'court'],
      ]);
      const stages = events.map((event) => (event.data as { stage?: { stage: string; seconds: number } | null }).stage?.stage ?? null);
      expect(stages).toEqual([null, 'reported-verified', null, 'verified-referred', 'referred-indicted', 'indicted-tried', null]);
      expect(events.every((event) => event.area === '25.227.07882')).toBe(true);
      expect(events[5]!.data).toMatchObject({ verdict: 'convicted', sentenceSummary: '2 năm tù giam' });
      expect(events[6]!.data).toMatchObject({ reason: 'verdict-final', fromStatus: 'tried', toStatus: 'closed' });
    });
  });

  describe('steps dated when they happened: a case keyed in after the fact', () => {
    const DAY = 86_400;
    /** Vietnam's wall clock `days` before now, at 09:00, with its offset. */
    const daysAgo = (days: number): string => `${new Date(Date.now() - days * DAY * 1000 + 7 * 3_600_000).toISOString().slice(0, 10)}T09:00:00+07:00`;
    let id: string;
    let version: number;

    async function take(body: Record<string, unknown>, as: typeof callers.policeVietTri = callers.policeVietTri): Promise<Json> {
      const response = await incidents.step(id, version, body, as);
      expect([body['action'], response.status, response.body.detail]).toEqual([body['action'], 200, undefined]);
      version = response.body.version;
      return response.body;
    }

    it('takes each step on the date it carries, and measures the stages between those dates', async () => {
      const created = await incidents.report(report({ occurredAt: daysAgo(101), reportedAt: daysAgo(100), summary: 'Cướp tài sản tại cầu Việt Trì, hồ sơ nhập lại' }));
      id = created.id;
      version = created.version;
      await take({ action: 'verify', takenAt: daysAgo(97) });
      await take({ action: 'start-investigation', takenAt: daysAgo(95) });
      await take({ action: 'refer-to-procuracy', takenAt: daysAgo(60) });
      await take({ action: 'indict', takenAt: daysAgo(39) }, callers.procuracyVietTri);
      const tried = await take({ action: 'record-verdict', verdict: 'convicted', sentenceSummary: '7 năm tù giam', takenAt: daysAgo(4) }, callers.courtVietTri);
      expect(tried.milestones).toEqual({
        verifiedAt: new Date(daysAgo(97)).toISOString(),
        referredAt: new Date(daysAgo(60)).toISOString(),
        indictedAt: new Date(daysAgo(39)).toISOString(),
        triedAt: new Date(daysAgo(4)).toISOString(),
        closedAt: null,
      });
      // No date: the step happens now.
      const closed = await take({ action: 'close', reason: 'verdict-final' }, callers.courtVietTri);
      expect(Math.abs(Date.parse(closed.milestones.closedAt) - Date.now())).toBeLessThan(60_000);

      const events = await eventsOf(id);
      const stages = events.flatMap((event) => {
        const stage = (event.data as { stage?: { stage: string; seconds: number } | null }).stage;
        return stage ? [[stage.stage, stage.seconds]] : [];
      });
      expect(stages).toEqual([
        ['reported-verified', 3 * DAY],
        ['verified-referred', 37 * DAY],
        ['referred-indicted', 21 * DAY],
        ['indicted-tried', 35 * DAY],
      ]);
      expect(events.slice(1, 6).map((event) => (event.data as { takenAt?: string }).takenAt)).toEqual([97, 95, 60, 39, 4].map((days) => new Date(daysAgo(days)).toISOString()));
      // The envelope keeps when the step was recorded; the data says when it happened.
      expect(events.every((event) => Date.now() - Date.parse(event.occurredAt) < 10 * 60_000)).toBe(true);
    });

    it('shows both dates in the timeline and keeps the recorded time in the audit', async () => {
      const { body } = await incidents.call('GET', `/api/v1/incidents/${id}/timeline`);
      const verify = body.entries.find((entry: Json) => entry.action === 'verify');
      expect(verify.takenAt).toBe(new Date(daysAgo(97)).toISOString());
      expect(Date.now() - Date.parse(verify.at)).toBeLessThan(10 * 60_000);
      expect(body.entries[0]).toMatchObject({ action: 'report', takenAt: new Date(daysAgo(100)).toISOString() });
      const audit = await incidents.call('GET', `/api/v1/audit?entityType=incident&entityId=${id}&limit=50`, undefined, { caller: callers.auditor });
      const verdict = audit.body.items.find((item: Json) => item.action === 'incident.transition' && item.after.action === 'record-verdict');
      expect(verdict.after.takenAt).toBe(new Date(daysAgo(4)).toISOString());
      expect(Date.now() - Date.parse(verdict.recordedAt)).toBeLessThan(10 * 60_000);
    });

    it('refuses a step dated before the previous one, or in the future, with 422 naming takenAt, and changes nothing', async () => {
      const created = await incidents.report(report({ occurredAt: daysAgo(30), reportedAt: daysAgo(29), summary: 'Gây rối tại nhà văn hóa khu 5' }));
      id = created.id;
      version = created.version;
      await take({ action: 'verify', takenAt: daysAgo(20) });
      const before = await incidents.snapshot(id);
      const tooEarly = await incidents.step(id, version, { action: 'start-investigation', takenAt: daysAgo(21) }, callers.policeVietTri);
      expect(tooEarly.status).toBe(422);
      expect(tooEarly.body).toMatchObject({ type: 'urn:binh-yen:problem:incident-step-before-previous', errors: [{ field: 'takenAt' }] });
      const future = await incidents.step(id, version, { action: 'start-investigation', takenAt: '2099-01-01T09:00:00+07:00' }, callers.policeVietTri);
      expect(future.status).toBe(422);
      expect(future.body).toMatchObject({ type: 'urn:binh-yen:problem:incident-step-in-future', errors: [{ field: 'takenAt' }] });
      const late = await incidents.report(report({ occurredAt: daysAgo(12), reportedAt: daysAgo(10), summary: 'Tin báo tiếp nhận muộn' }));
      const beforeReport = await incidents.step(late.id, late.version, { action: 'verify', takenAt: daysAgo(11) }, callers.policeVietTri);
      expect([beforeReport.status, beforeReport.body.errors[0].field]).toEqual([422, 'takenAt']);
      for (const takenAt of ['hôm qua', '2026-09-28', '2026-09-28T09:00:00']) {
        const malformed = await incidents.step(id, version, { action: 'start-investigation', takenAt }, callers.policeVietTri);
        expect({ takenAt, status: malformed.status, field: malformed.body.errors?.[0]?.field }).toEqual({ takenAt, status: 400, field: 'takenAt' });
      }
      expect(await incidents.snapshot(id)).toEqual(before);
      // The same day as the previous step is fine.
      expect((await take({ action: 'start-investigation', takenAt: daysAgo(20) })).status).toBe('under-investigation');
    });
  });

  it('mediates at the grassroots: the commune People’s Committee resolves and closes', async () => {
    const created = await incidents.report(report({ category: 'dispute-complaint', summary: 'Tranh chấp ranh giới đất giữa hai hộ gia đình' }));
    const verified = await incidents.step(created.id, 1, { action: 'verify' }, callers.policeVietTri);
    expect((await incidents.step(created.id, 2, { action: 'resolve-at-grassroots' }, callers.policeVietTri)).status).toBe(403);
    const resolved = await incidents.step(created.id, verified.body.version, { action: 'resolve-at-grassroots', note: 'Hòa giải thành' }, callers.committeeDuuLau);
    expect(resolved.body.status).toBe('resolved-at-grassroots');
    const closed = await incidents.step(created.id, resolved.body.version, { action: 'close', reason: 'mediated' }, callers.committeeDuuLau);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'mediated' });
  });

  it('returns a case for further investigation, refers it again, and the procuracy declines to prosecute', async () => {
    const created = await incidents.report(report({ category: 'smuggling', summary: 'Vận chuyển hàng lậu qua địa bàn' }));
    let version = created.version;
    const step = async (action: string, as = callers.policeVietTri, extra: Record<string, unknown> = {}): Promise<string> => {
      const response = await incidents.step(created.id, version, { action, ...extra }, as);
      expect([action, response.status]).toEqual([action, 200]);
      version = response.body.version;
      return response.body.status;
    };
    await step('verify');
    await step('start-investigation');
    await step('refer-to-procuracy');
    expect(await step('return-for-investigation', callers.procuracyVietTri)).toBe('under-investigation');
    await step('refer-to-procuracy');
    expect(await step('decline-prosecution', callers.procuracyVietTri)).toBe('not-prosecuted');
    expect(await step('close', callers.procuracyVietTri, { reason: 'not-prosecuted' })).toBe('closed');
    const rejected = await incidents.report(report({ summary: 'Tin báo không có căn cứ' }));
    expect((await incidents.step(rejected.id, 1, { action: 'reject' }, callers.policeVietTri)).body.status).toBe('rejected');
  });

  describe('no lost edits, no double reports', () => {
    it('refuses a stale update (old If-Match) with 412 and one without If-Match with 428, changing nothing', async () => {
      const created = await incidents.report(report({ summary: 'Đánh nhau gây thương tích' }));
      await incidents.step(created.id, 1, { action: 'verify' }, callers.policeVietTri);
      const before = await incidents.snapshot(created.id);
      const stale = await incidents.step(created.id, 1, { action: 'start-investigation' }, callers.policeVietTri);
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ type: 'urn:binh-yen:problem:stale-version', currentVersion: 2 });
      const missing = await incidents.call('POST', `/api/v1/incidents/${created.id}/transitions`, { action: 'start-investigation' });
      expect(missing.status).toBe(428);
      expect(missing.body.errors[0].field).toBe('If-Match');
      expect(await incidents.snapshot(created.id)).toEqual(before);
    });

    it('creates one incident for a POST retried with the same Idempotency-Key, and refuses the key with another body', async () => {
      const body = report({ summary: 'Cướp giật túi xách trên đường Hùng Vương' });
      const headers = { 'idempotency-key': 'tip-2026-08-14-0001' };
      const first = await incidents.call('POST', '/api/v1/incidents', body, { headers });
      const again = await incidents.call('POST', '/api/v1/incidents', body, { headers });
      expect([first.status, again.status]).toEqual([201, 201]);
      expect(again.body.id).toBe(first.body.id);
      expect(await incidents.sql(`SELECT id FROM incidents WHERE summary = $1`, ['Cướp giật túi xách trên đường Hùng Vương'])).toHaveLength(1);
      expect(await incidents.sql(`SELECT 1 FROM outbox WHERE message_key = $1 AND event_type = 'incident.reported'`, [first.body.id])).toHaveLength(1);
      const other = await incidents.call('POST', '/api/v1/incidents', { ...body, summary: 'Khác' }, { headers });
      expect(other.status).toBe(422);
      expect(other.body.errors[0].field).toBe('Idempotency-Key');
    });

    it('answers a retried step with the same key once, without a second event', async () => {
      const created = await incidents.report(report({ summary: 'Trộm chó ban đêm' }));
      const headers = { 'if-match': '"1"', 'idempotency-key': `verify-${created.id}` };
      const first = await incidents.call('POST', `/api/v1/incidents/${created.id}/transitions`, { action: 'verify' }, { headers });
      const again = await incidents.call('POST', `/api/v1/incidents/${created.id}/transitions`, { action: 'verify' }, { headers });
      expect([first.status, again.status, again.body.version]).toEqual([200, 200, 2]);
      expect(await incidents.sql(`SELECT 1 FROM outbox WHERE message_key = $1 AND event_type = 'incident.verified'`, [created.id])).toHaveLength(1);
    });
  });

  describe('intake is validated: problem details naming the field, never a 500', () => {
    const count = async (): Promise<number> => Number((await incidents.sql<{ n: string }>(`SELECT count(*) AS n FROM incidents`))[0]!.n);

    it('refuses an unknown unit and a dissolved one with 422 naming unitCode', async () => {
      const before = await count();
      const unknown = await incidents.call('POST', '/api/v1/incidents', report({ unitCode: '99999' }));
      expect(unknown.status).toBe(422);
      expect(unknown.body).toMatchObject({ type: 'urn:binh-yen:problem:incident-unknown-unit', errors: [{ field: 'unitCode' }] });
      const dissolved = await incidents.call('POST', '/api/v1/incidents', report({ unitCode: '07930' }));
      expect(dissolved.status).toBe(422);
      expect(dissolved.body.type).toBe('urn:binh-yen:problem:incident-unit-not-active');
      expect(dissolved.body.errors[0]).toMatchObject({ field: 'unitCode' });
      expect(dissolved.body.detail).toContain('dissolved');
      expect(await count()).toBe(before);
    });

    it('refuses unknown fields, bad types, bad coordinates and a bad enum with 400 naming each field', async () => {
      const response = await incidents.call('POST', '/api/v1/incidents', {
        ...report(),
        weapon: 'knife',
        occurredAt: 'hôm qua',
        coordinates: { latitude: 123, longitude: 'x' },
        people: { victims: -1 },
        source: 'rumour',
      });
      expect(response.status).toBe(400);
      const fields = response.body.errors.map((error: Json) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['weapon', 'occurredAt', 'coordinates.latitude', 'coordinates.longitude', 'people.victims', 'source']));
      const malformed = await fetch(`${incidents.service.url}/api/v1/incidents`, { method: 'POST', headers: { authorization: await bearer(callers.policeVietTri), 'content-type': 'application/json' }, body: '{"unitCode":' });
      expect(malformed.status).toBe(400);
    });

    it('refuses an unknown category, a future incident and informant details on a patrol report with 422 naming the field', async () => {
      const category = await incidents.call('POST', '/api/v1/incidents', report({ category: 'jaywalking' }));
      expect([category.status, category.body.errors[0].field]).toEqual([422, 'category']);
      const future = await incidents.call('POST', '/api/v1/incidents', report({ occurredAt: '2099-01-01T00:00:00+07:00' }));
      expect([future.status, future.body.errors[0].field]).toEqual([422, 'occurredAt']);
      const informant = await incidents.call('POST', '/api/v1/incidents', report({ source: 'patrol', informant: { name: 'X' } }));
      expect([informant.status, informant.body.errors[0].field]).toEqual([422, 'informant']);
      const domain = await incidents.call('POST', '/api/v1/incidents', report({ domain: 'outer-space' }));
      expect([domain.status, domain.body.errors[0].field]).toEqual([422, 'domain']);
    });

    it('refuses a report outside the caller’s area, and an agency that does not report', async () => {
      expect((await incidents.call('POST', '/api/v1/incidents', report({ unitCode: '08020' }))).status).toBe(403);
      expect((await incidents.call('POST', '/api/v1/incidents', report(), { caller: callers.procuracyVietTri })).status).toBe(403);
      expect((await incidents.call('GET', '/api/v1/incidents/not-a-uuid')).status).toBe(400);
      expect((await incidents.call('GET', '/api/v1/incidents/0190a0a0-0000-7000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('the taxonomy is data an administrator manages', () => {
    it('lists the seeded domains and categories of the directive', async () => {
      const { body } = await incidents.call('GET', '/api/v1/incident-taxonomy', undefined, { caller: callers.analyst });
      expect(body.domains.map((domain: Json) => domain.slug)).toEqual(
        expect.arrayContaining(['national-security', 'internal-security', 'state-secrets', 'economic-security', 'cultural-ideological-security', 'rural-security', 'social-order']),
      );
      expect(body.categories).toHaveLength(12);
      expect(body.categories.find((category: Json) => category.slug === 'drugs')).toMatchObject({ nameVi: 'Ma túy', defaultDomain: 'social-order' });
    });

    it('lets an administrator add a category that reports then use, and retire it', async () => {
      const category = { nameVi: 'Lừa đảo qua mạng', nameEn: 'Online fraud', defaultDomain: 'economic-security' };
      expect((await incidents.call('PUT', '/api/v1/incident-taxonomy/categories/online-fraud', category)).status).toBe(403);
      expect((await incidents.call('PUT', '/api/v1/incident-taxonomy/categories/online-fraud', { ...category, defaultDomain: 'nowhere' }, { caller: callers.administrator })).body.errors[0].field).toBe('defaultDomain');
      const added = await incidents.call('PUT', '/api/v1/incident-taxonomy/categories/online-fraud', category, { caller: callers.administrator });
      expect(added.status).toBe(200);
      const created = await incidents.report(report({ category: 'online-fraud', summary: 'Lừa đảo chiếm đoạt tiền qua Zalo' }));
      expect(created).toMatchObject({ category: 'online-fraud', domain: 'economic-security' });
      await incidents.call('PUT', '/api/v1/incident-taxonomy/categories/online-fraud', { ...category, active: false }, { caller: callers.administrator });
      expect((await incidents.call('POST', '/api/v1/incidents', report({ category: 'online-fraud' }))).status).toBe(422);
      const audit = await incidents.call('GET', '/api/v1/audit?entityType=incident-category&entityId=online-fraud', undefined, { caller: callers.auditor });
      expect(audit.body.items).toHaveLength(2);
    });
  });

  describe('reading: filters, full-text search with or without diacritics, cursor pages', () => {
    beforeAll(async () => {
      await incidents.report(report({ unitCode: '07885', category: 'gambling', source: 'public-tip', summary: 'Tụ tập đánh bạc tại quán nước đầu ngõ', occurredAt: '2026-08-02T21:00:00+07:00' }));
      await incidents.report(report({ unitCode: '0788201', category: 'drugs', source: 'media', summary: 'Nghi vấn mua bán ma túy ở khu trọ', occurredAt: '2026-07-01T01:00:00+07:00' }));
      await incidents.report(report({ unitCode: '08020', category: 'traffic-order', summary: 'Tai nạn giao thông trên quốc lộ 32C', occurredAt: '2026-06-30T23:30:00+07:00' }), callers.policeLamThao);
    });

    it.each(['đánh bạc', 'danh bac', 'ĐÁNH BẠC', 'quan nuoc'])('finds the gambling report as "%s"', async (q) => {
      const { status, body } = await incidents.call('GET', `/api/v1/incidents?q=${encodeURIComponent(q)}`, undefined, { caller: callers.analyst });
      expect(status).toBe(200);
      expect(body.items.map((item: Json) => item.summary)).toEqual(['Tụ tập đánh bạc tại quán nước đầu ngõ']);
    });

    it('filters by area subtree, category, domain, status, source and period', async () => {
      const list = async (query: string): Promise<string[]> =>
        (await incidents.call('GET', `/api/v1/incidents?${query}&limit=200`, undefined, { caller: callers.analyst })).body.items.map((item: Json) => item.summary);
      expect(await list('area=25.227.07882')).toContain('Nghi vấn mua bán ma túy ở khu trọ');
      expect(await list('area=25.237')).toEqual(['Tai nạn giao thông trên quốc lộ 32C']);
      expect(await list('category=gambling')).toEqual(['Tụ tập đánh bạc tại quán nước đầu ngõ']);
      expect(await list('source=media')).toEqual(['Nghi vấn mua bán ma túy ở khu trọ']);
      expect(await list('domain=economic-security')).toEqual(expect.arrayContaining(['Vận chuyển hàng lậu qua địa bàn', 'Lừa đảo chiếm đoạt tiền qua Zalo']));
      expect(await list('status=rejected')).toEqual(['Tin báo không có căn cứ']);
      // 1 July 01:00 in Phú Thọ is Q3 there, though still 30 June in UTC.
      expect(await list('quarter=2026-Q2')).toEqual(['Tai nạn giao thông trên quốc lộ 32C']);
      expect(await list('from=2026-07-01T00:00:00%2B07:00&to=2026-08-01T00:00:00%2B07:00')).toEqual(['Nghi vấn mua bán ma túy ở khu trọ']);
      expect((await incidents.call('GET', '/api/v1/incidents?status=lost&limit=0')).body.errors.map((error: Json) => error.field)).toEqual(expect.arrayContaining(['status', 'limit']));
    });

    it('shows each caller only its area, and no list to agencies outside the policy', async () => {
      const lamThao = await incidents.call('GET', '/api/v1/incidents?limit=200', undefined, { caller: callers.policeLamThao });
      expect(lamThao.body.items.map((item: Json) => item.unitCode)).toEqual(['08020']);
      expect((await incidents.call('GET', '/api/v1/incidents', undefined, { caller: callers.press })).status).toBe(403);
      const first = (await incidents.call('GET', '/api/v1/incidents?limit=1', undefined, { caller: callers.policeLamThao })).body.items[0];
      // Outside the area, as if it did not exist (ADR 0025).
      expect((await incidents.call('GET', `/api/v1/incidents/${first.id}`)).status).toBe(404);
    });

    it('pages with a cursor, newest first, without gaps or repeats', async () => {
      const all = (await incidents.call('GET', '/api/v1/incidents?limit=200', undefined, { caller: callers.analyst })).body.items.map((item: Json) => item.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const response: Json = await incidents.call('GET', `/api/v1/incidents?limit=3${cursor ? `&cursor=${cursor}` : ''}`, undefined, { caller: callers.analyst });
        paged.push(...response.body.items.map((item: Json) => item.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
      expect(all.length).toBeGreaterThan(6);
      expect([...all].sort().reverse()).toEqual(all);
    });
  });

  it('flags a possible duplicate (same unit, category, close in time, similar summary) without refusing it', async () => {
    const first = await incidents.report(report({ unitCode: '07888', category: 'criminal-offence', summary: 'Trộm cắp xe máy Honda Wave tại chợ Nông Trang', occurredAt: hoursAgo(30) }));
    const second = await incidents.report(report({ unitCode: '07888', category: 'criminal-offence', summary: 'Mất trộm xe máy Honda Wave ở chợ Nông Trang', occurredAt: hoursAgo(28) }));
    const unrelated = await incidents.report(report({ unitCode: '07888', category: 'criminal-offence', summary: 'Cố ý gây thương tích trong đám cưới', occurredAt: hoursAgo(27) }));
    expect(first.possibleDuplicateOf).toEqual([]);
    expect(second.possibleDuplicateOf).toEqual([first.id]);
    expect(unrelated.possibleDuplicateOf).toEqual([]);
    const flagged = await incidents.call('GET', '/api/v1/incidents?possibleDuplicate=true&area=25.227.07888', undefined, { caller: callers.analyst });
    expect(flagged.body.items.map((item: Json) => item.id)).toEqual([second.id]);
    const reported = (await eventsOf(second.id))[0]!;
    expect(reported.data).toMatchObject({ possibleDuplicateOf: [first.id] });
  });

  it('transfers a case to another unit (jurisdiction), keeping its status and moving its area', async () => {
    const created = await incidents.report(report({ unitCode: '07882', summary: 'Va chạm giao thông gây rối trật tự', category: 'traffic-order' }));
    const verified = await incidents.step(created.id, 1, { action: 'verify' }, callers.policeVietTri);
    const transfer = (body: Record<string, unknown>, version: number, as = callers.policeVietTri) =>
      incidents.call('POST', `/api/v1/incidents/${created.id}/transfer`, body, { caller: as, headers: { 'if-match': `"${version}"` } });
    expect((await transfer({ toUnitCode: '08020' }, 2)).status).toBe(403);
    expect((await transfer({ toUnitCode: '07882' }, 2)).body.errors[0].field).toBe('toUnitCode');
    expect((await transfer({ toUnitCode: '07885' }, 1)).status).toBe(412);
    const moved = await transfer({ toUnitCode: '07885', note: 'Xảy ra trên địa bàn Vân Cơ' }, verified.body.version);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ unitCode: '07885', area: '25.227.07885', status: 'verified', version: 3 });
    const events = await eventsOf(created.id);
    expect(events.map((event) => event.type)).toEqual(['incident.reported', 'incident.verified', 'incident.transferred']);
    expect(events[2]).toMatchObject({ area: '25.227.07885', data: { fromUnitCode: '07882', fromArea: '25.227.07882', toUnitCode: '07885', toArea: '25.227.07885', status: 'verified' } });
  });

  describe('the units replica follows renames, moves and merges', () => {
    it('shows a renamed unit’s new name on its incidents', async () => {
      await incidents.publishUnits([unitEvents.renamed(units.nongTrang, 'Phường Nông Trang mới')]);
      const list = await incidents.call('GET', '/api/v1/incidents?area=25.227.07888', undefined, { caller: callers.analyst });
      expect(list.body.items.length).toBeGreaterThan(0);
      expect(list.body.items.every((item: Json) => item.unitName === 'Phường Nông Trang mới')).toBe(true);
    });

    it('moves a unit’s incidents with it: area filters and area scope use its new path', async () => {
      const before = (await incidents.call('GET', '/api/v1/incidents?area=25.227.07888&limit=200', undefined, { caller: callers.analyst })).body.items.length;
      await incidents.publishUnits([unitEvents.moved(units.nongTrang, units.lamThao, 3)]);
      const underLamThao = await incidents.call('GET', '/api/v1/incidents?area=25.237.07888&limit=200', undefined, { caller: callers.analyst });
      expect(underLamThao.body.items).toHaveLength(before);
      expect(underLamThao.body.items.every((item: Json) => item.area === '25.237.07888')).toBe(true);
      expect((await incidents.call('GET', '/api/v1/incidents?area=25.227.07888', undefined, { caller: callers.analyst })).body.items).toEqual([]);
      // Việt Trì's police no longer act there; Lâm Thao's now do, and new reports carry the new path.
      expect((await incidents.call('POST', '/api/v1/incidents', report({ unitCode: '07888' }))).status).toBe(403);
      const fresh = await incidents.report(report({ unitCode: '07888', summary: 'Trộm gà ban đêm' }), callers.policeLamThao);
      expect(fresh.area).toBe('25.237.07888');
      expect((await eventsOf(fresh.id))[0]!.area).toBe('25.237.07888');
    });

    it('refuses reports into a merged unit, naming the unit it was merged into', async () => {
      await incidents.publishUnits([unitEvents.merged(units.vanCo, units.duuLau)]);
      const response = await incidents.call('POST', '/api/v1/incidents', report({ unitCode: '07885' }));
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ type: 'urn:binh-yen:problem:incident-unit-not-active', errors: [{ field: 'unitCode' }] });
      expect(response.body.detail).toContain('07882');
    });
  });
});
