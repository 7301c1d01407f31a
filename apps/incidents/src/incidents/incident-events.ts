import type { Caller } from '@binh-yen/auth';
import { newEvent, type EventEnvelope } from '@binh-yen/contracts';

/** An event of the incident aggregate (the contracts' builder), stamped with who and where (the unit's path now). */
export function incidentEvent<T>(incidentId: string, type: string, version: number, sequence: number, area: string, caller: Caller, data: T, now: Date): EventEnvelope<T> {
  return newEvent({ type: 'incident', id: incidentId }, type, sequence, area, caller, data, now, version);
}
