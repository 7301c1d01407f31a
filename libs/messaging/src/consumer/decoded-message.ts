import { checkEvent, type EventEnvelope, type EventProblemKind } from '@binh-yen/contracts';
import type { LogMessage } from '../transport/event-transport';

export type DeadLetterKind = EventProblemKind | 'unparseable' | 'handler-failed';

export type DecodedMessage =
  | { offset: string; message: LogMessage; ok: true; event: EventEnvelope }
  | { offset: string; message: LogMessage; ok: false; kind: DeadLetterKind; reason: string };

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
  if (decoded.ok) return decoded.event.id;
  return headerOf(decoded.message, 'event-id') || null;
}

/** A header's text (the first, if the header is repeated); undefined when the message has none. */
export function headerOf(message: LogMessage, name: string): string | undefined {
  const header = message.headers?.[name];
  return (Array.isArray(header) ? header[0] : header)?.toString();
}
