/** Vietnam's calendar date (UTC+7) `days` from `now`. */
export function vietnamDate(now: Date, days = 0): string {
  return new Date(now.getTime() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

export function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** The `count` quarters up to and including the one of `today`, oldest first. */
export function lastQuarters(today: string, count: number): string[] {
  let year = Number(today.slice(0, 4));
  let q = Math.ceil(Number(today.slice(5, 7)) / 3);
  const quarters: string[] = [];
  for (let i = 0; i < count; i += 1) {
    quarters.unshift(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return quarters;
}

export function nextQuarter(quarter: string, by = 1): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** A day inside the quarter, `offset` days after it starts, never after `today`. */
export function dayInQuarter(quarter: string, offset: number, today: string): string {
  const month = (Number(quarter.slice(6)) - 1) * 3;
  const start = Date.UTC(Number(quarter.slice(0, 4)), month, 1);
  const date = new Date(start + Math.min(offset, 89) * 86_400_000).toISOString().slice(0, 10);
  return date < today ? date : today;
}

/** Local government went to two tiers that day (the demo's reorganisation takes effect then). */
export const TWO_TIER_DAY = '2025-07-01';

/**
 * One side of the 2025 reform, written while the units were as they were then: each
 * record goes through the services with the path its unit had on its day, so reports
 * for earlier quarters roll up through the districts and later ones straight to the
 * province. `now` is the era's last moment (the demo's clock), `keyedUntil` the real
 * now (a case goes on being keyed in after the fact), `quarters` the demo's quarters
 * that fall in the era and `allQuarters` all of them, oldest first.
 */
export interface DemoEra {
  name: 'three-tier' | 'two-tier';
  now: Date;
  today: string;
  keyedUntil: Date;
  quarters: string[];
  allQuarters: string[];
}

/** The demo's two eras: the last eight quarters split at the reform (either side may be empty). */
export function demoEras(now: Date): [DemoEra, DemoEra] {
  const allQuarters = lastQuarters(vietnamDate(now), 8);
  const reformQuarter = quarterOfDate(TWO_TIER_DAY);
  // 23:59:59 in Vietnam on the day before the reform.
  const eve = new Date(Math.min(now.getTime(), Date.parse(`${TWO_TIER_DAY}T00:00:00+07:00`) - 1000));
  const era = (name: DemoEra['name'], clock: Date, quarters: string[]): DemoEra => ({ name, now: clock, today: vietnamDate(clock), keyedUntil: now, quarters, allQuarters });
  return [
    era(
      'three-tier',
      eve,
      allQuarters.filter((quarter) => quarter < reformQuarter),
    ),
    era(
      'two-tier',
      now,
      allQuarters.filter((quarter) => quarter >= reformQuarter),
    ),
  ];
}

/**
 * A story told in days before `now` (campaigns, models: about two years), fitted into the
 * time since `since` when that is shorter, so all of it happens in the two-tier era.
 * Days after `now` (planned ends) stay as they are.
 */
export function fittedDay(now: Date, since: string, days: number): string {
  if (days >= 0) return vietnamDate(now, days);
  const available = (now.getTime() - Date.parse(`${since}T00:00:00+07:00`)) / 86_400_000 - 3;
  const scale = Math.max(0, Math.min(1, available / 720));
  return vietnamDate(now, Math.round(days * scale));
}
