import { uuidv7 } from '@binh-yen/contracts';
import { bearer, callerClaims, signTestToken } from '@binh-yen/testing';
import { callers, IncidentsUnderTest, phuThoUnits, report, type Json } from './incidents-harness';

/**
 * What an outside attacker found in the incidents service (issue 23), each as the request
 * that showed it: tokens the service should not have taken, privileges wider than the
 * caller's area, answers that told more than they should.
 */
describe('incidents: the holes of issue 23 stay closed', () => {
  const incidents = new IncidentsUnderTest();
  let inVietTri: Json;

  beforeAll(async () => {
    await incidents.start();
    await incidents.publishUnits(phuThoUnits().events);
    inVietTri = await incidents.report(report({ summary: 'Trộm cắp tài sản tại Dữu Lâu (kiểm thử bảo mật)' }));
  });

  afterAll(() => incidents.stop());

  const withToken = (token: string): { headers: Record<string, string> } => ({ headers: { authorization: `Bearer ${token}` } });

  describe('finding 4: only tokens for this platform, that expire, with a sane subject', () => {
    const claims = callerClaims(callers.policeVietTri);

    it.each([
      ['another issuer', { issuer: 'https://id.other-app.invalid' }],
      ['no issuer', { issuer: null }],
      ['another audience', { audience: 'another-application' }],
      ['no audience', { audience: null }],
      ['no expiry', { expiresInSeconds: null }],
    ] as const)('refuses a token with %s: 401 with WWW-Authenticate', async (_label, shape) => {
      const answer = await incidents.call('GET', '/api/v1/incidents', undefined, withToken(await signTestToken(claims, shape)));
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="binh-yen"/);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    });

    it.each([
      ['a NUL byte', 'cb\u0000viet-tri'],
      ['a line break', 'cb\nviet-tri'],
      ['201 characters', 'c'.repeat(201)],
    ])('answers a write by a subject with %s 401, never 500, and records nothing', async (_label, subject) => {
      const before = await incidents.sql<{ n: string }>('SELECT count(*) AS n FROM incidents');
      const token = await signTestToken({ ...claims, sub: subject });
      const answer = await incidents.call('POST', '/api/v1/incidents', report(), withToken(token));
      expect(answer.status).toBe(401);
      expect(await incidents.sql('SELECT count(*) AS n FROM incidents')).toEqual(before);
    });

    it('asks for a token with WWW-Authenticate when none is sent', async () => {
      const response = await fetch(`${incidents.service.url}/api/v1/incidents`);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="binh-yen"');
    });
  });

  describe('finding 5: province-wide settings need a province-level role', () => {
    const category = { nameVi: 'Lừa đảo qua mạng', nameEn: 'Online fraud', defaultDomain: 'social-order' };

    it('refuses a district administrator a change to the province’s taxonomy, and changes nothing', async () => {
      const districtAdministrator = { ...callers.administrator, subject: 'quan-tri-viet-tri', area: '25.227' };
      const before = await incidents.sql('SELECT slug, active FROM incident_categories ORDER BY slug');
      const retire = await incidents.call('PUT', '/api/v1/incident-taxonomy/categories/criminal-offence', { nameVi: 'Phạm tội', nameEn: 'Criminal offence', defaultDomain: 'social-order', active: false }, { caller: districtAdministrator });
      expect(retire.status).toBe(403);
      expect((await incidents.call('PUT', '/api/v1/incident-taxonomy/categories/online-fraud-district', category, { caller: districtAdministrator })).status).toBe(403);
      expect(await incidents.sql('SELECT slug, active FROM incident_categories ORDER BY slug')).toEqual(before);
      expect((await incidents.call('PUT', '/api/v1/incident-taxonomy/categories/online-fraud-province', category, { caller: callers.administrator })).status).toBe(200);
    });
  });

  describe('finding 7: answers tell nothing about what lies outside the caller’s area', () => {
    it('answers an incident outside the area exactly as one that does not exist', async () => {
      const unknown = uuidv7();
      const outside = await incidents.call('GET', `/api/v1/incidents/${inVietTri.id}`, undefined, { caller: callers.policeLamThao });
      const missing = await incidents.call('GET', `/api/v1/incidents/${unknown}`, undefined, { caller: callers.policeLamThao });
      expect(outside.status).toBe(404);
      expect({ ...outside.body, detail: outside.body.detail.replace(inVietTri.id, '<id>'), instance: undefined }).toEqual({ ...missing.body, detail: missing.body.detail.replace(unknown, '<id>'), instance: undefined });
      for (const suffix of ['/timeline', '/informant']) {
        const approver = { ...callers.policeLamThao, roles: ['approver' as const] };
        const [a, b] = [await incidents.call('GET', `/api/v1/incidents/${inVietTri.id}${suffix}`, undefined, { caller: approver }), await incidents.call('GET', `/api/v1/incidents/${unknown}${suffix}`, undefined, { caller: approver })];
        expect([suffix, a.status, a.body.title]).toEqual([suffix, b.status, b.body.title]);
      }
      const step = await incidents.step(inVietTri.id, inVietTri.version, { action: 'verify' }, callers.policeLamThao);
      const stepUnknown = await incidents.step(unknown, 1, { action: 'verify' }, callers.policeLamThao);
      expect([step.status, step.body.title]).toEqual([404, stepUnknown.body.title]);
      expect(JSON.stringify([outside.body, step.body])).not.toContain('25.227');
    });

    it('refuses a report in a unit outside the area without naming the unit’s path', async () => {
      const answer = await incidents.call('POST', '/api/v1/incidents', report({ unitCode: '08020' }), { caller: callers.policeVietTri });
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toMatch(/25\.237|08020/);
    });

    it('replays an Idempotency-Key only to the same subject in the same area', async () => {
      const key = `moved-officer-${uuidv7()}`;
      const officer = { ...callers.policeVietTri, subject: 'ca-chuyen-cong-tac-01' };
      const first = await incidents.call('POST', '/api/v1/incidents', report(), { caller: officer, headers: { 'idempotency-key': key } });
      expect(first.status).toBe(201);
      // The same officer, moved to Lâm Thao: the old area's incident is not theirs to see any more.
      const moved = await incidents.call('POST', '/api/v1/incidents', report(), { caller: { ...officer, area: '25.237' }, headers: { 'idempotency-key': key } });
      expect(moved.status).toBe(403);
      expect(JSON.stringify(moved.body)).not.toContain(first.body.id);
      const again = await incidents.call('POST', '/api/v1/incidents', report(), { caller: officer, headers: { 'idempotency-key': key } });
      expect([again.status, again.body.id]).toEqual([201, first.body.id]);
    });

    it('tells caches to keep no incident answer, refusals included', async () => {
      const answers = [
        await incidents.call('GET', `/api/v1/incidents/${inVietTri.id}`),
        await incidents.call('GET', '/api/v1/incidents?limit=5'),
        await incidents.call('GET', `/api/v1/incidents/${inVietTri.id}/timeline`),
        await incidents.call('POST', '/api/v1/incidents', report({ summary: 'Đánh bạc tại Vân Cơ (kiểm thử bộ nhớ đệm)' })),
        await incidents.call('GET', `/api/v1/incidents/${uuidv7()}`),
        await incidents.call('GET', '/api/v1/audit', undefined, { caller: callers.auditor }),
      ];
      expect(answers.map((answer) => answer.headers.get('cache-control'))).toEqual(answers.map(() => 'no-store'));
    });
  });

  describe('finding 3: an area is a unit path, never a pattern', () => {
    it('refuses a token whose area holds a LIKE wildcard, instead of reading Việt Trì through it', async () => {
      for (const area of ['25.2_7', '25.22%', '25.%', '2_']) {
        const answer = await incidents.call('GET', '/api/v1/incidents?limit=100', undefined, { headers: { authorization: await bearer({ ...callers.policeLamThao, area }) } });
        expect([area, answer.status, JSON.stringify(answer.body).includes(inVietTri.id)]).toEqual([area, 401, false]);
      }
    });

    it('refuses a wildcard in the area filter, naming the field', async () => {
      const answer = await incidents.call('GET', '/api/v1/incidents?area=25.2_7', undefined, { caller: callers.policeProvinceLead });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].field).toBe('area');
    });
  });
});
