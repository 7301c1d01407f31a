import { dayInQuarter, fittedDay, nextQuarter, quarterOfDate, TWO_TIER_DAY, type DemoEra } from './demo-calendar';
import { demoCaller, type DemoClient, type Json } from './demo-client';
import { personName, type DemoRandom } from './demo-random';
import type { UnitsSchemas as components } from '@binh-yen/api-client';

type ForceType = components['schemas']['RegisterForceDto']['forceType'];
type ModelReview = components['schemas']['ReviewModelDto'];

export interface DemoUnit {
  code: string;
  name: string;
  kind: string;
  path: string;
}

export interface DemoUnits {
  province: DemoUnit;
  districts: DemoUnit[];
  communes: DemoUnit[];
}

const police = demoCaller('police');
const committee = demoCaller('people-committee');
const front = demoCaller('fatherland-front');

/** The province's units as the units service has them. */
export async function loadUnits(client: DemoClient): Promise<DemoUnits> {
  const all: Json[] = await client.read(committee, (api, headers) => api.units.GET('/api/v1/units/{code}/subtree', { params: { path: { code: '25' } }, headers }));
  const active = all.filter((unit) => unit.status === 'active').map(({ code, name, kind, path }): DemoUnit => ({ code, name, kind, path }));
  return {
    province: active.find((unit) => unit.kind === 'province')!,
    districts: active.filter((unit) => unit.kind === 'district'),
    communes: active.filter((unit) => unit.kind === 'commune'),
  };
}

const RATING_WEIGHTS = { strong: 34, fair: 40, average: 20, weak: 6 };
const ACTIONS = ['Tăng cường tuần tra, kiểm soát ban đêm', 'Tổ chức họp dân, phát động phong trào', 'Củng cố tổ an ninh nhân dân', 'Rà soát đối tượng, địa bàn phức tạp', 'Lắp đặt camera an ninh ở các ngõ'];

/** Two years of quarterly ratings of every commune (this era's quarters), a little better each year, with plans for the weak. */
export async function rateCommunes(client: DemoClient, random: DemoRandom, units: DemoUnits, era: DemoEra, progress: (share: number) => void): Promise<void> {
  const { quarters, today } = era;
  let done = 0;
  for (const quarter of quarters) {
    const index = era.allQuarters.indexOf(quarter);
    const improving = { ...RATING_WEIGHTS, strong: RATING_WEIGHTS.strong + index * 2, weak: Math.max(2, RATING_WEIGHTS.weak - Math.floor(index / 2)) };
    for (const commune of units.communes) {
      const rating = random.weighted(improving);
      const assessor = random.pick([police, committee, front]);
      await client.write(assessor, (api, headers) => api.units.PUT('/api/v1/units/{code}/ratings/{quarter}', { params: { path: { code: commune.code, quarter } }, headers, body: {
        rating,
        assessor: assessor.agency === 'police' ? 'Công an tỉnh Phú Thọ' : assessor.agency === 'people-committee' ? 'Đoàn kiểm tra liên ngành tỉnh' : 'Ủy ban MTTQ tỉnh',
        assessedOn: dayInQuarter(quarter, 80, today),
        justification: `Kết quả kiểm tra phong trào ${quarter} tại ${commune.name}`,
        ...(rating === 'weak'
          ? { improvementPlan: { actions: random.sample(ACTIONS, 2), responsibleAgency: random.pick(['police', 'people-committee'] as const), targetQuarter: nextQuarter(quarter, 2) } }
          : {}),
      } }));
      done += 1;
      progress(done / (quarters.length * units.communes.length));
    }
  }
}

/**
 * Forces and their training: a mass security team in every commune, neighbourhood guards in
 * wards and towns (registered once, in the first era; a merged commune keeps its forces), and
 * training sessions in three of the demo's quarters per commune, those of this era.
 */
export async function registerForces(client: DemoClient, random: DemoRandom, units: DemoUnits, era: DemoEra, registerTeams: boolean): Promise<void> {
  const { today } = era;
  for (const commune of units.communes) {
    const types: ForceType[] = commune.name.startsWith('Xã') ? ['mass-security-team'] : ['mass-security-team', 'neighbourhood-guard'];
    for (const forceType of registerTeams ? types : []) {
      await client.write(police, (api, headers) => api.units.POST('/api/v1/units/{code}/forces', { params: { path: { code: commune.code } }, headers, body: {
        forceType,
        name: `${forceType === 'mass-security-team' ? 'Tổ an ninh nhân dân' : 'Tổ bảo vệ dân phố'} ${commune.name}`,
        headcount: random.int(8, 30),
        leader: personName(random),
      } }));
    }
    for (const quarter of random.sample(era.allQuarters, 3).filter((sampled) => era.quarters.includes(sampled))) {
      const startsOn = dayInQuarter(quarter, random.int(5, 60), today);
      await client.write(police, (api, headers) => api.units.POST('/api/v1/units/{code}/training-sessions', { params: { path: { code: commune.code } }, headers, body: {
        course: random.pick(['Nghiệp vụ tuần tra, kiểm soát', 'Võ thuật và công cụ hỗ trợ', 'Kỹ năng hòa giải ở cơ sở', 'Phòng cháy, chữa cháy']),
        forceType: types[0],
        startsOn,
        endsOn: startsOn,
        trainees: random.int(6, 25),
        hours: random.pick([4, 8, 16]),
      } }));
    }
  }
}

