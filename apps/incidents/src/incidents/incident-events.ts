import type { Caller } from '@binh-yen/auth';
import { uuidv7, type EventEnvelope } from '@binh-yen/contracts';

/** An event of the incident aggregate, stamped with who and where (the unit's path now). */
export function incidentEvent<T>(incidentId: string, type: string, version: number, sequence: number, area: string, caller: Caller, data: T, now: Date): EventEnvelope<T> {
  return {
    id: uuidv7(now.getTime()),
    type,
    version,
    occurredAt: now.toISOString(),
    aggregate: { type: 'incident', id: incidentId },
    sequence,
    actor: { agency: caller.agency, subject: caller.subject },
    area,
    data,
  };
}
