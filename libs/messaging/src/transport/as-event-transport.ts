import type { Kafka } from 'kafkajs';
import { KafkaTransport } from '../kafka/kafka-transport';
import type { EventTransport } from './event-transport';

/**
 * Where events come from: a transport, or a bare kafkajs client (benches and
 * older callers), which is wrapped as the Kafka transport.
 */
export type EventSource = EventTransport | Kafka;

export function asEventTransport(source: EventSource): EventTransport {
  return isEventTransport(source) ? source : new KafkaTransport(source);
}

function isEventTransport(source: EventSource): source is EventTransport {
  return 'kind' in source && typeof (source as Partial<EventTransport>).createPublisher === 'function';
}

/** The next offset to be written on each partition of each topic (the "high watermark"). */
export function endOffsets(source: EventSource, topics: readonly string[]): Promise<Map<string, Map<number, bigint>>> {
  return asEventTransport(source).endOffsets(topics);
}
