import { quarterOf, shiftQuarter } from '@binh-yen/shared-kernel';

// The quarter's rules come from the shared kernel, as the services' do (ADR 0040).
export { isQuarter, shiftQuarter } from '@binh-yen/shared-kernel';

/** The quarter (Vietnam's time, UTC+7 all year) that `now` falls in, e.g. "2026-Q3". */
export function currentQuarter(now = new Date()): string {
  return quarterOf(now);
}

/** The `count` quarters up to `last`, oldest first. */
export function quartersUpTo(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftQuarter(last, i - count + 1));
}
