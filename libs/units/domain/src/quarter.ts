const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export function parseQuarter(value: string): Quarter {
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!match) throw new RangeError(`not a quarter: ${value}`);
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

export function formatQuarter({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

/** The quarter an instant falls in, in Vietnam's time (UTC+7 all year). */
export function quarterContaining(instant: Date): Quarter {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return { year: local.getUTCFullYear(), quarter: (Math.floor(local.getUTCMonth() / 3) + 1) as Quarter['quarter'] };
}

/** Negative when a is before b. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return a.year * 4 + a.quarter - (b.year * 4 + b.quarter);
}
