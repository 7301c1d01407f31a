// The public surface of @binh-yen/messaging, by what a caller does with it.

// Writing events: in the use case's transaction, through the outbox.
export { EventTooLargeError, OutboxWriter, type AlongsideStatement, type OutboxWriterOptions } from './outbox/outbox-writer';
export { createConsumerTablesSql, createOutboxTableSql, dropConsumerTablesSql, dropOutboxTableSql } from './outbox/outbox-schema';
export { OutboxRelay, type OutboxRelayOptions, type RelayRole, type RelayStats } from './outbox/outbox-relay';

// Consuming events: projections as `@EventPattern` handlers of the projection server.
export { ProjectionServer, PROJECTIONS_TRANSPORT, type ProjectionServerEvents, type ProjectionServerStatus } from './nest/projection-server';
export type { ProjectionPattern } from './nest/projection-registry';
export { projectionsOf } from './nest/projection-discovery';
export { consumerGroupId } from './consumer/projection';
export { ProjectionContext, type ConsumedEvent, type PartitionRange } from './consumer/projection-context';
export { EventDispatch, IGNORED, type EventHandlerMap } from './consumer/event-dispatch';
export { PermanentEventError, type ProjectionDefinition, type ProjectionHandler } from './consumer/projection';
export type { ConsumerState } from './consumer/consumer-supervision';
export { readWatermark, type Watermark } from './consumer/consumer-bookkeeping';
// The runner alone, without Nest: rebuilds, benchmarks.
export { ProjectionRunner, type ConsumerStats, type ProjectionRunnerOptions } from './consumer/projection-runner';
export { decodeMessage, type DecodedMessage } from './consumer/decoded-message';

// The module every service imports, its options and health.
export { MessagingModule } from './nest/messaging.module';
export { EVENT_TRANSPORT, MESSAGING_OPTIONS, messagingDefaults, type MessagingOptions } from './nest/messaging-options';
export { MessagingHealth, type MessagingHealthReport } from './nest/messaging-health';
export { consumerLagSourceFor, StoredOffsetsConsumerLag, type ConsumerLagSource, type LaggingGroup, type PartitionLag } from './metrics/consumer-lag';

// Transports: the abstraction, its two implementations, the factory that picks one.
export type {
  ConsumedBatch,
  EventPublisher,
  EventSubscription,
  EventTransport,
  LogMessage,
  SubscriptionHandlers,
  SubscriptionOptions,
  TransportKind,
} from './transport/event-transport';
export { createEventTransport } from './event-transport-factory';
export { KafkaTransport } from './kafka/kafka-transport';
export { createKafka, readKafkaSecurity, type KafkaSecurity, type KafkaSecuritySettings, type KafkaSaslMechanism } from './kafka/kafka-connection';
export { ensureTopics } from './kafka/topic-provisioner';
export { TableLogTransport, type TableLogOptions } from './embedded-log/table-log-transport';
export { eventLogMigrations } from './embedded-log/event-log-schema';

// Operations.
export { failpoint, type FailpointName } from './failpoint';
export { silentLogger, type MessagingLogger } from './logger';
