import { type INestApplication, type LoggerService, type LogLevel } from '@nestjs/common';
import { createHttpApp, parseTrustProxy } from '@binh-yen/http';
import { tracesExporterOf, type ServiceEnv } from './service-env';
import type { CustomStrategy } from '@nestjs/microservices';
import { ProjectionServer } from '@binh-yen/messaging';
import { initTracing, type TracingOptions } from '@binh-yen/telemetry';
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

/**
 * Everything before the service's transports: refuses an unsafe production set-up, migrates the
 * database, starts tracing and builds the Nest app (HTTP configured, not yet listening).
 */
export async function createServiceApp(module: unknown, env: ServiceEnv, spec: ServiceSpec, options: StartOptions = {}): Promise<INestApplication> {
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
  initTracing(tracingOptionsOf(env, spec.name));
  const logger = options.logger ?? new ServiceLogger(spec.name, { json: env.LOG_FORMAT === 'json', logLevels: LOG_LEVELS[env.LOG_LEVEL] });
  return createHttpApp(module, {
    title: spec.title,
    serviceName: spec.name,
    description: spec.description,
    logger,
    bodyLimit: env.HTTP_BODY_LIMIT,
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    // A projector Deployment serves only health and metrics on its port (ADR 0038).
    apiEnabled: env.HTTP_ENABLED,
  });
}

/** Listens on PORT and HOST: from here on the service is reachable. */
export async function listenService(app: INestApplication, env: ServiceEnv): Promise<RunningService> {
  await app.listen(env.PORT, env.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${env.HOST}:${address.port}`;
  return { app, url, stop: () => app.close() };
}

/**
 * The whole start in one call, for tests and the embedded host; each service's main.ts spells
 * the same three steps out, the Nest way.
 */
export async function startService(module: unknown, env: ServiceEnv, spec: ServiceSpec, options: StartOptions = {}): Promise<RunningService> {
  const app = await createServiceApp(module, env, spec, options);
  // The projections' transport, as a Nest microservice beside HTTP (ADR 0030): with the app's
  // guards, pipes, interceptors and filters. `listen` answers at once; consumers join in the background.
  app.connectMicroservice<CustomStrategy>({ strategy: app.get(ProjectionServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  return listenService(app, env);
}

/**
 * The tracing set-up a service's validated environment asks for (ADR 0019, 0021, 0036). The OTLP
 * exporter reads its endpoint, headers and compression from the same OTEL_* variables itself. Several
 * services in one process (the embedded mode) share one resource: `binh-yen`.
 */
export function tracingOptionsOf(env: ServiceEnv, serviceName?: string): TracingOptions {
  const exporter = tracesExporterOf(env);
  return {
    exporter,
    serviceName: env.EVENT_TRANSPORT === 'embedded' || !serviceName ? 'binh-yen' : serviceName,
    ...(env.OTEL_SPANS_FILE ? { spansFile: env.OTEL_SPANS_FILE } : {}),
    ...(exporter === 'otlp' ? { otlp: { scheduledDelayMs: env.OTEL_BSP_SCHEDULE_DELAY } } : {}),
  };
}
