import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm';

/** One key for every service: each has its own database, and an advisory lock is per database. */
export const MIGRATION_LOCK_KEY = 0x62796d67; // "bymg"

/**
 * Applies pending migrations with a data source of its own, then closes it. Several processes may
 * call it at once (every new pod's init step of a release, ADR 0036): a session advisory lock on the
 * connection that runs them lets one apply them in order while the others wait, then find nothing
 * left to do. (The embedded PGlite grants advisory locks to every connection: one process there.)
 */
export async function runMigrations(options: DataSourceOptions): Promise<string[]> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return (await executor.executePendingMigrations()).map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
