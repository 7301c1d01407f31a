import type { Action, Agency, Caller } from '@binh-yen/auth';
import { INSIDE, type Fixture, type Json, type ServiceName } from './matrix-support';

/** Calls a service as a caller; throws unless 2xx (the fixtures' own set-up must succeed). */
export type Call = (service: ServiceName, caller: Caller, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Json>;

const as = (agency: Agency, role: Caller['roles'][number] = 'officer'): Caller => ({ subject: `fixture-${agency}-${role}`, agency, roles: [role], area: INSIDE });
const committee = as('people-committee');
const police = as('police');
const procuracy = as('procuracy');
const press = as('press');
// Projection rebuilds are the platform operators' (the system agency, at the province).
const operator = as('system', 'operator');

/** Việt Trì (25.227) and two of its wards: where every fixture lives. */
const VIET_TRI = '227';
const WARD = '07882';
const OTHER_WARD = '07885';

const MANAGE_AGENCIES: Agency[] = ['people-committee', 'police', 'fatherland-front', 'womens-union', 'youth-union', 'farmers-association', 'veterans-association'];
const RECORD_AGENCIES: Agency[] = [...MANAGE_AGENCIES, 'justice'];

export interface Shared {
  today: string;
  quarter: string;
  unitA: string;
  unitB: string;
  certificationYear: number;
  modelType: string;
  modelId: string;
  domainSlug: string;
  incidents: Record<'reported' | 'verified' | 'referred' | 'indicted' | 'tip', { id: string; version: number }>;
  campaign: { id: string; version: number };
  agreementId: string;
  storyId: string;
  commendationId: string;
  submissionId: string;
  rebuildId: string;
}

/** Builds the shared fixtures (before the denied batches) and the fixture table. */
export async function prepareFixtures(call: Call): Promise<{ shared: Shared; fixtures: Record<string, Fixture> }> {
  let counter = 0;
  const seq = (): number => (counter += 1);
  let year = 1999;
  const freshYear = (): number => (year += 1);
  let quarterIndex = 0;
  const freshQuarter = (): string => {
    quarterIndex += 1;
    return `${2000 + Math.floor(quarterIndex / 4)}-Q${(quarterIndex % 4) + 1}`;
  };
  const tag = Date.now().toString(36);
  // Unit codes are capital letters and digits (ADR 0025).
  const codeTag = tag.toUpperCase();
  const today = vietnamToday();
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;

  const freshUnit = async (): Promise<string> => {
    const code = `M${codeTag}${seq()}`.slice(0, 32);
    await call('units', committee, 'POST', '/api/v1/units', { code, name: `Phường Ma Trận ${code}`, kind: 'commune', subkind: 'ward', parentCode: VIET_TRI, effectiveFrom: '2020-01-01' });
    return code;
  };
  const certify = async (code: string): Promise<number> => {
    const certYear = freshYear();
    await call('units', committee, 'POST', `/api/v1/units/${code}/certifications`, { year: certYear, grantedOn: `${certYear}-12-20` });
    return certYear;
  };
  const modelTypes: Json[] = await call('units', committee, 'GET', '/api/v1/model-types');
  const modelType: string = modelTypes[0].slug;
  const freshModel = async (stage: 'registered' | 'effective' | 'recognised'): Promise<string> => {
    const model = await call('units', committee, 'POST', '/api/v1/models', {
      unitCode: WARD,
      modelType,
      name: `Mô hình ma trận ${seq()}`,
      startedOn: '2024-01-10',
      description: 'Mô hình tự quản về an ninh trật tự (kiểm thử phân quyền)',
    });
    if (stage !== 'registered') {
      await call('units', committee, 'POST', `/api/v1/models/${model.id}/reviews`, { kind: 'final', reviewedOn: '2025-01-10', outcome: 'effective', lessons: 'Hiệu quả' });
    }
    if (stage === 'recognised') await call('units', committee, 'POST', `/api/v1/models/${model.id}/recognition`, { recognisedOn: '2025-02-10' });
    return model.id;
  };

  const taxonomy: Json = await call('incidents', police, 'GET', '/api/v1/incident-taxonomy');
  const domainSlug: string = (taxonomy.domains ?? taxonomy)[0].slug;
  type Stage = 'reported' | 'verified' | 'referred' | 'indicted';
  const freshIncident = async (stage: Stage, source = 'patrol'): Promise<{ id: string; version: number }> => {
    let incident: Json = await call('incidents', police, 'POST', '/api/v1/incidents', {
      unitCode: WARD,
      category: 'criminal-offence',
      source,
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      summary: `Trộm cắp tài sản (ma trận ${seq()})`,
      ...(source === 'public-tip' ? { informant: { name: 'Nguyễn Văn Tin', contact: '0912345678' } } : {}),
    });
    const steps: [Caller, Json][] = [];
    if (stage !== 'reported') steps.push([police, { action: 'verify' }]);
    if (stage === 'referred' || stage === 'indicted') steps.push([police, { action: 'start-investigation' }], [police, { action: 'refer-to-procuracy' }]);
    if (stage === 'indicted') steps.push([procuracy, { action: 'indict' }]);
    for (const [caller, body] of steps) {
      incident = await call('incidents', caller, 'POST', `/api/v1/incidents/${incident.id}/transitions`, body, { 'if-match': `"${incident.version}"` });
    }
    return { id: incident.id, version: incident.version };
  };

  const freshCampaign = async (lead: Agency, activate: boolean): Promise<{ id: string; version: number }> => {
    let campaign: Json = await call('campaigns', committee, 'POST', '/api/v1/campaigns', {
      name: `Chiến dịch ma trận ${seq()}`,
      kind: 'movement',
      leadAgency: lead,
      partnerAgencies: RECORD_AGENCIES.filter((agency) => agency !== lead),
      scopeUnitCodes: [VIET_TRI],
      startsOn: dayOffset(today, -90),
      endsOn: dayOffset(today, 90),
      goals: [{ measure: 'households-pledged', target: 100 }],
    });
    if (activate) campaign = await call('campaigns', committee, 'POST', `/api/v1/campaigns/${campaign.id}/status`, { status: 'active', on: dayOffset(today, -80) }, { 'if-match': `"${campaign.version}"` });
    return { id: campaign.id, version: campaign.version };
  };
  /** The campaign a caller directs: its own agency leads it when it may lead one. */
  const leadFor = (caller: Caller): Agency => (MANAGE_AGENCIES.includes(caller.agency) ? caller.agency : 'fatherland-front');

  const agreementBody = (agency: Agency): Json => {
    const parties: Agency[] = agency === 'police' ? ['police', 'fatherland-front'] : [agency, 'police'];
    return {
      title: `Quy chế phối hợp ma trận ${seq()}`,
      parties,
      signedOn: dayOffset(today, -30),
      effectiveFrom: dayOffset(today, -29),
      scopeUnitCodes: [VIET_TRI],
      obligations: parties.map((party) => ({ party, text: 'Phối hợp bảo đảm an ninh trật tự' })),
    };
  };
  const submit = async (): Promise<string> =>
    (await call('reporting', police, 'POST', '/api/v1/reports/submissions', { area: '25.227', quarter: freshQuarter(), narrative: 'Tình hình an ninh trật tự ổn định' })).id;

  // Shared targets, made before the denied batches so that nothing is created while they run.
  const [unitA, unitB] = [await freshUnit(), await freshUnit()];
  const shared: Shared = {
    today,
    quarter,
    unitA,
    unitB,
    certificationYear: await certify(OTHER_WARD),
    modelType,
    modelId: await freshModel('recognised'),
    domainSlug,
    incidents: {
      reported: await freshIncident('reported'),
      verified: await freshIncident('verified'),
      referred: await freshIncident('referred'),
      indicted: await freshIncident('indicted'),
      tip: await freshIncident('reported', 'public-tip'),
    },
    campaign: await freshCampaign('fatherland-front', true),
    // Every agency that may lead a campaign is a party, so any campaign may implement it.
    agreementId: (await call('campaigns', police, 'POST', '/api/v1/agreements', { ...agreementBody('police'), parties: RECORD_AGENCIES, obligations: RECORD_AGENCIES.map((party) => ({ party, text: 'Phối hợp' })) })).id,
    storyId: '',
    commendationId: '',
    submissionId: await submit(),
    rebuildId: (await call('reporting', operator, 'POST', '/api/v1/admin/projections/movement/rebuilds')).id,
  };
  const storyBody = (): Json => ({
    outlet: { name: 'Báo Phú Thọ', kind: 'newspaper' },
    publishedOn: today,
    title: `Gương người tốt việc tốt ${seq()}`,
    link: null,
    about: { kind: 'person', name: 'Trần Thị Mai' },
    unitCode: WARD,
  });
  const commendationBody = (): Json => ({
    recipient: { kind: 'person', name: `Lê Văn Khen ${seq()}`, unitCode: WARD },
    level: 'province',
    reason: 'Thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
    awardedOn: today,
  });
  await call('units', police, 'POST', `/api/v1/units/${WARD}/forces`, { forceType: 'mass-security-team', name: 'Tổ an ninh nhân dân (dùng chung)', headcount: 10, leader: 'Phạm Văn Tổ' });
  shared.storyId = (await call('campaigns', press, 'POST', '/api/v1/stories', storyBody())).id;
  shared.commendationId = (await call('campaigns', committee, 'POST', '/api/v1/commendations', commendationBody())).id;

  const read = (path: string, more: Partial<Fixture> = {}): Fixture => ({ ...more, request: async () => ({ path }) });
  const filteredList = (path: string, hidden: () => string[]): Fixture =>
    read(path, { unscoped: 'a list filtered to the caller’s own area: an outside caller gets 200 without Việt Trì’s records', hiddenOutside: hidden });
  const global = (path: string, what: string): Fixture => read(path, { unscoped: `${what} is the same everywhere (not area data)` });
  /** A one-shot operation on a fresh unit for each allowed request; denied ones aim at a shared unit. */
  const onUnit = (make: (code: string) => Json, suffix: string): Fixture => ({
    request: async ({ expected }) => {
      const code = expected ? await freshUnit() : unitA;
      return { path: `/api/v1/units/${code}/${suffix}`, body: make(code) };
    },
  });
  const onIncident = (suffix: string): Fixture => read(`/api/v1/incidents/${shared.incidents.reported.id}${suffix}`, { outsideStatus: RECORD_HIDDEN });
  const campaignPath = (suffix = ''): string => `/api/v1/campaigns/${shared.campaign.id}${suffix}`;
  const VIET_TRI_RECORDS = '"path":"25.227';

  /** Incident lifecycle: each agency is sent the step it owns (case-lifecycle.ts), so the policy decides; others are sent "verify". */
  const stepOf: Partial<Record<Agency, { from: Stage; body: Json }>> = {
    police: { from: 'reported', body: { action: 'verify', note: 'Đã xác minh' } },
    'people-committee': { from: 'verified', body: { action: 'resolve-at-grassroots', note: 'Hòa giải ở cơ sở' } },
    procuracy: { from: 'referred', body: { action: 'indict', note: 'Truy tố' } },
    court: { from: 'indicted', body: { action: 'record-verdict', verdict: 'convicted', sentenceSummary: 'Phạt tù 12 tháng cho hưởng án treo' } },
  };

  const fixtures: Record<string, Fixture> = {
    // ── units ───────────────────────────────────────────────────────────────
    'GET /api/v1/units': filteredList('/api/v1/units?under=25.227', () => [VIET_TRI_RECORDS]),
    'POST /api/v1/units': {
      request: async () => {
        const code = `N${codeTag}${seq()}`.slice(0, 32);
        return { path: '/api/v1/units', body: { code, name: `Phường Mới ${code}`, kind: 'commune', subkind: 'ward', parentCode: VIET_TRI, effectiveFrom: '2020-01-01' } };
      },
    },
    'POST /api/v1/units/merge': {
      request: async ({ expected }) => {
        const [source, target] = expected ? [await freshUnit(), await freshUnit()] : [unitA, unitB];
        return { path: '/api/v1/units/merge', body: { sourceCodes: [source], targetCode: target, effectiveFrom: today } };
      },
    },
    'GET /api/v1/me': read('/api/v1/me', { unscoped: 'the caller’s own identity and area name: nothing of another area' }),
    'GET /api/v1/units/{code}': read(`/api/v1/units/${WARD}`, { outsideStatus: UNIT_HIDDEN }),
    'GET /api/v1/units/{code}/subtree': read(`/api/v1/units/${WARD}/subtree`, { outsideStatus: UNIT_HIDDEN }),
    'GET /api/v1/units/{code}/ancestors': read(`/api/v1/units/${WARD}/ancestors`, { outsideStatus: UNIT_HIDDEN }),
    'GET /api/v1/units/{code}/lineage': read(`/api/v1/units/${WARD}/lineage`, { outsideStatus: UNIT_HIDDEN }),
    'POST /api/v1/units/{code}/rename': onUnit((code) => ({ name: `Phường Đổi Tên ${code}`, effectiveFrom: today }), 'rename'),
    'POST /api/v1/units/{code}/move': onUnit(() => ({ newParentCode: '228', effectiveFrom: today }), 'move'),
    'POST /api/v1/units/{code}/split': onUnit(
      (code) => ({
        effectiveFrom: today,
        parts: [1, 2].map((part) => ({ code: `${code}S${part}`.slice(-32), name: `Phường Tách ${code} ${part}`, subkind: 'ward', childCodes: [] })),
      }),
      'split',
    ),
    'POST /api/v1/units/{code}/dissolve': onUnit(() => ({ reason: 'Giải thể theo quyết định (kiểm thử)', effectiveFrom: today }), 'dissolve'),
    'PUT /api/v1/units/{code}/ratings/{quarter}': {
      request: async () => ({
        path: `/api/v1/units/${WARD}/ratings/${quarter}`,
        body: { rating: 'fair', assessor: 'Đoàn kiểm tra liên ngành', assessedOn: today, justification: `Kết quả kiểm tra ${seq()}` },
      }),
    },
    'GET /api/v1/units/{code}/ratings': read(`/api/v1/units/${WARD}/ratings`, { outsideStatus: UNIT_HIDDEN }),
    'POST /api/v1/units/{code}/certifications': {
      request: async ({ expected }) => {
        const certYear = expected ? freshYear() : 2098;
        return { path: `/api/v1/units/${OTHER_WARD}/certifications`, body: { year: certYear, grantedOn: `${certYear}-12-20` } };
      },
    },
    'POST /api/v1/units/{code}/certifications/{year}/revoke': {
      request: async ({ expected }) => {
        const certYear = expected ? await certify(OTHER_WARD) : shared.certificationYear;
        return { path: `/api/v1/units/${OTHER_WARD}/certifications/${certYear}/revoke`, body: { reason: 'Vi phạm điều kiện (kiểm thử)', revokedOn: `${certYear + 1}-02-01` } };
      },
    },
    'POST /api/v1/units/{code}/hotspots': {
      request: async ({ expected }) => {
        const from = expected ? freshYear() : 2097;
        return { path: `/api/v1/units/${WARD}/hotspots`, body: { reason: 'Tụ điểm phức tạp (kiểm thử)', fromQuarter: `${from}-Q1`, toQuarter: `${from}-Q2` } };
      },
    },
    'POST /api/v1/units/{code}/pilots': { request: async ({ expected }) => ({ path: `/api/v1/units/${VIET_TRI}/pilots`, body: { year: expected ? freshYear() : 2099, pilotUnitCode: WARD } }) },
    'GET /api/v1/pilots/compliance': filteredList(`/api/v1/pilots/compliance?year=${today.slice(0, 4)}`, () => [VIET_TRI_RECORDS, '"code":"227"']),
    'POST /api/v1/units/{code}/forces': {
      request: async () => ({ path: `/api/v1/units/${WARD}/forces`, body: { forceType: 'mass-security-team', name: `Tổ an ninh nhân dân ${seq()}`, headcount: 12, leader: 'Phạm Văn Tổ' } }),
    },
    'POST /api/v1/units/{code}/training-sessions': {
      request: async () => ({
        path: `/api/v1/units/${WARD}/training-sessions`,
        body: { course: `Nghiệp vụ tuần tra ${seq()}`, forceType: 'mass-security-team', startsOn: today, endsOn: today, trainees: 10, hours: 8 },
      }),
    },
    'GET /api/v1/units/{code}/forces': read(`/api/v1/units/${WARD}/forces`, {
      unscoped: 'the forces of a unit outside the caller’s area are filtered out: 200 with an empty list',
      hiddenOutside: () => ['Tổ an ninh nhân dân'],
    }),
    'GET /api/v1/model-types': global('/api/v1/model-types', 'the catalogue of model types'),
    'POST /api/v1/models': {
      request: async () => ({
        path: '/api/v1/models',
        body: { unitCode: WARD, modelType, name: `Mô hình mới ${seq()}`, startedOn: '2024-03-01', description: 'Mô hình tự quản (kiểm thử phân quyền)' },
      }),
    },
    'POST /api/v1/models/{id}/reviews': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ expected }) => ({
        path: `/api/v1/models/${expected ? await freshModel('registered') : shared.modelId}/reviews`,
        body: { kind: 'interim', reviewedOn: '2024-09-10', outcome: 'partly-effective', lessons: 'Cần duy trì' },
      }),
    },
    'POST /api/v1/models/{id}/recognition': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ expected }) => ({ path: `/api/v1/models/${expected ? await freshModel('effective') : shared.modelId}/recognition`, body: { recognisedOn: '2025-02-10' } }),
    },
    'POST /api/v1/models/{id}/replications': {
      request: async ({ expected }) => ({
        path: `/api/v1/models/${expected ? await freshModel('recognised') : shared.modelId}/replications`,
        body: { targetUnitCode: OTHER_WARD, replicatedOn: '2025-03-10' },
      }),
    },

    // ── incidents ───────────────────────────────────────────────────────────
    'GET /api/v1/incidents': filteredList('/api/v1/incidents?area=25.227', () => Object.values(shared.incidents).map((incident) => incident.id)),
    'POST /api/v1/incidents': {
      request: async () => ({
        path: '/api/v1/incidents',
        body: { unitCode: WARD, category: 'criminal-offence', source: 'patrol', occurredAt: new Date(Date.now() - 7_200_000).toISOString(), summary: `Trộm cắp tài sản tại chợ ${seq()}` },
      }),
    },
    'GET /api/v1/incidents/{id}': onIncident(''),
    'GET /api/v1/incidents/{id}/timeline': onIncident('/timeline'),
    'POST /api/v1/incidents/{id}/transitions': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ caller, expected }) => {
        const step = stepOf[caller.agency] ?? stepOf.police!;
        const target = expected ? await freshIncident(step.from) : shared.incidents[step.from];
        return { path: `/api/v1/incidents/${target.id}/transitions`, body: step.body, headers: { 'if-match': `"${target.version}"` } };
      },
    },
    'POST /api/v1/incidents/{id}/transfer': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ expected }) => {
        const target = expected ? await freshIncident('reported') : shared.incidents.reported;
        return { path: `/api/v1/incidents/${target.id}/transfer`, body: { toUnitCode: OTHER_WARD, note: 'Chuyển thẩm quyền' }, headers: { 'if-match': `"${target.version}"` } };
      },
    },
    'GET /api/v1/incidents/{id}/informant': read(`/api/v1/incidents/${shared.incidents.tip.id}/informant`, { outsideStatus: RECORD_HIDDEN }),
    'GET /api/v1/incident-taxonomy': global('/api/v1/incident-taxonomy', 'the incident taxonomy'),
    // Province-wide settings (issue 23): the policy admits province-level administrators only, so no area exception is needed.
    'PUT /api/v1/incident-taxonomy/domains/{slug}': {
      request: async () => ({ path: `/api/v1/incident-taxonomy/domains/matrix-domain-${tag}-${seq()}`, body: { nameVi: 'Lĩnh vực kiểm thử', nameEn: 'Test domain' } }),
    },
    'PUT /api/v1/incident-taxonomy/categories/{slug}': {
      request: async () => ({
        path: `/api/v1/incident-taxonomy/categories/matrix-category-${tag}-${seq()}`,
        body: { nameVi: 'Loại kiểm thử', nameEn: 'Test category', defaultDomain: domainSlug },
      }),
    },

    // ── campaigns ───────────────────────────────────────────────────────────
    'GET /api/v1/campaign-kinds': global('/api/v1/campaign-kinds', 'the catalogue of campaign kinds'),
    'POST /api/v1/campaigns': {
      request: async ({ caller }) => ({
        path: '/api/v1/campaigns',
        body: {
          name: `Chiến dịch mới ${seq()}`,
          kind: 'movement',
          // A campaign is launched by its lead agency (or the committee): each caller leads its own, so the policy decides.
          leadAgency: leadFor(caller),
          partnerAgencies: [leadFor(caller) === 'youth-union' ? 'police' : 'youth-union'],
          scopeUnitCodes: [VIET_TRI],
          startsOn: today,
          endsOn: dayOffset(today, 60),
          goals: [{ measure: 'households-pledged', target: 50 }],
        },
      }),
    },
    'GET /api/v1/campaigns': filteredList('/api/v1/campaigns', () => [shared.campaign.id]),
    'GET /api/v1/campaigns/{id}': read(campaignPath(), { outsideStatus: RECORD_HIDDEN }),
    // Directed by the lead agency or the committee: each allowed caller gets a fresh campaign its own agency leads.
    'POST /api/v1/campaigns/{id}/status': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ caller, expected }) => {
        const target = expected ? await freshCampaign(leadFor(caller), false) : shared.campaign;
        return { path: `/api/v1/campaigns/${target.id}/status`, body: { status: expected ? 'active' : 'closed', on: today }, headers: { 'if-match': `"${target.version}"` } };
      },
    },
    'POST /api/v1/campaigns/{id}/agreements': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ caller, expected }) => {
        const target = expected ? await freshCampaign(leadFor(caller), false) : shared.campaign;
        return { path: `/api/v1/campaigns/${target.id}/agreements`, body: { agreementId: shared.agreementId }, headers: { 'if-match': `"${target.version}"` } };
      },
    },
    'POST /api/v1/campaigns/{id}/reviews': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ caller, expected }) => ({
        path: `/api/v1/campaigns/${(expected ? await freshCampaign(leadFor(caller), true) : shared.campaign).id}/reviews`,
        body: { kind: 'interim', reviewedOn: today, outcome: 'partly-achieved', lessons: 'Cần đẩy mạnh ký cam kết', recommendedModelIds: [] },
      }),
    },
    'GET /api/v1/campaigns/{id}/reviews': read(campaignPath('/reviews'), { outsideStatus: RECORD_HIDDEN }),
    'GET /api/v1/campaigns/{id}/progress': read(campaignPath('/progress'), { outsideStatus: RECORD_HIDDEN }),
    // Every agency that may record is a partner of the shared campaign and records its own activity, so the policy decides.
    'POST /api/v1/campaigns/{id}/activities': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ caller }) => ({
        path: campaignPath('/activities'),
        body: {
          kind: 'meeting',
          heldOn: today,
          unitCode: WARD,
          organisingAgency: caller.agency,
          participants: { total: 30, byGroup: { women: 10 } },
          notes: `Họp dân ${seq()}`,
        },
      }),
    },
    'GET /api/v1/campaigns/{id}/activities': read(campaignPath('/activities'), { outsideStatus: RECORD_HIDDEN }),
    // A unit pledges once a year per campaign: a fresh campaign (every recording agency a party) per allowed request.
    'POST /api/v1/campaigns/{id}/pledges': {
      outsideStatus: RECORD_HIDDEN,
      request: async ({ expected }) => ({
        path: `/api/v1/campaigns/${(expected ? await freshCampaign('fatherland-front', true) : shared.campaign).id}/pledges`,
        body: { unitCode: WARD, households: 40, validFrom: today, validTo: dayOffset(today, 365) },
      }),
    },
    'GET /api/v1/campaigns/{id}/pledges': read(campaignPath('/pledges'), { outsideStatus: RECORD_HIDDEN }),
    // Only a party records an agreement: each caller's agency is among the parties, so the policy decides.
    'POST /api/v1/agreements': { request: async ({ caller }) => ({ path: '/api/v1/agreements', body: agreementBody(caller.agency) }) },
    'GET /api/v1/agreements': filteredList('/api/v1/agreements', () => [shared.agreementId]),
    'GET /api/v1/agreements/{id}': read(`/api/v1/agreements/${shared.agreementId}`, { outsideStatus: RECORD_HIDDEN }),
    'POST /api/v1/stories': { request: async () => ({ path: '/api/v1/stories', body: storyBody() }) },
    'GET /api/v1/stories': filteredList('/api/v1/stories', () => [shared.storyId]),
    'GET /api/v1/stories/{id}': read(`/api/v1/stories/${shared.storyId}`, { outsideStatus: RECORD_HIDDEN }),
    // Level ≤ the issuer's: every inside caller is at the province (area 25), so a province-level award is theirs to give.
    'POST /api/v1/commendations': { request: async () => ({ path: '/api/v1/commendations', body: commendationBody() }) },
    'GET /api/v1/commendations': filteredList('/api/v1/commendations', () => [shared.commendationId]),
    'GET /api/v1/commendations/{id}': read(`/api/v1/commendations/${shared.commendationId}`, { outsideStatus: RECORD_HIDDEN }),

    // ── reporting ───────────────────────────────────────────────────────────
    'GET /api/v1/reports/freshness': global('/api/v1/reports/freshness', 'the projections’ freshness'),
    'GET /api/v1/reports/freshness/stream': global('/api/v1/reports/freshness/stream', 'the projections’ freshness'),
    'POST /api/v1/reports/submissions': {
      request: async ({ expected }) => ({ path: '/api/v1/reports/submissions', body: { area: '25.227', quarter: expected ? freshQuarter() : '2099-Q4', narrative: 'Tình hình cơ bản ổn định' } }),
    },
    'GET /api/v1/reports/submissions/status': filteredList(`/api/v1/reports/submissions/status?quarter=${quarter}`, () => ['"area":"25.227"']),
    'GET /api/v1/reports/submissions/{id}': read(`/api/v1/reports/submissions/${shared.submissionId}`, { outsideStatus: SUBMISSION_HIDDEN }),
    // Reviewed by the level above: every inside caller is at the province, the submissions come from Việt Trì.
    'POST /api/v1/reports/submissions/{id}/approve': {
      outsideStatus: SUBMISSION_HIDDEN,
      request: async ({ expected }) => ({ path: `/api/v1/reports/submissions/${expected ? await submit() : shared.submissionId}/approve` }),
    },
    'POST /api/v1/reports/submissions/{id}/return': {
      outsideStatus: SUBMISSION_HIDDEN,
      request: async ({ expected }) => ({ path: `/api/v1/reports/submissions/${expected ? await submit() : shared.submissionId}/return`, body: { comments: 'Bổ sung số liệu' } }),
    },
    'GET /api/v1/reports/quarterly': read(`/api/v1/reports/quarterly?area=25.227&quarter=${quarter}`),
    'GET /api/v1/reports/incident-counts': read(`/api/v1/reports/incident-counts?area=25.227&quarter=${quarter}`),
    'GET /api/v1/reports/incidents': read(`/api/v1/reports/incidents?area=25.227&from=${quarter}&to=${quarter}`),
    'GET /api/v1/reports/unit-standings': read(`/api/v1/reports/unit-standings?area=25.227&quarter=${quarter}`),
    'GET /api/v1/reports/campaigns': read(`/api/v1/reports/campaigns?area=25.227&quarter=${quarter}&agency=police`),
    // Projections are the whole province's: the policy admits operators at the province level only (issue 23).
    'POST /api/v1/admin/projections/{name}/rebuilds': {
      sequential: true,
      admitted: {
        accepts: (status, body) => status === 409 && String(body?.type ?? '').endsWith('rebuild-running'),
        why: '409 "rebuild running" comes from the handler, after the policy admitted the caller (one rebuild of a projection at a time)',
      },
      request: async () => ({ path: `/api/v1/admin/projections/${['movement', 'incident-counts', 'campaign-figures', 'case-pipeline'][seq() % 4]}/rebuilds` }),
    },
    'GET /api/v1/admin/projections/rebuilds/{id}': global(`/api/v1/admin/projections/rebuilds/${shared.rebuildId}`, 'a rebuild’s progress'),

    // ── every service ───────────────────────────────────────────────────────
    'GET /api/v1/audit': filteredList('/api/v1/audit?limit=500', () => ['"area":"25.227']),
  };
  return { shared, fixtures };
}

