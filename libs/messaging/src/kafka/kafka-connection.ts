import { readFileSync } from 'node:fs';
import type * as KafkaJs from 'kafkajs';
import type { ICustomPartitioner, Kafka, KafkaConfig, SASLOptions } from 'kafkajs';

/**
 * kafkajs, loaded at first use rather than when this library is imported: the OpenTelemetry kafkajs
 * instrumentation patches the module when it is required, and tracing starts after the imports
 * (createServiceApp), so an import here would leave the producer and consumers unpatched.
 */
function kafkajs(): typeof KafkaJs {
  return require('kafkajs') as typeof KafkaJs;
}

/** How a client proves itself to the brokers and protects the wire (ADR 0035). */
export interface KafkaSecurity {
  /** TLS to the brokers; `ca` replaces the system's trusted roots (PEM), `cert`/`key` add a client certificate. */
  ssl?: { ca?: string; cert?: string; key?: string };
  sasl?: { mechanism: KafkaSaslMechanism; username: string; password: string };
}

export type KafkaSaslMechanism = 'scram-sha-512' | 'scram-sha-256' | 'plain';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs logs are noisy; the services log what matters themselves. */
  logLevel?: 'nothing' | 'error' | 'warn' | 'info';
  /** Plaintext without it (a local broker); TLS and/or SASL for a shared cluster. */
  security?: KafkaSecurity;
}

/** Where the security settings live: file paths (a mounted Secret) and the SASL user, as the environment gives them. */
export interface KafkaSecuritySettings {
  ssl: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  saslMechanism?: KafkaSaslMechanism;
  saslUsername?: string;
  saslPassword?: string;
}

/** Reads the PEM files named by the settings once, at start; a missing file fails the start, naming it. */
export function readKafkaSecurity(settings: KafkaSecuritySettings): KafkaSecurity | undefined {
  const read = (file: string, what: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the Kafka ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const security: KafkaSecurity = {};
  if (settings.ssl) {
    security.ssl = {
      ...(settings.caFile ? { ca: read(settings.caFile, 'CA file (KAFKA_SSL_CA_FILE)') } : {}),
      ...(settings.certFile ? { cert: read(settings.certFile, 'client certificate (KAFKA_SSL_CERT_FILE)') } : {}),
      ...(settings.keyFile ? { key: read(settings.keyFile, 'client key (KAFKA_SSL_KEY_FILE)') } : {}),
    };
  }
  if (settings.saslMechanism) {
    if (!settings.saslUsername || settings.saslPassword === undefined) throw new Error('SASL needs a username and a password (KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD)');
    security.sasl = { mechanism: settings.saslMechanism, username: settings.saslUsername, password: settings.saslPassword };
  }
  return security.ssl || security.sasl ? security : undefined;
}

/**
 * The one partitioner of the platform: Java-compatible murmur2, so every client
 * (ours and any Java consumer) puts one key on the same partition.
 */
export const platformPartitioner: ICustomPartitioner = () => kafkajs().Partitioners.DefaultPartitioner();

export function createKafka(options: KafkaConnectionOptions): Kafka {
  const { Kafka, logLevel } = kafkajs();
  const levels = { nothing: logLevel.NOTHING, error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO } as const;
  const { ssl, sasl } = options.security ?? {};
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: levels[options.logLevel ?? 'nothing'],
    connectionTimeout: 3_000,
    // SCRAM's exchange takes a few round trips and the key derivation; TLS adds its handshake.
    authenticationTimeout: 10_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5_000 },
    // Node's TLS checks the broker's certificate and host name; there is no switch to turn that off.
    ...(ssl ? { ssl: { rejectUnauthorized: true, ...ssl } } : {}),
    ...(sasl ? { sasl: sasl as SASLOptions } : {}),
  };
  return new Kafka(config);
}
