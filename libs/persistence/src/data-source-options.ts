import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  /** Migrations are the only way the schema changes (never `synchronize`). */
  migrations: MixedList<Function | string>;
  entities?: MixedList<Function | string | EntitySchema>;
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
