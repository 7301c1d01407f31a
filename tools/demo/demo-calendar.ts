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
