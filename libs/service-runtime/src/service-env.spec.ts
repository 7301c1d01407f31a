import 'reflect-metadata';
import { loadEnv } from '@binh-yen/http';
import { ServiceEnv } from './service-env';

describe('loadEnv', () => {
  const required = { DATABASE_URL: 'postgres://127.0.0.1/x', KAFKA_BROKERS: '127.0.0.1:9092' };

  it('reads "false" as false and "true" as true in every boolean variable (implicit conversion made "false" true)', () => {
    const off = loadEnv(ServiceEnv, { ...required, HTTP_ENABLED: 'false', CONSUMERS_ENABLED: 'no', DATABASE_MIGRATE_ON_START: 'false', KAFKA_PROVISION_TOPICS: '0', KAFKA_SSL: 'false' });
    expect([off.HTTP_ENABLED, off.CONSUMERS_ENABLED, off.DATABASE_MIGRATE_ON_START, off.KAFKA_PROVISION_TOPICS, off.KAFKA_SSL]).toEqual([false, false, false, false, false]);
    const on = loadEnv(ServiceEnv, { ...required, HTTP_ENABLED: 'true', CONSUMERS_ENABLED: 'on', DATABASE_MIGRATE_ON_START: '1', KAFKA_PROVISION_TOPICS: 'TRUE' });
    expect([on.HTTP_ENABLED, on.CONSUMERS_ENABLED, on.DATABASE_MIGRATE_ON_START, on.KAFKA_PROVISION_TOPICS]).toEqual([true, true, true, true]);
  });

  it('keeps the defaults when a boolean is unset: the API and the consumers both on', () => {
    const env = loadEnv(ServiceEnv, required);
    expect([env.HTTP_ENABLED, env.CONSUMERS_ENABLED, env.LIVENESS_GRACE_SECONDS, env.KAFKA_CONSUMER_MAX_RESTARTS]).toEqual([true, true, 60, 10]);
  });
});
