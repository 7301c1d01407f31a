/** The quarter of a calendar date already in Vietnam's time ("2026-08-15" → "2026-Q3"). */
export function quarterOfDate(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
