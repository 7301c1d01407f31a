import { Kafka, logLevel, Partitioners, type ICustomPartitioner, type KafkaConfig } from 'kafkajs';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs logs are noisy; the services log what matters themselves. */
  logLevel?: 'nothing' | 'error' | 'warn' | 'info';
}

/**
 * The one partitioner of the platform: Java-compatible murmur2, so every client
 * (ours and any Java consumer) puts one key on the same partition.
 */
export const platformPartitioner: ICustomPartitioner = Partitioners.DefaultPartitioner;

const levels = { nothing: logLevel.NOTHING, error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO } as const;

export function createKafka(options: KafkaConnectionOptions): Kafka {
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: levels[options.logLevel ?? 'nothing'],
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 5, maxRetryTime: 5_000 },
  };
  return new Kafka(config);
}
