import type { DataSourceOptions } from 'typeorm';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  /** Migrations are the only way the schema changes (never `synchronize`). */
  migrations: DataSourceOptions['migrations'];
  entities?: DataSourceOptions['entities'];
  applicationName: string;
}

export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    applicationName: settings.applicationName,
    entities: settings.entities ?? [],
    migrations: settings.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    extra: { max: settings.poolSize },
  };
}
