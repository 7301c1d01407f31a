// Reporting periods are quarters of Vietnam's calendar. Pure, so the services (through
// @binh-yen/contracts) and the browser bundle share one definition.

/** Vietnam keeps UTC+7 all year (no daylight saving), so the offset is fixed. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export const QUARTER_PATTERN = '^[0-9]{4}-Q[1-4]$';
/** A quarter such as 2026-Q3 (Vietnam's calendar). */
export const QUARTER = new RegExp(QUARTER_PATTERN);

/** The quarter ("2026-Q3") in Asia/Ho_Chi_Minh that an instant falls in. */
export function quarterOf(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not a valid instant: ${String(instant)}`);
  }
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const quarter = Math.floor(local.getUTCMonth() / 3) + 1;
  return `${local.getUTCFullYear()}-Q${quarter}`;
}

export function isQuarter(value: string | undefined): value is string {
  return value !== undefined && QUARTER.test(value);
}

/** The quarter `by` quarters after `quarter` (before it when negative): shiftQuarter('2026-Q1', -1) is '2025-Q4'. */
export function shiftQuarter(quarter: string, by: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
