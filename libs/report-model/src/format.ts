import { label, type Language } from './labels';

/** Vietnam's time zone: dates and times people read are in it, whatever the server's. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "2026-Q4" as people write it: "Quý IV/2026", "Q4 2026"; anything else as it is. */
export function quarterName(quarter: string, language: Language): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  const [, year, q] = match;
  return language === 'vi' ? `Quý ${ROMAN[Number(q) - 1]}/${year}` : `Q${q} ${year}`;
}

/** A report period: a quarter ("Quý IV/2026") or a year ("Năm 2026"). */
export function periodName(period: string, language: Language): string {
  return /^\d{4}$/.test(period) ? `${label('year', language)} ${period}` : quarterName(period, language);
}

const parts = (instant: Date, withTime: boolean): Record<string, string> =>
  Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: VIETNAM_TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );

/** The calendar date in Vietnam, dd/mm/yyyy. */
export function formatDate(instant: string | Date): string {
  const p = parts(new Date(instant), false);
  return `${p['day']}/${p['month']}/${p['year']}`;
}

/** A time and date in Vietnam: "14:05 ngày 05/12/2026", "14:05, 05/12/2026". */
export function formatDateTime(instant: string | Date, language: Language): string {
  const p = parts(new Date(instant), true);
  const date = `${p['day']}/${p['month']}/${p['year']}`;
  return language === 'vi' ? `${p['hour']}:${p['minute']} ngày ${date}` : `${p['hour']}:${p['minute']}, ${date}`;
}

/**
 * A deadline given as the first instant that is late (00:00 of the next day in Vietnam), as
 * people say it: "hết ngày 10/01/2027" (by the end of the day before).
 */
export function deadlineText(firstLateInstant: string | Date, language: Language): string {
  return `${label('deadlineBy', language)} ${formatDate(new Date(new Date(firstLateInstant).getTime() - 1))}`;
}

/**
 * Place and date line of an official document (Decree 30/2020/NĐ-CP): "Việt Trì, ngày 05 tháng 12
 * năm 2026"; days below 10 and the months 1 and 2 take a leading zero, other months none.
 */
export function placeAndDate(place: string, instant: string | Date): string {
  const p = parts(new Date(instant), false);
  const month = Number(p['month']);
  return `${place}, ngày ${p['day']} tháng ${month < 3 ? `0${month}` : month} năm ${p['year']}`;
}

/** Compares names as Vietnamese is sorted (Đ after D, tones after their letter): one collator for every list. */
export const compareVietnamese: (a: string, b: string) => number = new Intl.Collator('vi').compare;
