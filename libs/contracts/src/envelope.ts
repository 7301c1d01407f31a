import { uuidv7 } from './uuid-v7';

/** Who caused an event: the agency and the person (token subject) or system. */
export interface Actor {
  agency: string;
  subject: string;
}

export interface AggregateRef {
  type: string;
  id: string;
}

/**
 * The envelope every event travels in (architecture.md, "Envelope").
 * `area` is the unit's hierarchy path at the time of the event, so reports for
 * past quarters keep counting under the unit as it was then.
 */
export interface EventEnvelope<TData = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  aggregate: AggregateRef;
  sequence: number;
  actor: Actor;
  area: string;
  traceparent?: string;
  data: TData;
}

/**
 * An official unit code: capital letters and digits, nothing a SQL `LIKE` pattern, a path
 * separator or a case-insensitive comparison could read as something else (issue 23).
 */
export const UNIT_CODE_PATTERN = '^[0-9A-Z]{1,32}$';
export const UNIT_CODE = new RegExp(UNIT_CODE_PATTERN);

/** A unit's path: its ancestors' codes and its own, from the province down, e.g. `25.227.07882`. */
// One definition of the area path, in the shared kernel (pure, shared with the browser bundle).
export { AREA_PATH, AREA_PATH_PATTERN } from '@binh-yen/shared-kernel';

/**
 * A new event in its envelope, stamped with who (`actor`: only its agency and subject are kept)
 * and where (the unit path it belongs to), at `at`. The one builder every producer uses.
 */
export function newEvent<T>(aggregate: AggregateRef, type: string, sequence: number, area: string, actor: Actor, data: T, at: Date, version = 1): EventEnvelope<T> {
  return {
    id: uuidv7(at.getTime()),
    type,
    version,
    occurredAt: at.toISOString(),
    aggregate: { type: aggregate.type, id: aggregate.id },
    sequence,
    actor: { agency: actor.agency, subject: actor.subject },
    area,
    data,
  };
}
