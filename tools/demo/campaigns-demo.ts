import type { Agency } from '@binh-yen/auth';
import { fittedDay, TWO_TIER_DAY } from './demo-calendar';
import { demoCaller, type DemoClient } from './demo-client';
import { personName, type DemoRandom } from './demo-random';
import { VIET_TRI_WARDS } from './reorganisation-demo';
import type { DemoUnit, DemoUnits } from './units-demo';
import type { CampaignsSchemas as components } from '@binh-yen/api-client';

type Schemas = components['schemas'];

interface DemoCampaign {
  name: string;
  kind: Schemas['LaunchCampaignDto']['kind'];
  lead: Agency;
  partners: Agency[];
  scope: DemoUnit[];
  startDays: number;
  endDays: number;
  goals: Schemas['GoalDto'][];
  activities: number;
  pledges: number;
}

const ACTIVITY_KINDS: Schemas['RecordActivityDto']['kind'][] = ['meeting', 'propaganda-session', 'training', 'patrol', 'mediation-session', 'inspection'];
const NOTES: Record<string, string> = {
  meeting: 'Họp dân bàn biện pháp phòng ngừa tội phạm, tệ nạn xã hội',
  'propaganda-session': 'Tuyên truyền pháp luật, phổ biến thủ đoạn lừa đảo qua mạng',
  training: 'Bồi dưỡng kỹ năng cho tổ an ninh nhân dân',
  patrol: 'Tuần tra đêm cùng công an xã',
  'mediation-session': 'Hòa giải mâu thuẫn trong khu dân cư',
  inspection: 'Kiểm tra việc thực hiện cam kết an toàn về an ninh trật tự',
};

/**
 * Three joint campaigns under a coordination agreement, with their activities, pledges,
 * stories, commendations and reviews. About two years of work, fitted into the time since
 * the 2025 reform: the province's campaign, and two in the wards of the former Việt Trì city.
 */
