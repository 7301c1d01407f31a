const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A calendar date as `YYYY-MM-DD`; such strings compare correctly as text. */
export type CalendarDate = string;

/** Vietnam's calendar date of an instant (UTC+7 all year). */
export function vietnamDate(instant: Date): CalendarDate {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function isWithinPeriod(date: CalendarDate, from: CalendarDate, to: CalendarDate): boolean {
  return date >= from && date <= to;
}

/** Two closed periods share at least one day; an open end (null) runs forever. */
export function periodsOverlap(a: { from: CalendarDate; to: CalendarDate | null }, b: { from: CalendarDate; to: CalendarDate | null }): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

function dayNumber(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Share of a period gone by on `today` (0 before it starts, 1 after it ends), counting whole days. */
export function elapsedShare(from: CalendarDate, to: CalendarDate, today: CalendarDate): number {
  if (today < from) return 0;
  if (today >= to) return 1;
  return (dayNumber(today) - dayNumber(from) + 1) / (dayNumber(to) - dayNumber(from) + 1);
}
