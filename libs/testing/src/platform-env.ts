import { testBrokers } from './infrastructure-env';
import { TEST_JWT_AUDIENCE, TEST_JWT_ISSUER, TEST_JWT_SECRET } from './test-tokens';

/** The environment a service process needs in a test: its database, the broker, its topics. */
export function serviceEnv(databaseUrl: string, topicPrefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testBrokers().join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_PARTITIONS: '3',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    AUTH_JWT_ISSUER: TEST_JWT_ISSUER,
    AUTH_JWT_AUDIENCE: TEST_JWT_AUDIENCE,
    RELAY_POLL_INTERVAL_MS: '200',
    // A killed consumer's partitions move on after 6 s instead of 30 s.
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
    ...extra,
  };
}


interface ConsumerHealth {
  groupId: string;
  state: string;
}

/** Waits until every consumer of a service has joined its group. */
export async function consumerStates(serviceUrl: string): Promise<ConsumerHealth[]> {
  const response = await fetch(`${serviceUrl}/health/ready`);
  const body = (await response.json()) as { checks?: { messaging?: { detail?: { consumers?: ConsumerHealth[] } } } };
  return body.checks?.messaging?.detail?.consumers ?? [];
}
