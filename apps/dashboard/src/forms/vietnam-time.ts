// What officers type, as the services read it: Vietnam keeps UTC+7 all year (no daylight saving).

/** "2026-10-05T08:30" typed in Vietnam's time → an instant with its offset (Vietnam keeps UTC+7 all year). */
export function vietnamDateTime(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+07:00`;
}

/** Now in Vietnam, as a datetime-local value ("2026-10-05T08:30"). */
export function vietnamNowLocal(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 16);
}

/** Today in Vietnam ("2026-10-05"). */
export function vietnamToday(now = Date.now()): string {
  return vietnamNowLocal(now).slice(0, 10);
}

/** A whole number from a number field; empty → undefined. */
export function countOf(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}
