export * from './backoff';
export * from './consumer/consumer-bookkeeping';
export * from './consumer/decoded-message';
export * from './consumer/error-classification';
export * from './consumer/projection';
export * from './consumer/projection-consumer';
export * from './failpoint';
export * from './embedded-log/event-log-schema';
export * from './embedded-log/log-partitioner';
export * from './embedded-log/table-log-publisher';
export * from './embedded-log/table-log-transport';
export * from './kafka/kafka-connection';
export * from './kafka/kafka-transport';
export * from './kafka/topic-provisioner';
export * from './logger';
export * from './nest/messaging-health';
export * from './nest/messaging-options';
export * from './nest/messaging.module';
export * from './nest/projection-handler.decorator';
export * from './outbox/outbox-relay';
export * from './outbox/outbox-schema';
export * from './outbox/outbox-writer';
export * from './kafka/topic-offsets';
export * from './nest/relay-wake-subscriber';
export * from './transport/as-event-transport';
export * from './transport/create-event-transport';
export * from './transport/event-transport';
/**
 * What the KAFKA token holds: the kafkajs client on Kafka, the table-log
 * transport in the embedded mode. Pass it on to endOffsets or ProjectionConsumer;
 * new code injects EVENT_TRANSPORT (an EventTransport) instead.
 */
export type { EventSource as KafkaClient } from './transport/as-event-transport';
export * from './metrics/consumer-lag';
export * from './nest/projection-host';
