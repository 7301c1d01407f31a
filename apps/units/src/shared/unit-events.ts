import type { Caller } from '@binh-yen/auth';
import { uuidv7, type AggregateType, type EventEnvelope } from '@binh-yen/contracts';

/** Builds an event of a unit or model aggregate, stamped with who and where. */
export function aggregateEvent<T>(
  aggregate: { type: AggregateType; id: string },
  type: string,
  sequence: number,
  area: string,
  caller: Caller,
  data: T,
  now: Date,
): EventEnvelope<T> {
  return {
    id: uuidv7(now.getTime()),
    type,
    version: 1,
    occurredAt: now.toISOString(),
    aggregate,
    sequence,
    actor: { agency: caller.agency, subject: caller.subject },
    area,
    data,
  };
}

export function unitEvent<T>(unitId: string, type: string, sequence: number, area: string, caller: Caller, data: T, now: Date): EventEnvelope<T> {
  return aggregateEvent({ type: 'unit', id: unitId }, type, sequence, area, caller, data, now);
}

/** Vietnam's calendar date of an instant (UTC+7). */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
