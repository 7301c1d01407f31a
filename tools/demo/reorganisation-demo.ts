import { TWO_TIER_DAY } from './demo-calendar';
import { demoCaller, type DemoClient, type Json } from './demo-client';
import type { DemoUnits } from './units-demo';

/**
 * One former district in the 2025 reform: which communes merge into which (the target
 * keeps its code and takes the new name), which are only renamed, and where the
 * establishments attached to the district go. A plausible subset of the real merger
 * in the shape of Resolution 1676/NQ-UBTVQH15: DEMO DATA, not the official list.
 */
interface DistrictReform {
  district: string;
  mergers: { into: string; from: string[]; name: string }[];
  renames?: Record<string, string>;
  establishments?: Record<string, string>;
}

export const DEMO_REFORM: readonly DistrictReform[] = [
  {
    district: '227',
    mergers: [
      { into: '07897', from: ['07891', '07894', '07900'], name: 'Phường Việt Trì' },
      { into: '07888', from: ['07882', '07885', '07921'], name: 'Phường Nông Trang' },
      { into: '07903', from: ['07906', '07909', '07924', '07927', '07930'], name: 'Phường Thanh Miếu' },
      { into: '07912', from: ['07915', '07918', '07933', '07936'], name: 'Phường Vân Phú' },
      { into: '07942', from: ['07945', '07948'], name: 'Phường Hy Cương' },
    ],
    establishments: { CQ22701: '07897' },
  },
  {
    district: '228',
    mergers: [
      { into: '07954', from: ['07963', '07978'], name: 'Phường Phú Thọ' },
      { into: '07957', from: ['07966', '07969'], name: 'Phường Phong Châu' },
      { into: '07960', from: ['07972', '07975'], name: 'Phường Âu Cơ' },
    ],
  },
  {
    district: '230',
    mergers: [
      { into: '07981', from: ['07984', '07993'], name: 'Xã Đoan Hùng' },
      { into: '07987', from: ['07990'], name: 'Xã Bằng Luân' },
    ],
  },
  { district: '231', mergers: [{ into: '08077', from: ['08080', '08083'], name: 'Xã Hạ Hòa' }] },
  { district: '232', mergers: [{ into: '08179', from: ['08182'], name: 'Xã Thanh Ba' }] },
  { district: '233', mergers: [], renames: { '08239': 'Xã Phù Ninh' } },
  { district: '234', mergers: [{ into: '08290', from: ['08293'], name: 'Xã Yên Lập' }] },
  { district: '235', mergers: [{ into: '08344', from: ['08350'], name: 'Xã Cẩm Khê' }] },
  { district: '236', mergers: [{ into: '08422', from: ['08428'], name: 'Xã Tam Nông' }] },
  { district: '237', mergers: [{ into: '08467', from: ['08473'], name: 'Xã Lâm Thao' }], establishments: { DN22701: '08467' } },
  { district: '238', mergers: [{ into: '08521', from: ['08524', '08527'], name: 'Xã Thanh Sơn' }] },
  { district: '240', mergers: [{ into: '08710', from: ['08716'], name: 'Xã Thanh Thủy' }] },
];

/** The wards of the former Việt Trì city after the reform (the demo's city campaigns work there). */
export const VIET_TRI_WARDS = DEMO_REFORM[0]!.mergers.map((merger) => merger.into);

const REASON = 'Tổ chức chính quyền địa phương hai cấp từ ngày 01/07/2025 (dữ liệu mẫu, không phải danh sách chính thức)';

/**
 * The 1 July 2025 reform, through the units service's own reorganisation API as the
 * provincial People's Committee would record it: communes merge (and take their new
 * names), every commune and district-level establishment moves directly under the
 * province, and each district is dissolved. All effective 2025-07-01, so reports for
 * earlier quarters keep their districts (ADR 0044) and later ones have two tiers.
 */
export async function reorganiseToTwoTiers(client: DemoClient, units: DemoUnits): Promise<void> {
  const committee = demoCaller('people-committee');
  const effectiveFrom = TWO_TIER_DAY;
  for (const reform of DEMO_REFORM) {
    const district = units.districts.find((unit) => unit.code === reform.district);
    if (!district) continue;
    for (const merger of reform.mergers) {
      await client.write(committee, (api, headers) => api.units.POST('/api/v1/units/merge', { headers, body: { sourceCodes: merger.from, targetCode: merger.into, effectiveFrom } }));
    }
    const names = { ...reform.renames, ...Object.fromEntries(reform.mergers.map((merger) => [merger.into, merger.name])) };
    for (const [code, name] of Object.entries(names)) {
      await client.write(committee, (api, headers) => api.units.POST('/api/v1/units/{code}/rename', { params: { path: { code } }, headers, body: { name, effectiveFrom } }));
    }
    const merged = new Set(reform.mergers.flatMap((merger) => merger.from));
    const communes = units.communes.filter((commune) => commune.path.startsWith(`${district.path}.`) && !merged.has(commune.code));
    for (const commune of communes) {
      await client.write(committee, (api, headers) =>
        api.units.POST('/api/v1/units/{code}/move', { params: { path: { code: commune.code } }, headers, body: { newParentCode: units.province.code, effectiveFrom } }),
      );
    }
    for (const [code, newParentCode] of Object.entries(reform.establishments ?? {})) {
      await client.write(committee, (api, headers) => api.units.POST('/api/v1/units/{code}/move', { params: { path: { code } }, headers, body: { newParentCode, effectiveFrom } }));
    }
    await client.write(committee, (api, headers) => api.units.POST('/api/v1/units/{code}/dissolve', { params: { path: { code: district.code } }, headers, body: { reason: REASON, effectiveFrom } }));
  }
}

/**
 * The incidents service records an incident under the path its units replica holds at
 * that moment; work of the two-tier era written before the replica has the new paths
 * would be filed under a dissolved district. Waits until the replica shows every
 * recorded incident under its unit's path in the units service.
 */
export async function untilReplicasFollow(client: DemoClient, timeoutMs = 120_000): Promise<void> {
  const committee = demoCaller('people-committee');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all: Json[] = await client.read(committee, (api, headers) => api.units.GET('/api/v1/units/{code}/subtree', { params: { path: { code: '25' } }, headers }));
    const pathOf = new Map(all.map((unit) => [unit.code as string, unit.path as string]));
    let behind = 0;
    for (let cursor: string | undefined, page = 0; page < 100; page += 1) {
      const answer: Json = await client.read(committee, (api, headers) => api.incidents.GET('/api/v1/incidents', { params: { query: { limit: 200, ...(cursor ? { cursor } : {}) } }, headers }));
      behind += answer.items.filter((incident: Json) => pathOf.get(incident.unitCode) !== incident.area).length;
      cursor = answer.nextCursor ?? undefined;
      if (!cursor) break;
    }
    if (behind === 0) return;
    if (Date.now() > deadline) throw new Error(`the incidents service's units replica still shows ${behind} incidents under their old paths`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
