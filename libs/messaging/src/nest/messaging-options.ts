import type { KafkaSecurity } from '../kafka/kafka-connection';
import type { TransportKind } from '../transport/event-transport';

export interface MessagingOptions {
  serviceName: string;
  /** Which log carries the events: a Kafka cluster, or the embedded table log. */
  eventTransport: TransportKind;
  brokers: string[];
  /** TLS and SASL to the brokers (read from the files the environment names); plaintext without. */
  kafkaSecurity?: KafkaSecurity;
  /** The shared log database of the embedded mode (postgres://…). */
  embeddedEventsUrl?: string;
  /** Isolates environments (and test files) on one broker: topics and group ids. */
  topicPrefix: string;
  partitions: number;
  /** Create the topics this service writes and reads at start (explicitly; never auto). */
  provisionTopics: boolean;
  /** The service's own database, for the relay's dedicated sessions. */
  databaseUrl: string;
  maxEventBytes: number;
  /** How long a consumer or the relay may stay dead for good before liveness fails (ADR 0037). */
  livenessGraceMs: number;
  relay: {
    enabled: boolean;
    batchSize: number;
    pollIntervalMs: number;
    retentionMs: number;
    useDatabaseCoordination: boolean;
  };
  consumers: {
    enabled: boolean;
    maxAttempts: number;
    maxRestarts: number;
    maxEventsPerTransaction: number;
    sessionTimeoutMs: number;
    heartbeatIntervalMs: number;
    partitionsConsumedConcurrently: number;
  };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** The EventTransport of this service (Kafka or the table log). */
export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');

/** Defaults for everything but where things are. */
export function messagingDefaults(
  required: Pick<MessagingOptions, 'serviceName' | 'brokers' | 'databaseUrl'> & Partial<MessagingOptions>,
): MessagingOptions {
  return {
    eventTransport: 'kafka',
    topicPrefix: '',
    partitions: 6,
    provisionTopics: true,
    maxEventBytes: 900_000,
    livenessGraceMs: 60_000,
    ...required,
    relay: {
      enabled: true,
      batchSize: 500,
      pollIntervalMs: 1_000,
      retentionMs: 24 * 60 * 60 * 1000,
      useDatabaseCoordination: true,
      ...required.relay,
    },
    consumers: {
      enabled: true,
      maxAttempts: 3,
      maxRestarts: 10,
      maxEventsPerTransaction: 5_000,
      // A restarted process applies again once its dead predecessor's session expires (ADR 0029).
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 1_000,
      partitionsConsumedConcurrently: 6,
      ...required.consumers,
    },
  };
}
