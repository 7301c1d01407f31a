import { topicFor, type EventEnvelope } from '@binh-yen/contracts';
import { readTopic, repoRoot } from '@binh-yen/testing';
import { join } from 'node:path';
import { phuThoTownOfficer, UnitsUnderTest } from './units-harness';

describe('units registry on real PostgreSQL and Kafka', () => {
  const units = new UnitsUnderTest();

  beforeAll(async () => {
    await units.start();
    const imported = await units.importCsv(join(repoRoot(), 'apps/units/seed/phu-tho-1998.csv'), '--effective-from=1998-04-21');
    expect(imported.code).toBe(0);
  });

  afterAll(() => units.stop());

  describe('search', () => {
    it.each(['Việt Trì', 'Viet Tri', 'viet tri', 'VIỆT TRÌ', 'Vie\u0302\u0323t Tri\u0300'])('finds Việt Trì as "%s"', async (q) => {
      const { status, body } = await units.call('GET', `/api/v1/units?q=${encodeURIComponent(q)}&kind=district`);
      expect(status).toBe(200);
      expect(body.items.map((unit: { code: string }) => unit.code)).toEqual(['227']);
      expect(body.items[0].name).toBe('Thành phố Việt Trì');
    });

    it('finds đ as d: "Doan Hung"', async () => {
      const { body } = await units.call('GET', '/api/v1/units?q=doan%20hung&kind=district');
      expect(body.items[0].name).toBe('Huyện Đoan Hùng');
    });

    it('lists a subtree and the ancestors', async () => {
      const subtree = await units.call('GET', '/api/v1/units/07894/subtree');
      expect(subtree.body.map((unit: { code: string }) => unit.code)).toEqual(['07894', '0789401', '0789402', '0789403', 'CS0789401']);
      const ancestors = await units.call('GET', '/api/v1/units/0789401/ancestors');
      expect(ancestors.body.map((unit: { code: string }) => unit.code)).toEqual(['25', '227', '07894']);
    });

    it('answers each unit’s seat from the code list (WGS 84), none for a unit the list gives none', async () => {
      const subtree = await units.call('GET', '/api/v1/units/07894/subtree');
      const byCode = new Map(subtree.body.map((unit: { code: string; location: unknown }) => [unit.code, unit.location]));
      expect(byCode.get('07894')).toEqual({ latitude: 21.33, longitude: 105.4 });
      expect(byCode.get('0789401')).toBeNull();
      expect((await units.sql(`SELECT latitude, longitude FROM units WHERE code = '227'`))[0]).toEqual({ latitude: 21.3227, longitude: 105.4019 });
    });

    it('pages with a cursor', async () => {
      const first = await units.call('GET', '/api/v1/units?under=25.227&limit=10');
      const second = await units.call('GET', `/api/v1/units?under=25.227&limit=10&cursor=${first.body.nextCursor}`);
      expect(first.body.items).toHaveLength(10);
      expect(second.body.items[0].path > first.body.items[9].path).toBe(true);
    });

    it('shows only the caller’s area', async () => {
      const { body } = await units.call('GET', '/api/v1/units?q=viet%20tri', undefined, { caller: phuThoTownOfficer });
      expect(body.items).toEqual([]);
    });
  });

  describe('refusals, as problem details naming the field or rule', () => {
    it('refuses a move that would create a cycle', async () => {
      const { status, body } = await units.call('POST', '/api/v1/units/227/move', { newParentCode: '07894', effectiveFrom: '2026-07-01' });
      expect(status).toBe(422);
      expect(body.type).toBe('urn:binh-yen:problem:unit-cycle');
      expect(body.errors[0].field).toBe('newParentCode');
    });

    it('refuses merging a unit into its own descendant', async () => {
      const { status, body } = await units.call('POST', '/api/v1/units/merge', { sourceCodes: ['07894'], targetCode: 'CS0789401', effectiveFrom: '2026-07-01' });
      expect(status).toBe(422);
      expect(body.type).toBe('urn:binh-yen:problem:unit-merge-into-descendant');
    });

    it('refuses a weak rating without an improvement plan, and a future quarter', async () => {
      const weak = await units.call('PUT', '/api/v1/units/07897/ratings/2026-Q2', { rating: 'weak', assessor: 'Công an thành phố', assessedOn: '2026-07-05', justification: 'Nhiều vụ trộm cắp' });
      expect(weak.status).toBe(422);
      expect(weak.body.errors[0].field).toBe('improvementPlan');
      const future = await units.call('PUT', '/api/v1/units/07897/ratings/2099-Q1', { rating: 'strong', assessor: 'A', assessedOn: '2026-07-05', justification: 'x' });
      expect(future.status).toBe(422);
      expect(future.body.errors[0].field).toBe('quarter');
    });

    it('refuses a third pilot unit in a district for a year', async () => {
      expect((await units.call('POST', '/api/v1/units/230/pilots', { year: 2026, pilotUnitCode: '07981' })).status).toBe(201);
      expect((await units.call('POST', '/api/v1/units/230/pilots', { year: 2026, pilotUnitCode: '07984' })).status).toBe(201);
      const third = await units.call('POST', '/api/v1/units/230/pilots', { year: 2026, pilotUnitCode: '07987' });
      expect(third.status).toBe(409);
      expect(third.body.type).toBe('urn:binh-yen:problem:unit-too-many-pilots');
      const compliance = await units.call('GET', '/api/v1/pilots/compliance?year=2026');
      const doanHung = compliance.body.districts.find((district: { code: string }) => district.code === '230');
      expect(doanHung).toMatchObject({ pilotUnitCodes: ['07981', '07984'], compliant: true });
      expect(compliance.body.districts.find((district: { code: string }) => district.code === '231').compliant).toBe(false);
    });

    it('refuses a duplicate code, an unknown field and a bad subkind', async () => {
      const duplicate = await units.call('POST', '/api/v1/units', { code: '07894', name: 'Trùng', kind: 'commune', subkind: 'ward', parentCode: '227', effectiveFrom: '2026-01-01' });
      expect(duplicate.status).toBe(409);
      const unknown = await units.call('POST', '/api/v1/units', { code: '09999', name: 'X', kind: 'commune', subkind: 'ward', parentCode: '227', effectiveFrom: '2026-01-01', population: 5 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((error: { field: string }) => error.field)).toContain('population');
      const subkind = await units.call('POST', '/api/v1/units', { code: '09999', name: 'X', kind: 'commune', subkind: 'village', parentCode: '227', effectiveFrom: '2026-01-01' });
      expect(subkind.status).toBe(422);
      expect(subkind.body.errors[0].field).toBe('subkind');
    });

    it('lets each agency and role do only what the policy allows, and changes nothing when it refuses', async () => {
      const prosecutor = { subject: 'vks-01', agency: 'procuracy' as const, roles: ['officer' as const], area: '25' };
      const journalist = { subject: 'bao-phu-tho-01', agency: 'press' as const, roles: ['approver' as const], area: '25' };
      expect((await units.call('GET', '/api/v1/units/07894', undefined, { caller: prosecutor })).status).toBe(200);
      const refused = await units.call('POST', '/api/v1/units', { code: 'VKS01', name: 'X', kind: 'establishment', subkind: 'agency', parentCode: '227', effectiveFrom: '2026-01-01' }, { caller: prosecutor });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('unit.register');
      expect(await units.sql(`SELECT 1 FROM units WHERE code = 'VKS01'`)).toHaveLength(0);
      expect((await units.call('PUT', '/api/v1/units/07882/ratings/2026-Q1', { rating: 'strong', assessor: 'x', assessedOn: '2026-04-01', justification: 'x' }, { caller: journalist })).status).toBe(403);
      expect(await units.sql(`SELECT 1 FROM unit_ratings r JOIN units u ON u.id = r.unit_id WHERE u.code = '07882' AND r.quarter = '2026-Q1'`)).toHaveLength(0);
    });

    it('refuses a write outside the caller’s area', async () => {
      const { status } = await units.call('POST', '/api/v1/units/07894/rename', { name: 'Phường Gia Cẩm mới', effectiveFrom: '2026-07-01' }, { caller: phuThoTownOfficer });
      expect(status).toBe(403);
    });

    it('refuses a stale update (If-Match) and changes nothing', async () => {
      const current = await units.call('GET', '/api/v1/units/07900');
      const stale = await units.call('POST', '/api/v1/units/07900/rename', { name: 'Phường Thọ Sơn mới', effectiveFrom: '2026-07-01' }, { headers: { 'if-match': `"${current.body.version - 1 || 99}"` } });
      expect(stale.status).toBe(412);
      expect((await units.call('GET', '/api/v1/units/07900')).body.name).toBe('Phường Thọ Sơn');
      const fresh = await units.call('POST', '/api/v1/units/07900/rename', { name: 'Phường Thọ Sơn mới', effectiveFrom: '2026-07-01' }, { headers: { 'if-match': `"${current.body.version}"` } });
      expect(fresh.status).toBe(200);
      expect(fresh.body.version).toBe(current.body.version + 1);
    });

    it('refuses a dissolved unit with active children, a hotspot ending before it starts and training ending before it begins', async () => {
      const parent = await units.call('POST', '/api/v1/units/07915/dissolve', { reason: 'Giải thể', effectiveFrom: '2026-01-01' });
      expect(parent.status).toBe(409);
      expect(parent.body.type).toBe('urn:binh-yen:problem:unit-has-children');
      const hotspot = await units.call('POST', '/api/v1/units/07915/hotspots', { reason: 'Tranh chấp đất đai', fromQuarter: '2026-Q3', toQuarter: '2026-Q1' });
      expect(hotspot.status).toBe(422);
      expect(hotspot.body.errors[0].field).toBe('toQuarter');
      const training = await units.call('POST', '/api/v1/units/07915/training-sessions', { course: 'Võ thuật', forceType: 'mass-security-team', startsOn: '2026-09-10', endsOn: '2026-09-08', trainees: 5, hours: 8 });
      expect(training.status).toBe(422);
      expect(training.body.errors[0].field).toBe('endsOn');
      const model = await units.call('POST', '/api/v1/models', { unitCode: '07915', modelType: 'flying-patrol', name: 'X', startedOn: '2026-01-01', description: '' });
      expect(model.status).toBe(422);
      expect(model.body.errors[0].field).toBe('modelType');
      expect((await units.call('POST', '/api/v1/units/07915/hotspots', { reason: 'Tranh chấp đất đai kéo dài', fromQuarter: '2026-Q1', toQuarter: '2026-Q4' })).status).toBe(201);
    });

    it('grants a safety certification once a year and revokes it with a reason', async () => {
      expect((await units.call('POST', '/api/v1/units/07918/certifications', { year: 2025, grantedOn: '2025-12-20' })).status).toBe(201);
      expect((await units.call('POST', '/api/v1/units/07918/certifications', { year: 2025, grantedOn: '2025-12-21' })).status).toBe(409);
      const revoked = await units.call('POST', '/api/v1/units/07918/certifications/2025/revoke', { reason: 'Xảy ra vụ án nghiêm trọng', revokedOn: '2026-02-01' });
      expect(revoked.body).toEqual({ unitCode: '07918', year: 2025, status: 'revoked' });
      expect((await units.call('POST', '/api/v1/units/07918/certifications/2025/revoke', { reason: 'Lần hai', revokedOn: '2026-02-02' })).status).toBe(409);
    });

    it('splits a unit, handing every child to a part, and keeps the lineage', async () => {
      const missingChild = await units.call('POST', '/api/v1/units/07915/split', {
        effectiveFrom: '2026-07-01',
        parts: [
          { code: '07915A', name: 'Xã Phượng Lâu Bắc', subkind: 'commune', childCodes: ['0791501'] },
          { code: '07915B', name: 'Xã Phượng Lâu Nam', subkind: 'commune', childCodes: [] },
        ],
      });
      expect(missingChild.status).toBe(422);
      expect(missingChild.body.type).toBe('urn:binh-yen:problem:unit-children-left');
      const split = await units.call('POST', '/api/v1/units/07915/split', {
        effectiveFrom: '2026-07-01',
        parts: [
          { code: '07915A', name: 'Xã Phượng Lâu Bắc', subkind: 'commune', childCodes: ['0791501'] },
          { code: '07915B', name: 'Xã Phượng Lâu Nam', subkind: 'commune', childCodes: ['0791502'] },
        ],
      });
      expect(split.status).toBe(200);
      expect(split.body.map((unit: { path: string }) => unit.path)).toEqual(['25.227.07915A', '25.227.07915B']);
      expect((await units.call('GET', '/api/v1/units/0791502')).body.path).toBe('25.227.07915B.0791502');
      const lineage = await units.call('GET', '/api/v1/units/07915A/lineage');
      expect(lineage.body.cameFrom).toEqual([expect.objectContaining({ change: 'split', unit: expect.objectContaining({ code: '07915', status: 'split' }) })]);
    });

    it('refuses rating a dissolved unit', async () => {
      expect((await units.call('POST', '/api/v1/units/0808001/dissolve', { reason: 'Sáp nhập thôn', effectiveFrom: '2026-01-01' })).status).toBe(200);
      const { status, body } = await units.call('PUT', '/api/v1/units/0808001/ratings/2026-Q1', { rating: 'fair', assessor: 'A', assessedOn: '2026-04-02', justification: 'x' });
      expect(status).toBe(422);
      expect(body.type).toBe('urn:binh-yen:problem:unit-unit-not-active');
    });
  });

  it('creates one unit for a retried POST with the same Idempotency-Key', async () => {
    const body = { code: 'TH22701', name: 'Trường Tiểu học Gia Cẩm', kind: 'establishment', subkind: 'school', parentCode: '07894', effectiveFrom: '2026-09-05' };
    const headers = { 'idempotency-key': 'register-th22701-0001' };
    const first = await units.call('POST', '/api/v1/units', body, { headers });
    const again = await units.call('POST', '/api/v1/units', body, { headers });
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await units.sql(`SELECT id FROM units WHERE code = 'TH22701'`)).toHaveLength(1);
  });

  it('runs a full scenario with its events on the topics, in order per unit', async () => {
    const plan = { actions: ['Tăng cường tuần tra ban đêm'], responsibleAgency: 'police', targetQuarter: '2026-Q4' };
    expect((await units.call('POST', '/api/v1/units', { code: '0789404', name: 'Tổ dân phố 4 Gia Cẩm', kind: 'residential-area', subkind: 'residential-group', parentCode: '07894', effectiveFrom: '2026-07-01' })).status).toBe(201);
    expect((await units.call('PUT', '/api/v1/units/07897/ratings/2026-Q2', { rating: 'weak', assessor: 'Công an TP Việt Trì', assessedOn: '2026-07-05', justification: 'Nhiều vụ trộm', improvementPlan: plan })).status).toBe(200);
    expect((await units.call('PUT', '/api/v1/units/07897/ratings/2026-Q2', { rating: 'average', assessor: 'Công an TP Việt Trì', assessedOn: '2026-07-20', justification: 'Đã rà soát lại' })).status).toBe(200);
    expect((await units.call('POST', '/api/v1/units/07894/certifications', { year: 2026, grantedOn: '2026-08-01' })).status).toBe(201);
    expect((await units.call('POST', '/api/v1/units/227/pilots', { year: 2026, pilotUnitCode: '07894' })).status).toBe(201);
    expect((await units.call('POST', '/api/v1/units/07894/forces', { forceType: 'neighbourhood-guard', name: 'Tổ bảo vệ dân phố số 3', headcount: 12, leader: 'Trần Văn Bình' })).status).toBe(201);
    expect((await units.call('POST', '/api/v1/units/07894/training-sessions', { course: 'Nghiệp vụ tuần tra', forceType: 'neighbourhood-guard', startsOn: '2026-09-08', endsOn: '2026-09-10', trainees: 12, hours: 24 })).status).toBe(201);
    const model = await units.call('POST', '/api/v1/models', { unitCode: '07894', modelType: 'security-camera-network', name: 'Camera an ninh khu phố Gia Cẩm', startedOn: '2025-03-01', description: 'Lắp 24 camera tại các ngõ' });
    expect(model.status).toBe(201);
    const early = await units.call('POST', `/api/v1/models/${model.body.id}/replications`, { targetUnitCode: '07897', replicatedOn: '2026-08-01' });
    expect(early.status).toBe(422);
    expect((await units.call('POST', `/api/v1/models/${model.body.id}/reviews`, { kind: 'interim', reviewedOn: '2025-09-30', outcome: 'effective', lessons: 'Cần kinh phí bảo trì' })).status).toBe(201);
    expect((await units.call('POST', `/api/v1/models/${model.body.id}/reviews`, { kind: 'final', reviewedOn: '2026-06-30', outcome: 'effective', lessons: 'Nhân rộng được' })).status).toBe(201);
    expect((await units.call('POST', `/api/v1/models/${model.body.id}/recognition`, { recognisedOn: '2026-07-15' })).status).toBe(200);
    const copy = await units.call('POST', `/api/v1/models/${model.body.id}/replications`, { targetUnitCode: '07897', replicatedOn: '2026-08-01' });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ unitCode: '07897', sourceModelId: model.body.id, stage: 'registered' });
    // Merge Tiên Cát into Gia Cẩm: Tiên Cát's residential groups move under Gia Cẩm.
    const merged = await units.call('POST', '/api/v1/units/merge', { sourceCodes: ['07897'], targetCode: '07894', effectiveFrom: '2026-10-01' });
    expect(merged.status).toBe(200);
    expect((await units.call('GET', '/api/v1/units/0789701')).body.path).toBe('25.227.07894.0789701');
    const lineage = await units.call('GET', '/api/v1/units/07897/lineage');
    expect(lineage.body.unit.status).toBe('merged');
    expect(lineage.body.wentTo.map((entry: { unit: { code: string } }) => entry.unit.code)).toEqual(['07894']);
    const ratings = await units.call('GET', '/api/v1/units/07897/ratings');
    expect(ratings.body.map((r: { revision: number; current: boolean; rating: string }) => [r.revision, r.current, r.rating])).toEqual([
      [2, true, 'average'],
      [1, false, 'weak'],
    ]);

    const waitForTopic = async (topic: string, type: string): Promise<EventEnvelope[]> => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const events = (await readTopic(topic)).map((message) => JSON.parse(message.value!.toString()) as EventEnvelope);
        if (events.some((event) => event.type === type)) return events;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`${type} never reached ${topic}`);
    };
    const unitEvents = await waitForTopic(topicFor('unit', units.topicPrefix), 'unit.merged');
    const modelEvents = await waitForTopic(topicFor('model', units.topicPrefix), 'model.replicated');
    const typesOf = (events: EventEnvelope[], aggregateCode: string) =>
      events.filter((event) => (event.data as { code?: string }).code === aggregateCode).map((event) => event.type);
    expect(typesOf(unitEvents, '07897')).toEqual(['unit.registered', 'unit.rated', 'unit.rated', 'unit.merged']);
    expect(typesOf(unitEvents, '07894')).toEqual(expect.arrayContaining(['unit.registered', 'unit.certified', 'unit.force-registered', 'unit.training-recorded']));
    expect(typesOf(unitEvents, '227')).toEqual(['unit.registered', 'unit.pilot-designated']);
    expect(typesOf(unitEvents, '0789701')).toEqual(['unit.registered', 'unit.moved']);
    expect(modelEvents.filter((event) => event.aggregate.id === model.body.id).map((event) => event.type)).toEqual([
      'model.registered',
      'model.reviewed',
      'model.reviewed',
      'model.recognised-advanced',
      'model.replicated',
    ]);
    // Per aggregate, the topic carries the events in sequence order.
    for (const events of [unitEvents, modelEvents]) {
      const byAggregate = new Map<string, number[]>();
      for (const event of events) byAggregate.set(event.aggregate.id, [...(byAggregate.get(event.aggregate.id) ?? []), event.sequence]);
      for (const sequences of byAggregate.values()) expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    }
  });

  it('keeps an audit trail of every write that an auditor can query by entity and person', async () => {
    const auditor = { subject: 'thanh-tra-01', agency: 'people-committee' as const, roles: ['auditor' as const], area: '25' };
    const unit = await units.call('GET', '/api/v1/units/07903');
    await units.call('POST', '/api/v1/units/07903/rename', { name: 'Phường Thanh Miếu (mới)', effectiveFrom: '2026-07-01' }, { headers: { 'x-request-id': 'req-rename-07903' } });
    await units.call('PUT', '/api/v1/units/07903/ratings/2026-Q2', { rating: 'fair', assessor: 'Đoàn kiểm tra', assessedOn: '2026-07-02', justification: 'Đạt yêu cầu' });
    expect((await units.call('GET', `/api/v1/audit?entityId=${unit.body.id}`)).status).toBe(403);
    const trail = await units.call('GET', `/api/v1/audit?entityType=unit&entityId=${unit.body.id}`, undefined, { caller: auditor });
    expect(trail.status).toBe(200);
    expect(trail.body.items.map((entry: { action: string }) => entry.action)).toEqual(['unit.reorganise', 'unit.rate']);
    expect(trail.body.items[0]).toMatchObject({
      subject: 'ubnd-tinh-01',
      agency: 'people-committee',
      before: { name: 'Phường Thanh Miếu' },
      after: { name: 'Phường Thanh Miếu (mới)' },
      requestId: 'req-rename-07903',
    });
    const bySubject = await units.call('GET', '/api/v1/audit?subject=ubnd-tinh-01&limit=500', undefined, { caller: auditor });
    expect(bySubject.body.items.length).toBeGreaterThan(10);
  });
  describe('an area is a unit path and a search is text, never a pattern (issue 23, finding 3)', () => {
    it('refuses a token whose area holds a LIKE wildcard instead of reading Việt Trì through it', async () => {
      for (const area of ['25.2_7', '25.22%', '%', '25.2%7']) {
        const answer = await units.call('GET', '/api/v1/units?under=25.227&limit=5', undefined, { caller: { ...phuThoTownOfficer, area } });
        expect([area, answer.status, JSON.stringify(answer.body).includes('Việt Trì')]).toEqual([area, 401, false]);
      }
    });

    it.each(['%', '_', '%%', 'Vi_t Tr%'])('finds nothing for the search "%s": it is text, not a wildcard', async (q) => {
      const { status, body } = await units.call('GET', `/api/v1/units?q=${encodeURIComponent(q)}`);
      expect([status, body.items]).toEqual([200, []]);
    });

    it.each(['2_7', 'A%1', 'ab1', '２２７', 'CQ\u0410'])('refuses to register a unit coded "%s": codes are capital letters and digits', async (code) => {
      const answer = await units.call('POST', '/api/v1/units', { code, name: 'Phường Thử', kind: 'commune', subkind: 'ward', parentCode: '227', effectiveFrom: '2026-01-01' });
      expect([answer.status, answer.body.errors?.[0]?.field]).toEqual([400, 'code']);
    });
  });
});