const UNIT_HIDDEN = { statuses: [404], why: 'the units service answers a unit outside the caller’s area 404 ("no unit with the code … in your area"), as if it did not exist' };
/** Issue 23 (ADR 0025): a record addressed by its id outside the caller's area is answered as one that does not exist. */
const RECORD_HIDDEN = { statuses: [404], why: 'a record outside the caller’s area is answered 404 exactly as one that does not exist (no existence oracle)' };
/**
 * The action each operation must declare. The matrix follows the declared action, so a route
 * quietly moved to a weaker one (say story.record → campaign.read) would pass it; pinned here, it
 * fails until this table is changed on purpose.
 */
export const PINNED_ACTIONS: Record<string, Action> = {
  'GET /api/v1/audit': 'audit.read',
  'GET /api/v1/units': 'unit.read',
  'POST /api/v1/units': 'unit.register',
  'POST /api/v1/units/merge': 'unit.reorganise',
  'GET /api/v1/me': 'unit.read',
  'GET /api/v1/units/{code}': 'unit.read',
  'GET /api/v1/units/{code}/subtree': 'unit.read',
  'GET /api/v1/units/{code}/ancestors': 'unit.read',
  'GET /api/v1/units/{code}/lineage': 'unit.read',
  'POST /api/v1/units/{code}/rename': 'unit.reorganise',
  'POST /api/v1/units/{code}/move': 'unit.reorganise',
  'POST /api/v1/units/{code}/split': 'unit.reorganise',
  'POST /api/v1/units/{code}/dissolve': 'unit.reorganise',
  'PUT /api/v1/units/{code}/ratings/{quarter}': 'unit.rate',
  'GET /api/v1/units/{code}/ratings': 'unit.read',
  'POST /api/v1/units/{code}/certifications': 'unit.certify',
  'POST /api/v1/units/{code}/certifications/{year}/revoke': 'unit.certify',
  'POST /api/v1/units/{code}/hotspots': 'unit.designate',
  'POST /api/v1/units/{code}/pilots': 'unit.designate',
  'GET /api/v1/pilots/compliance': 'unit.read',
  'GET /api/v1/model-types': 'unit.read',
  'POST /api/v1/models': 'model.manage',
  'POST /api/v1/models/{id}/reviews': 'model.manage',
  'POST /api/v1/models/{id}/recognition': 'model.manage',
  'POST /api/v1/models/{id}/replications': 'model.manage',
  'POST /api/v1/units/{code}/forces': 'unit.forces',
  'POST /api/v1/units/{code}/training-sessions': 'unit.forces',
  'GET /api/v1/incidents': 'incident.read',
  'POST /api/v1/incidents': 'incident.report',
  'GET /api/v1/incidents/{id}': 'incident.read',
  'GET /api/v1/incidents/{id}/timeline': 'incident.read',
  'POST /api/v1/incidents/{id}/transitions': 'incident.transition',
  'POST /api/v1/incidents/{id}/transfer': 'incident.transfer',
  'GET /api/v1/incidents/{id}/informant': 'incident.informant.read',
  'GET /api/v1/incident-taxonomy': 'incident.read',
  'PUT /api/v1/incident-taxonomy/domains/{slug}': 'incident.taxonomy.manage',
  'PUT /api/v1/incident-taxonomy/categories/{slug}': 'incident.taxonomy.manage',
  'GET /api/v1/campaign-kinds': 'campaign.read',
  'POST /api/v1/campaigns': 'campaign.manage',
  'GET /api/v1/campaigns': 'campaign.read',
  'GET /api/v1/campaigns/{id}': 'campaign.read',
  'POST /api/v1/campaigns/{id}/status': 'campaign.manage',
  'POST /api/v1/campaigns/{id}/agreements': 'campaign.manage',
  'POST /api/v1/campaigns/{id}/reviews': 'campaign.manage',
  'GET /api/v1/campaigns/{id}/reviews': 'campaign.read',
  'GET /api/v1/campaigns/{id}/progress': 'campaign.read',
  'POST /api/v1/campaigns/{id}/activities': 'campaign.record',
  'GET /api/v1/campaigns/{id}/activities': 'campaign.read',
  'POST /api/v1/campaigns/{id}/pledges': 'campaign.record',
  'GET /api/v1/campaigns/{id}/pledges': 'campaign.read',
  'POST /api/v1/agreements': 'agreement.record',
  'GET /api/v1/agreements': 'campaign.read',
  'GET /api/v1/agreements/{id}': 'campaign.read',
  'POST /api/v1/stories': 'story.record',
  'GET /api/v1/stories': 'campaign.read',
  'POST /api/v1/commendations': 'commendation.award',
  'GET /api/v1/commendations': 'campaign.read',
  'GET /api/v1/commendations/{id}': 'campaign.read',
  'GET /api/v1/reports/freshness': 'report.read',
  'GET /api/v1/reports/freshness/stream': 'report.read',
  'GET /api/v1/reports/incident-counts': 'report.read',
  'GET /api/v1/reports/incidents': 'report.read',
  'GET /api/v1/reports/unit-standings': 'report.read',
  'GET /api/v1/reports/campaigns': 'report.read',
  'GET /api/v1/reports/quarterly': 'report.read',
  'POST /api/v1/reports/submissions': 'report.submit',
  'GET /api/v1/reports/submissions/status': 'report.read',
  'GET /api/v1/reports/submissions/{id}': 'report.read',
  'POST /api/v1/reports/submissions/{id}/approve': 'report.review',
  'POST /api/v1/reports/submissions/{id}/return': 'report.review',
  'POST /api/v1/admin/projections/{name}/rebuilds': 'projection.rebuild',
  'GET /api/v1/admin/projections/rebuilds/{id}': 'projection.rebuild',
  'GET /api/v1/units/{code}/forces': 'unit.read',
  'GET /api/v1/stories/{id}': 'campaign.read',
};

const SUBMISSION_HIDDEN = { statuses: [404], why: 'a submission outside the caller’s area is answered 404 ("no report submission … in your area"), not revealing that it exists' };

function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function dayOffset(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
