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

export function isQuarter(value: string): boolean {
  return QUARTER.test(value);
}
