import type { Caller } from '@binh-yen/auth';
import { uuidv7, type AggregateType, type EventEnvelope } from '@binh-yen/contracts';

/** Builds an event stamped with who and where (the unit path it belongs to). */
export function envelope<T>(
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
