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

export const AREA_PATH_PATTERN = '^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$';
