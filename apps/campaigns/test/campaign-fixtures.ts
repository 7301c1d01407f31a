import type { CampaignsSchemas as components } from '@binh-yen/api-client';
import { callers, day, type CampaignsUnderTest, type Json } from './campaigns-harness';

type Schemas = components['schemas'];

// The valid bodies are typed by the published document (ADR 0048): one that no longer fits its
// DTO stops compiling. Overrides stay free, so a test can still send a wrong body on purpose.

export function launchBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const valid: Schemas['LaunchCampaignDto'] = {
    name: 'Toàn dân bảo vệ an ninh Tổ quốc — Việt Trì',
    kind: 'movement',
    leadAgency: 'fatherland-front',
    partnerAgencies: ['police', 'womens-union', 'sector:culture'],
    scopeUnitCodes: ['07882', '07885'],
    startsOn: day(-60),
    endsOn: day(200),
    goals: [
      { measure: 'households-pledged', target: 300 },
      { measure: 'meetings-held', target: 2 },
      { measure: 'people-trained', target: 50 },
    ],
  };
  return { ...valid, ...overrides };
}

export function activityBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const valid: Schemas['RecordActivityDto'] = {
    kind: 'meeting',
    heldOn: day(-10),
    unitCode: '0788201',
    organisingAgency: 'womens-union',
    participants: { total: 45, byGroup: { women: 30, youth: 8 } },
    notes: 'Họp dân khu 1 bàn biện pháp phòng chống trộm cắp',
  };
  return { ...valid, ...overrides };
}

export function agreementBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const valid: Schemas['RecordAgreementDto'] = {
    title: 'Quy chế phối hợp giữa Công an tỉnh, Ủy ban Mặt trận Tổ quốc tỉnh và Hội Liên hiệp Phụ nữ tỉnh',
    parties: ['police', 'fatherland-front', 'womens-union'],
    signedOn: day(-90),
    effectiveFrom: day(-80),
    effectiveTo: day(900),
    scopeUnitCodes: ['25'],
    obligations: [
      { party: 'police', text: 'Cung cấp tình hình an ninh trật tự, hướng dẫn nghiệp vụ' },
      { party: 'fatherland-front', text: 'Vận động nhân dân tham gia phong trào' },
      { party: 'womens-union', text: 'Xây dựng gia đình không có người vi phạm pháp luật' },
    ],
  };
  return { ...valid, ...overrides };
}

/** Launches a campaign (as the Fatherland Front of Việt Trì unless told) and, unless told otherwise, activates it. */
export async function launchedCampaign(campaigns: CampaignsUnderTest, overrides: Record<string, unknown> = {}, activate = true, caller = callers.frontVietTri): Promise<Json> {
  const launched = await campaigns.call('POST', '/api/v1/campaigns', launchBody(overrides), { caller });
  if (launched.status !== 201) throw new Error(`launch failed: ${JSON.stringify(launched.body)}`);
  if (!activate) return launched.body;
  const active = await campaigns.call('POST', `/api/v1/campaigns/${launched.body.id}/status`, { status: 'active', on: day(-59) }, {
    caller,
    headers: { 'if-match': `"${launched.body.version}"` },
  });
  if (active.status !== 200) throw new Error(`activation failed: ${JSON.stringify(active.body)}`);
  return active.body;
}
