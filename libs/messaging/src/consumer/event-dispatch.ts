/** The value of an event type a projection reads past on purpose. */
export const IGNORED = Symbol('ignored');

/**
 * A handler for every event type of `E` (a topic's union, or several topics'), or
 * `IGNORED`: the compiler refuses a map that forgets one, so a new event type on a topic
 * is a compile error in every projection of that topic until each decides.
 */
export type EventHandlerMap<E extends { type: string }, Args extends unknown[]> = {
  readonly [T in E['type']]: ((event: Extract<E, { type: T }>, ...args: Args) => unknown) | typeof IGNORED;
};

/**
 * Typed dispatch for a projection: `apply(event, ...args)` calls the handler of the
 * event's type, with the event narrowed to that type (its versions still to tell apart).
 * `eventTypes` (the handled ones) is what the projection's `@EventPattern` declares.
 */
export class EventDispatch<E extends { type: string }, Args extends unknown[] = []> {
  readonly eventTypes: readonly E['type'][];

  constructor(private readonly handlers: EventHandlerMap<E, Args>) {
    this.eventTypes = (Object.keys(handlers) as E['type'][]).filter((type) => handlers[type] !== IGNORED);
  }

  apply(event: E, ...args: Args): unknown {
    const handler = this.handlers[event.type as E['type']];
    // The map's handler for `event.type` takes exactly that member of E; TypeScript cannot
    // correlate the two through the index, hence the widening to E here.
    return handler === IGNORED ? undefined : (handler as (event: E, ...args: Args) => unknown)(event, ...args);
  }
}