/**
 * Certified safe communes the year before the era's last day, one or two pilot communes per
 * district in its year (three tiers only: since 2025 the rule has no districts, ADR 0044), and
 * in the era that holds today a few hotspots.
 */
export async function designateUnits(client: DemoClient, random: DemoRandom, units: DemoUnits, era: DemoEra): Promise<void> {
  const { today } = era;
  const year = Number(today.slice(0, 4));
  for (const commune of random.sample(units.communes, Math.ceil(units.communes.length / 3))) {
    await client.write(committee, (api, headers) => api.units.POST('/api/v1/units/{code}/certifications', { params: { path: { code: commune.code } }, headers, body: { year: year - 1, grantedOn: `${year - 1}-12-20` } }));
  }
  for (const district of units.districts) {
    const inside = units.communes.filter((commune) => commune.path.startsWith(`${district.path}.`));
    for (const pilot of random.sample(inside, random.int(1, 2))) {
      await client.write(committee, (api, headers) => api.units.POST('/api/v1/units/{code}/pilots', { params: { path: { code: district.code } }, headers, body: { year, pilotUnitCode: pilot.code } }));
    }
  }
  if (era.now < era.keyedUntil) return;
  const quarter = quarterOfDate(today);
  for (const commune of random.sample(units.communes, 3)) {
    await client.write(police, (api, headers) => api.units.POST('/api/v1/units/{code}/hotspots', { params: { path: { code: commune.code } }, headers, body: {
      reason: random.pick(['Tụ điểm phức tạp về ma túy', 'Tranh chấp đất đai kéo dài', 'Trộm cắp tài sản gia tăng']),
      fromQuarter: nextQuarter(quarter, -1),
      toQuarter: nextQuarter(quarter, 2),
    } }));
  }
}

/**
 * Self-management models: registered about two years ago (fitted into the time since the
 * 2025 reform, so they belong to today's communes), reviewed, the best recognised as
 * advanced and replicated.
 */
export async function runModels(client: DemoClient, random: DemoRandom, units: DemoUnits, now: Date): Promise<void> {
  const storyDay = (at: Date, days: number): string => fittedDay(at, TWO_TIER_DAY, days);
  const types: Json[] = await client.read(committee, (api, headers) => api.units.GET('/api/v1/model-types', { headers }));
  for (const [index, commune] of random.sample(units.communes, 12).entries()) {
    const type = types[index % types.length];
    const model = await client.write(committee, (api, headers) => api.units.POST('/api/v1/models', { headers, body: {
      unitCode: commune.code,
      modelType: type.slug,
      name: `${type.nameVi} ${commune.name}`,
      startedOn: storyDay(now, -700 + index * 10),
      description: 'Mô hình tự quản về an ninh trật tự do nhân dân tự xây dựng và vận hành',
    } }));
    if (!model) continue;
    const reviewed = (days: number, kind: ModelReview['kind'], outcome: ModelReview['outcome']) =>
      client.write(committee, (api, headers) => api.units.POST('/api/v1/models/{id}/reviews', { params: { path: { id: model.id } }, headers, body: { kind, reviewedOn: storyDay(now, days + index * 10), outcome, lessons: 'Phát huy vai trò người có uy tín trong cộng đồng' } }));
    await reviewed(-520, 'interim', 'partly-effective');
    if (index >= 9) continue;
    const outcome = index < 7 ? 'effective' : 'partly-effective';
    await reviewed(-340, 'final', outcome);
    if (outcome !== 'effective') continue;
    if (!(await client.write(committee, (api, headers) => api.units.POST('/api/v1/models/{id}/recognition', { params: { path: { id: model.id } }, headers, body: { recognisedOn: storyDay(now, -300 + index * 10) } })))) continue;
    for (const target of random.sample(units.communes.filter((other) => other.code !== commune.code), random.int(1, 2))) {
      await client.write(committee, (api, headers) => api.units.POST('/api/v1/models/{id}/replications', { params: { path: { id: model.id } }, headers, body: { targetUnitCode: target.code, replicatedOn: storyDay(now, -200 + index * 10) } }));
    }
  }
}
