import { contextFromTraceparent, EVENT_TRACEPARENT_HEADER, SpanKind, tracer, tracingEnabled, traceparentOfSpan, type Span } from '@binh-yen/telemetry';
import { CLOUDEVENTS_SOURCE_PREFIX, cloudEventType, type EventEnvelope } from '@binh-yen/contracts';
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
 * One producer span per traced row, a child of the span that appended it; the message carries the
 * publish span in our `event-traceparent` header, which the projections continue (ADR 0019), and as
 * its `traceparent`, which the kafkajs instrumentation replaces by its own send span (ADR 0036).
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
    if (traceparent) row.headers = { ...row.headers, traceparent, [EVENT_TRACEPARENT_HEADER]: traceparent };
    spans.push(span);
  }
  return spans;
}

/**
 * The CloudEvents 1.0 Kafka protocol binding in binary mode (ADR 0047): the record's value (our
 * envelope) is the event data, its attributes are ce_* headers, beside our own headers and the
 * trace context. Read from the stored envelope, so rows appended before this existed get them too.
 */
export function cloudEventHeaders(payload: string, serviceName: string): Record<string, string> {
  const event = JSON.parse(payload) as EventEnvelope;
  return {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_source: `${CLOUDEVENTS_SOURCE_PREFIX}${serviceName}`,
    ce_type: cloudEventType(event.type, event.version),
    ce_time: event.occurredAt,
    ce_subject: event.aggregate.id,
    'content-type': 'application/json',
  };
}

export function groupByTopic(rows: OutboxRow[], serviceName: string): TopicMessages[] {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.payload, headers: { ...row.headers, ...cloudEventHeaders(row.payload, serviceName) } });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
