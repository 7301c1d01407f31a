import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, claimMappingFromEnv } from '@binh-yen/auth';
import { HealthModule, kafkaSecuritySettingsOf } from '@binh-yen/http';
import { type ServiceEnv } from './service-env';
import { messagingDefaults, MessagingModule, readKafkaSecurity, type MessagingOptions } from '@binh-yen/messaging';
import { dataSourceOptions } from '@binh-yen/persistence';
import { DatabaseHealthCheck, MessagingHealthCheck } from './health-checks';
import { MetricsModule } from './metrics.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import type { ServiceSpec } from './service-spec';

export function messagingOptionsFor(env: ServiceEnv, spec: ServiceSpec): MessagingOptions {
  const embedded = env.EVENT_TRANSPORT === 'embedded';
  const kafkaSecurity = embedded ? undefined : readKafkaSecurity(kafkaSecuritySettingsOf(env));
  return messagingDefaults({
    serviceName: spec.name,
    eventTransport: env.EVENT_TRANSPORT,
    brokers: env.KAFKA_BROKERS,
    ...(kafkaSecurity ? { kafkaSecurity } : {}),
    ...(env.EMBEDDED_EVENTS_URL ? { embeddedEventsUrl: env.EMBEDDED_EVENTS_URL } : {}),
    databaseUrl: env.DATABASE_URL,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    partitions: env.KAFKA_PARTITIONS,
    provisionTopics: env.KAFKA_PROVISION_TOPICS,
    maxEventBytes: env.KAFKA_MAX_EVENT_BYTES,
    livenessGraceMs: env.LIVENESS_GRACE_SECONDS * 1000,
    relay: {
      // The relay runs beside the API, which fills the outbox (ADR 0038).
      enabled: spec.producesEvents && env.HTTP_ENABLED,
      batchSize: env.RELAY_BATCH_SIZE,
      pollIntervalMs: env.RELAY_POLL_INTERVAL_MS,
      retentionMs: 24 * 60 * 60 * 1000,
      // PGlite serves every connection from one session: NOTIFY reaches nobody and
      // an advisory lock is granted to all. One process there, woken in-process.
      useDatabaseCoordination: !embedded,
    },
    consumers: {
      enabled: env.CONSUMERS_ENABLED,
      maxAttempts: 3,
      maxRestarts: env.KAFKA_CONSUMER_MAX_RESTARTS,
      // A group of the partitions' chunks may fill it: fewer, larger commits (ADR 0022).
      maxEventsPerTransaction: 5_000,
      sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
      heartbeatIntervalMs: env.KAFKA_HEARTBEAT_INTERVAL_MS,
      // Every partition of a fetch at once: their chunks meet in the consumer's group
      // commit and cost one transaction together (ADR 0022).
      partitionsConsumedConcurrently: Math.min(env.KAFKA_PARTITIONS, 16),
    },
  });
}

/** The modules every service stands on: database, event path, auth, health. */
export function platformModules(env: ServiceEnv, spec: ServiceSpec): (DynamicModule | typeof MetricsModule)[] {
  return [
    // forRootAsync without a name: @nestjs/typeorm's process-wide name registry warns when forRoot is
    // called again in one process, which the embedded mode does for each of its four apps, each with
    // its own container (nothing is overridden). The async form registers no name (issue 24).
    TypeOrmModule.forRootAsync({
      useFactory: () =>
        dataSourceOptions({
          url: env.DATABASE_URL,
          poolSize: env.DATABASE_POOL_SIZE,
          migrations: spec.migrations,
          entities: spec.entities ?? [],
          applicationName: spec.name,
        }),
    }),
    MessagingModule.forRoot(messagingOptionsFor(env, spec)),
    // Before AuthModule: its guard runs first (ADR 0036).
    RateLimitModule.forRoot({ perMinute: env.RATE_LIMIT_PER_MINUTE, store: env.RATE_LIMIT_STORE, ...(env.RATE_LIMIT_REDIS_URL ? { redisUrl: env.RATE_LIMIT_REDIS_URL } : {}), keyPrefix: `${env.KAFKA_TOPIC_PREFIX}binhyen:${spec.name}:` }),
    AuthModule.forRoot({
      ...(env.AUTH_JWT_SECRET ? { sharedSecret: env.AUTH_JWT_SECRET } : {}),
      ...(env.AUTH_JWKS_URL ? { jwksUrl: env.AUTH_JWKS_URL } : {}),
      ...(env.AUTH_JWT_ISSUER ? { issuer: env.AUTH_JWT_ISSUER } : {}),
      ...(env.AUTH_JWT_AUDIENCE ? { audience: env.AUTH_JWT_AUDIENCE } : {}),
      claims: claimMappingFromEnv(env),
    }),
    HealthModule.forRoot([DatabaseHealthCheck, MessagingHealthCheck], [DatabaseHealthCheck, MessagingHealthCheck]),
    MetricsModule,
  ];
}
