import { EventEmitter } from 'node:events';

/**
 * In-process wake-ups for the table log: a publisher announces the topics it
 * appended to after its commit, and subscriptions in the same process read at
 * once instead of at their next poll. (LISTEN/NOTIFY cannot do this on PGlite:
 * all connections share one session.) Other processes find the rows by polling.
 */
const signals = new EventEmitter();
signals.setMaxListeners(0);

const APPENDED = 'appended';

export function announceAppended(topics: readonly string[]): void {
  signals.emit(APPENDED, topics);
}

export function onAppended(listener: (topics: readonly string[]) => void): () => void {
  signals.on(APPENDED, listener);
  return () => signals.off(APPENDED, listener);
}