export async function runCampaigns(client: DemoClient, random: DemoRandom, units: DemoUnits, now: Date): Promise<void> {
  const day = (days: number): string => fittedDay(now, TWO_TIER_DAY, days);
  const vietTri = units.communes.filter((commune) => VIET_TRI_WARDS.includes(commune.code));
  const agreement = await client.write(demoCaller('police'), (api, headers) => api.campaigns.POST('/api/v1/agreements', { headers, body: {
    title: 'Quy chế phối hợp giữa Công an tỉnh, Ủy ban MTTQ tỉnh và Hội Liên hiệp Phụ nữ tỉnh trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
    parties: ['police', 'fatherland-front', 'womens-union'],
    signedOn: day(-720),
    effectiveFrom: day(-715),
    effectiveTo: null,
    scopeUnitCodes: [units.province.code],
    obligations: [
      { party: 'police', text: 'Cung cấp tình hình an ninh trật tự, hướng dẫn nghiệp vụ cho lực lượng nòng cốt' },
      { party: 'fatherland-front', text: 'Vận động nhân dân tham gia phong trào, giám sát việc thực hiện' },
      { party: 'womens-union', text: 'Xây dựng gia đình không có người vi phạm pháp luật và tệ nạn xã hội' },
    ],
  } }));
  const campaigns: DemoCampaign[] = [
    {
      name: 'Toàn dân bảo vệ an ninh Tổ quốc tỉnh Phú Thọ',
      kind: 'movement',
      lead: 'fatherland-front',
      partners: ['police', 'womens-union', 'youth-union'],
      scope: [units.province],
      startDays: -700,
      endDays: 400,
      goals: [
        { measure: 'households-pledged', target: 4000 },
        { measure: 'meetings-held', target: 40 },
        { measure: 'people-trained', target: 600 },
      ],
      activities: 40,
      pledges: 20,
    },
    {
      name: 'Làng xã, thôn xóm bình yên, gia đình hòa thuận',
      kind: 'peaceful-villages-harmonious-families',
      lead: 'womens-union',
      partners: ['fatherland-front', 'police'],
      scope: vietTri,
      startDays: -400,
      endDays: 300,
      goals: [
        { measure: 'households-pledged', target: 1500 },
        { measure: 'mediation-sessions-held', target: 10 },
      ],
      activities: 20,
      pledges: 10,
    },
    {
      name: 'Xây dựng gia đình văn hóa, khu dân cư văn hóa',
      kind: 'cultural-families',
      lead: 'fatherland-front',
      partners: ['youth-union'],
      scope: vietTri.slice(0, 2),
      startDays: -250,
      endDays: 120,
      goals: [{ measure: 'propaganda-sessions-held', target: 12 }],
      activities: 12,
      pledges: 0,
    },
  ];
  for (const plan of campaigns) {
    const lead = demoCaller(plan.lead);
    const launched = await client.write(lead, (api, headers) => api.campaigns.POST('/api/v1/campaigns', { headers, body: {
      name: plan.name,
      kind: plan.kind,
      leadAgency: plan.lead,
      partnerAgencies: plan.partners,
      scopeUnitCodes: [...new Set(plan.scope.map((unit) => unit.code))],
      startsOn: day(plan.startDays),
      endsOn: day(plan.endDays),
      goals: plan.goals,
      ...(agreement && plan.kind === 'movement' ? { agreementIds: [agreement.id] } : {}),
    } }));
    if (!launched) continue;
    await client.write(lead, (api, headers) => api.campaigns.POST('/api/v1/campaigns/{id}/status', { params: { path: { id: launched.id }, header: { 'If-Match': `"${launched.version}"` } }, headers, body: { status: 'active', on: day(plan.startDays + 1) } }));
    const places = units.communes.filter((commune) => plan.scope.some((scope) => commune.path === scope.path || commune.path.startsWith(`${scope.path}.`)));
    const heldOn = (): string => day(random.int(plan.startDays + 2, -1));
    for (let i = 0; i < plan.activities; i += 1) {
      const kind = random.pick(ACTIVITY_KINDS);
      const organiser = random.pick([plan.lead, ...plan.partners]);
      const total = random.int(20, 120);
      await client.write(demoCaller(organiser), (api, headers) => api.campaigns.POST('/api/v1/campaigns/{id}/activities', { params: { path: { id: launched.id } }, headers, body: {
        kind,
        heldOn: heldOn(),
        unitCode: random.pick(places).code,
        organisingAgency: organiser,
        participants: { total, byGroup: { women: Math.floor(total * 0.4), youth: Math.floor(total * 0.2), veterans: Math.floor(total * 0.05) } },
        notes: NOTES[kind],
      } }));
    }
    // A unit pledges once a year: one pledge per unit here.
    for (const place of random.sample(places, plan.pledges)) {
      const validFrom = heldOn();
      await client.write(lead, (api, headers) => api.campaigns.POST('/api/v1/campaigns/{id}/pledges', { params: { path: { id: launched.id } }, headers, body: {
        unitCode: place.code,
        households: random.int(40, 260),
        validFrom,
        validTo: `${Number(validFrom.slice(0, 4)) + 1}${validFrom.slice(4)}`,
      } }));
    }
    // Sơ kết halfway through what has run so far: the work since then is not the review's (ADR 0027).
    await client.write(lead, (api, headers) => api.campaigns.POST('/api/v1/campaigns/{id}/reviews', { params: { path: { id: launched.id } }, headers, body: {
      kind: 'interim',
      reviewedOn: day(Math.round(plan.startDays / 2)),
      outcome: 'partly-achieved',
      lessons: 'Phát huy vai trò của người có uy tín; cần đẩy mạnh ký cam kết ở các xã vùng sâu',
      recommendedModelIds: [],
    } }));
    for (const place of random.sample(places, 3)) {
      const story = await client.write(demoCaller('press'), (api, headers) => api.campaigns.POST('/api/v1/stories', { headers, body: {
        outlet: random.pick<Schemas['RecordStoryDto']['outlet']>([
          { name: 'Báo Phú Thọ', kind: 'newspaper' },
          { name: 'Đài Phát thanh và Truyền hình Phú Thọ', kind: 'television' },
          { name: 'Báo Phú Thọ điện tử', kind: 'online' },
        ]),
        publishedOn: heldOn(),
        title: `Gương người tốt, việc tốt trong phong trào bảo vệ an ninh ở ${place.name}`,
        link: null,
        about: { kind: 'person', name: personName(random) },
        unitCode: place.code,
        campaignId: launched.id,
      } }));
      await client.write(demoCaller('people-committee'), (api, headers) => api.campaigns.POST('/api/v1/commendations', { headers, body: {
        recipient: { kind: 'person', name: story?.about?.name ?? personName(random), unitCode: place.code },
        level: 'province',
        reason: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
        awardedOn: heldOn(),
        campaignId: launched.id,
        ...(story ? { storyId: story.id } : {}),
      } }));
    }
  }
}
