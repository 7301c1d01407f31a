import type { HeaderValue, LogMessage } from '../transport/event-transport';

export type StoredHeaders = Record<string, string | string[]>;

/** One row of event_log as pg returns it (bytea as Buffer, bigint as text). */
export interface EventLogRow {
  message_offset: string;
  message_key: Buffer | null;
  headers: StoredHeaders;
  value: Buffer | null;
}

export function toBytes(value: Buffer | string | null): Buffer | null {
  if (value === null) return null;
  return Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
}

/** Headers as jsonb: text values; jsonb cannot hold NUL, so it is escaped. */
export function encodeHeaders(headers: Record<string, HeaderValue> | undefined): StoredHeaders {
  const stored: StoredHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    stored[name] = Array.isArray(value) ? value.map(headerText) : headerText(value);
  }
  return stored;
}

function headerText(value: Buffer | string): string {
  return value.toString().replaceAll('\u0000', '\\u0000');
}

/** Back to the shape kafkajs delivers: header values as bytes. */
export function toLogMessage(row: EventLogRow): LogMessage {
  const headers: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(row.headers)) {
    headers[name] = Array.isArray(value) ? value.map((item) => Buffer.from(item, 'utf8')) : Buffer.from(value, 'utf8');
  }
  return { offset: String(row.message_offset), key: row.message_key, value: row.value, headers };
}
