import { type INestApplication, type LoggerService, type LogLevel } from '@nestjs/common';
import { createHttpApp, tracesExporterOf, type ServiceEnv } from '@binh-yen/http';
import { initTracing, parseOtlpHeaders, type TracingOptions } from '@binh-yen/telemetry';
import { createDatabaseIfMissing, dataSourceOptions, runMigrations } from '@binh-yen/persistence';
import { ServiceLogger } from './json-logger';
import { assertProductionReady } from './production-readiness';
import type { ServiceSpec } from './service-spec';

export const LOG_LEVELS: Record<ServiceEnv['LOG_LEVEL'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

export interface StartOptions {
  /** Where the service logs; by default its own console logger (several services in one process pass one that tags each line). */
  logger?: LoggerService;
}

export interface RunningService {
  app: INestApplication;
  url: string;
  stop(): Promise<void>;
}

/** Migrates the database, builds the app, listens. Used by main.ts and by tests. */
export async function startService(module: unknown, env: ServiceEnv, spec: ServiceSpec, options: StartOptions = {}): Promise<RunningService> {
  // First: a platform others use never starts on a published secret or without its token checks.
  assertProductionReady({
    nodeEnv: env.NODE_ENV,
    eventTransport: env.EVENT_TRANSPORT,
    host: env.HOST,
    jwtSecret: env.AUTH_JWT_SECRET,
    jwksUrl: env.AUTH_JWKS_URL,
    issuer: env.AUTH_JWT_ISSUER,
    audience: env.AUTH_JWT_AUDIENCE,
    ...(spec.secretsOf ? { secrets: spec.secretsOf(env) } : {}),
  });
  if (env.DATABASE_MIGRATE_ON_START) {
    await createDatabaseIfMissing(env.DATABASE_URL);
    await runMigrations(
      dataSourceOptions({ url: env.DATABASE_URL, poolSize: 1, migrations: spec.migrations, applicationName: `${spec.name}-migrate` }),
    );
  }
  initTracing(tracingOptionsOf(env));
  const logger = options.logger ?? new ServiceLogger(spec.name, { json: env.LOG_FORMAT === 'json', logLevels: LOG_LEVELS[env.LOG_LEVEL] });
  const app = await createHttpApp(module, {
    title: spec.title,
    serviceName: spec.name,
    description: spec.description,
    logger,
    bodyLimit: env.HTTP_BODY_LIMIT,
    corsOrigins: env.CORS_ORIGINS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
  });
  await app.listen(env.PORT, env.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${env.HOST}:${address.port}`;
  return { app, url, stop: () => app.close() };
}

/** The tracing set-up a service's validated environment asks for (ADR 0019, 0021). */
export function tracingOptionsOf(env: ServiceEnv): TracingOptions {
  const exporter = tracesExporterOf(env);
  return {
    exporter,
    ...(env.OTEL_SPANS_FILE ? { spansFile: env.OTEL_SPANS_FILE } : {}),
    ...(exporter === 'otlp' && env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { otlp: { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, headers: parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS), scheduledDelayMs: env.OTEL_BSP_SCHEDULE_DELAY } }
      : {}),
  };
}
