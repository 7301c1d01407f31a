import { checkEvent, eventCatalog, type EventEnvelope, type EventProblemKind } from '@binh-yen/contracts';
import type { LogMessage } from '../transport/event-transport';

export type DeadLetterKind = EventProblemKind | 'unparseable' | 'handler-failed';

export type DecodedMessage =
  | { offset: string; message: LogMessage; ok: true; event: EventEnvelope }
  | { offset: string; message: LogMessage; ok: false; kind: DeadLetterKind; reason: string }
  /** Its `event-type` header names a type the projection does not apply: left unparsed (ADR 0057). */
  | { offset: string; message: LogMessage; ok: 'passed-by'; eventType: string };

/**
 * Decodes a message for a projection applying `appliedTypes`. One whose `event-type` and
 * `event-version` headers (set by every outbox relay) name a known event of a type the
 * projection does not apply is passed by without parsing or checking its body: its body is the
 * business of the projections that apply it. Everything else (an applied type, an unknown type
 * or version, no headers) is decoded in full, so it is applied or dead-lettered as before.
 */
export function decodeFor(message: LogMessage, appliedTypes: ReadonlySet<string>): DecodedMessage {
  const eventType = headerOf(message, 'event-type');
  if (eventType !== undefined && !appliedTypes.has(eventType) && KNOWN_EVENTS.has(`${eventType}@${headerOf(message, 'event-version')}`)) {
    return { offset: message.offset, message, ok: 'passed-by', eventType };
  }
  return decodeMessage(message);
}

/** Every known event as `type@version`: one lookup per message instead of a walk of the catalog. */
const KNOWN_EVENTS: ReadonlySet<string> = new Set(eventCatalog.map((definition) => `${definition.type}@${definition.version}`));

/** Parses and checks one message as a tolerant reader; never throws. */
export function decodeMessage(message: LogMessage): DecodedMessage {
  const base = { offset: message.offset, message };
  if (!message.value) return { ...base, ok: false, kind: 'unparseable', reason: 'message has no value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    return { ...base, ok: false, kind: 'unparseable', reason: `not JSON: ${(error as Error).message}` };
  }
  const check = checkEvent(parsed, 'consumer');
  return check.ok ? { ...base, ok: true, event: check.event } : { ...base, ok: false, kind: check.kind, reason: check.reason };
}

export function eventIdOf(decoded: DecodedMessage): string | null {
  if (decoded.ok === true) return decoded.event.id;
  return headerOf(decoded.message, 'event-id') || null;
}

/** A header's text (the first, if the header is repeated); undefined when the message has none. */
export function headerOf(message: LogMessage, name: string): string | undefined {
  const header = message.headers?.[name];
  return (Array.isArray(header) ? header[0] : header)?.toString();
}
