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
