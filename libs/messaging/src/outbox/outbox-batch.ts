import { contextFromTraceparent, SpanKind, tracer, tracingEnabled, traceparentOfSpan, type Span } from '@binh-yen/telemetry';
import type { OutgoingMessage, TopicMessages } from '../transport/event-transport';

/** One row of a relay batch, with the payload bytes up to it (the batch's size cap). */
export interface OutboxRow {
  position: string;
  running_bytes: string;
  topic: string;
  message_key: string;
  payload: string;
  headers: Record<string, string>;
}

/**
 * One producer span per traced row, a child of the span that appended it; the message
 * carries the publish span as its `traceparent`, so consumers continue the trace (ADR 0019).
 */
export function startPublishSpans(rows: OutboxRow[], serviceName: string): Span[] {
  if (!tracingEnabled()) return [];
  const relayTracer = tracer(serviceName);
  const spans: Span[] = [];
  for (const row of rows) {
    const origin = row.headers['traceparent'];
    if (!origin) continue;
    const span = relayTracer.startSpan(
      `publish ${row.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.operation.type': 'send',
          'messaging.destination.name': row.topic,
          'messaging.message.id': row.headers['event-id'] ?? '',
          'binhyen.event.type': row.headers['event-type'] ?? '',
          'service.name': serviceName,
        },
      },
      contextFromTraceparent(origin),
    );
    const traceparent = traceparentOfSpan(span);
    if (traceparent) row.headers = { ...row.headers, traceparent };
    spans.push(span);
  }
  return spans;
}

export function groupByTopic(rows: OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
