import type { Caller } from '@binh-yen/auth';
import { newEvent, type EventEnvelope } from '@binh-yen/contracts';

/** An event of a unit (the contracts' builder, aggregate `unit`). */
export function unitEvent<T>(unitId: string, type: string, sequence: number, area: string, caller: Caller, data: T, now: Date): EventEnvelope<T> {
  return newEvent({ type: 'unit', id: unitId }, type, sequence, area, caller, data, now);
}

/** Vietnam's calendar date of an instant (UTC+7). */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
