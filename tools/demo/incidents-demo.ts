import type { Agency } from '@binh-yen/auth';
import { dayInQuarter, type DemoEra } from './demo-calendar';
import { demoCaller, type DemoClient, type Json } from './demo-client';
import { personName, type DemoRandom } from './demo-random';
import type { DemoUnits } from './units-demo';
import type { IncidentsSchemas as components } from '@binh-yen/api-client';

/** One step of a case: the action and the agency that takes it (libs/incidents/domain owns the rules). */
type Step = [action: components['schemas']['TransitionIncidentDto']['action'], agency: Agency, extra?: Record<string, unknown>];

/** How many days a step usually comes after the one before it: [fewest, most]. */
const DAYS_AFTER: Record<string, [number, number]> = {
  verify: [0.2, 5],
  reject: [0.2, 3],
  'start-investigation': [0.5, 7],
  'resolve-at-grassroots': [2, 20],
  'refer-to-procuracy': [15, 75],
  indict: [10, 40],
  'return-for-investigation': [5, 20],
  'decline-prosecution': [10, 30],
  'record-verdict': [20, 90],
  close: [1, 30],
};

/** The lifecycle paths a case takes, with how often (a few stay open). */
const PATHS: { weight: number; steps: Step[] }[] = [
  { weight: 8, steps: [] },
  { weight: 8, steps: [['reject', 'police']] },
  { weight: 8, steps: [['verify', 'police']] },
  { weight: 22, steps: [['verify', 'police'], ['resolve-at-grassroots', 'people-committee'], ['close', 'people-committee', { reason: 'mediated' }]] },
  { weight: 8, steps: [['verify', 'police'], ['start-investigation', 'police']] },
  { weight: 12, steps: [['verify', 'police'], ['start-investigation', 'police'], ['close', 'police', { reason: 'insufficient-evidence' }]] },
  { weight: 6, steps: [['verify', 'police'], ['start-investigation', 'police'], ['refer-to-procuracy', 'police']] },
  {
    weight: 20,
    steps: [
      ['verify', 'police'],
      ['start-investigation', 'police'],
      ['refer-to-procuracy', 'police'],
      ['indict', 'procuracy'],
      ['record-verdict', 'court', { verdict: 'convicted', sentenceSummary: 'Phạt tù 18 tháng cho hưởng án treo' }],
      ['close', 'court', { reason: 'verdict-final' }],
    ],
  },
  {
    weight: 4,
    steps: [
      ['verify', 'police'],
      ['start-investigation', 'police'],
      ['refer-to-procuracy', 'police'],
      ['return-for-investigation', 'procuracy'],
      ['refer-to-procuracy', 'police'],
      ['decline-prosecution', 'procuracy'],
      ['close', 'procuracy', { reason: 'not-prosecuted' }],
    ],
  },
  { weight: 4, steps: [['verify', 'police'], ['start-investigation', 'police'], ['refer-to-procuracy', 'police'], ['indict', 'procuracy']] },
];

const SOURCES = { 'public-tip': 35, patrol: 30, 'agency-report': 15, 'self-report': 10, media: 10 };
const CATEGORIES = { 'criminal-offence': 26, 'traffic-order': 16, 'dispute-complaint': 18, drugs: 10, gambling: 8, 'urban-order': 8, smuggling: 4, corruption: 2, 'hostile-activity': 2, other: 6 };
const SUMMARIES: Record<string, string[]> = {
  'criminal-offence': ['Trộm cắp xe máy tại khu dân cư', 'Cố ý gây thương tích sau xô xát', 'Trộm cắp tài sản tại chợ'],
  'traffic-order': ['Tai nạn giao thông giữa xe máy và ô tô', 'Đua xe trái phép trên quốc lộ'],
  'dispute-complaint': ['Tranh chấp ranh giới đất giữa hai hộ', 'Mâu thuẫn gia đình kéo dài'],
  drugs: ['Tàng trữ trái phép chất ma túy', 'Tụ điểm sử dụng ma túy ở bãi đất trống'],
  gambling: ['Đánh bạc dưới hình thức ghi số đề', 'Tụ tập đánh bạc ăn tiền'],
  'urban-order': ['Lấn chiếm vỉa hè kinh doanh', 'Xây dựng không phép'],
  smuggling: ['Vận chuyển hàng lậu qua địa bàn'],
  corruption: ['Tố cáo cán bộ nhận tiền khi giải quyết thủ tục'],
  'hostile-activity': ['Phát tán tài liệu có nội dung xuyên tạc'],
  other: ['Mất trật tự công cộng trong đêm'],
};

