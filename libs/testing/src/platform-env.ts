import { issueToken, type Caller } from '@binh-yen/auth';
import { testBrokers } from './infrastructure-env';

export const TEST_JWT_SECRET = 'test-secret-for-integration-tests-only';

/** The environment a service process needs in a test: its database, the broker, its topics. */
export function serviceEnv(databaseUrl: string, topicPrefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testBrokers().join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_PARTITIONS: '3',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    RELAY_POLL_INTERVAL_MS: '200',
    // A killed consumer's partitions move on after 6 s instead of 30 s.
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    KAFKA_HEARTBEAT_INTERVAL_MS: '1000',
    ...extra,
  };
}

export const policeOfficer: Caller = { subject: 'cb-viet-tri-01', agency: 'police', roles: ['officer'], area: '25' };
export const provincialAnalyst: Caller = { subject: 'analyst-01', agency: 'police', roles: ['analyst'], area: '25' };

export function bearer(caller: Caller = policeOfficer): Promise<string> {
  return issueToken(caller, TEST_JWT_SECRET).then((token) => `Bearer ${token}`);
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
