/** Periods are quarters in Vietnam's time (UTC+7 all year): "2026-Q3". */
export function currentQuarter(now = new Date()): string {
  const vietnam = new Date(now.getTime() + 7 * 3_600_000);
  return `${vietnam.getUTCFullYear()}-Q${Math.floor(vietnam.getUTCMonth() / 3) + 1}`;
}

export function isQuarter(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-Q[1-4]$/.test(value);
}

export function shiftQuarter(quarter: string, by: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The `count` quarters up to `last`, oldest first. */
export function quartersUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(last, i - count + 1));
}
