import type { DynamicModule } from '@nestjs/common';
import type { ServiceEnv } from './service-env';
import type { DataSourceOptions } from 'typeorm';

/** What makes one service different from another at start-up. */
export interface ServiceSpec {
  /** "incidents", "reporting", ...: names the relay lock, consumer groups and logs. */
  name: string;
  title: string;
  description: string;
  migrations: DataSourceOptions['migrations'];
  /** Services that write events have an outbox and run its relay. */
  producesEvents: boolean;
  entities?: DataSourceOptions['entities'];
  /** The service's own secrets by variable name, which the production-readiness check refuses when published. */
  secretsOf?: (env: ServiceEnv) => Record<string, string | undefined>;
}

/**
 * A service as its public entry (apps/<service>/src/index.ts) hands it to a host: its spec and its
 * root module built from validated variables, the one way main.ts, the embedded host and the tools
 * build it (ADR 0053).
 */
export interface ServiceEntry<E extends ServiceEnv = ServiceEnv> {
  spec: ServiceSpec;
  /** Validates the variables into the service's env (a clear error naming each bad one) and builds the root module. */
  load(variables: Record<string, string | undefined>): { env: E; module: DynamicModule };
}