/**
 * Incidents of the era's quarters, every source and category, each case taken as far along
 * its path as it got by the real now (keyed in after the fact, under the path its unit had
 * when it was reported).
 */
export async function runIncidents(client: DemoClient, random: DemoRandom, units: DemoUnits, era: DemoEra, count: number, progress: (share: number) => void): Promise<void> {
  const { now, today, quarters } = era;
  for (let i = 0; i < count; i += 1) {
    const quarter = quarters[Math.min(quarters.length - 1, Math.floor(random.next() * random.next() * quarters.length * 1.3))]!;
    const category = random.weighted(CATEGORIES);
    const source = random.weighted(SOURCES);
    const occurredOn = dayInQuarter(quarter, random.int(0, 88), today);
    const occurredAt = notAfter(`${occurredOn}T${String(random.int(6, 22)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+07:00`, now);
    // Reported within two days of happening; each step then on its own date (ADR 0028).
    const reportedAt = new Date(Math.min(new Date(occurredAt).getTime() + random.int(30, 48 * 60) * 60_000, now.getTime() - 60_000));
    const incident: Json = await client.write(demoCaller('police'), (api, headers) => api.incidents.POST('/api/v1/incidents', { headers, body: {
      unitCode: random.pick(units.communes).code,
      category,
      source,
      severity: random.weighted({ minor: 60, serious: 30, 'very-serious': 8, 'especially-serious': 2 }),
      occurredAt,
      reportedAt: reportedAt.toISOString(),
      summary: random.pick(SUMMARIES[category]!),
      locationText: `Khu ${random.int(1, 12)}`,
      people: { suspects: random.int(0, 3), victims: random.int(0, 2) },
      ...(source === 'public-tip' ? { informant: { name: personName(random), contact: `09${random.int(10_000_000, 99_999_999)}` } } : {}),
    } }));
    if (incident) await advance(client, random, incident, random.weighted(Object.fromEntries(PATHS.map((path, index) => [String(index), path.weight]))), reportedAt, era.keyedUntil);
    progress((i + 1) / count);
  }
}

/**
 * Takes a case along its path, each step dated some days after the one before, as the
 * agencies key them in after the fact; a step whose day has not come yet is not taken
 * (the case is still at that stage today).
 */
async function advance(client: DemoClient, random: DemoRandom, incident: Json, pathIndex: string, reportedAt: Date, now: Date): Promise<void> {
  let version: number = incident.version;
  let previous = reportedAt.getTime();
  for (const [action, agency, extra] of PATHS[Number(pathIndex)]!.steps) {
    const [fewest, most] = DAYS_AFTER[action]!;
    const takenAt = previous + Math.round((fewest + random.next() * (most - fewest)) * 86_400_000);
    if (takenAt > now.getTime()) return;
    const next = await client.write(demoCaller(agency), (api, headers) =>
      api.incidents.POST('/api/v1/incidents/{id}/transitions', {
        params: { path: { id: incident.id }, header: { 'If-Match': `"${version}"` } },
        headers,
        body: { action, note: 'Theo kết quả xác minh', takenAt: new Date(takenAt).toISOString(), ...extra },
      }),
    );
    if (!next) return;
    version = next.version;
    previous = takenAt;
  }
}

/** Today's incidents happened earlier today, never later than now. */
function notAfter(occurredAt: string, now: Date): string {
  return new Date(occurredAt) < now ? occurredAt : new Date(now.getTime() - 3_600_000).toISOString();
}
