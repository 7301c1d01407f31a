import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eventLogMigrations } from '@binh-yen/messaging';
import { dataSourceOptions, ensureClusterTemplate, runMigrations, startEmbeddedPostgres, type EmbeddedPostgres } from '@binh-yen/persistence';
import { SERVICE_NAMES, type ServiceName } from './embedded-settings';

export type DatabaseName = ServiceName | 'events';

export interface EmbeddedDatabases {
  urls: Record<DatabaseName, string>;
  stop(): Promise<void>;
}

/**
 * One PGlite per service and one for the event log, under dataDir. On first
 * start initdb runs once and the other clusters are copies of it. Each
 * service migrates its own database when it starts; the log is migrated here.
 */
export async function startEmbeddedDatabases(dataDir: string): Promise<EmbeddedDatabases> {
  const templateDir = join(dataDir, '.cluster-template');
  const names: DatabaseName[] = ['events', ...SERVICE_NAMES];
  // initdb once, and only when a database is new.
  if (names.some((name) => !existsSync(join(dataDir, name, 'PG_VERSION')))) await ensureClusterTemplate(templateDir);
  // In parallel: each runs in a worker thread of its own.
  const starting = names.map((name) => startEmbeddedPostgres({ dataDir: join(dataDir, name), port: 0, templateDir, sharedBuffers: '8MB' }));
  const results = await Promise.allSettled(starting);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const started: EmbeddedPostgres[] = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (failed) {
    await Promise.allSettled(started.map((database) => database.stop()));
    throw failed.reason;
  }
  rmSync(templateDir, { recursive: true, force: true });
  const urls = Object.fromEntries(names.map((name, i) => [name, started[i]!.url])) as Record<DatabaseName, string>;
  await runMigrations(dataSourceOptions({ url: urls.events, poolSize: 1, migrations: eventLogMigrations, applicationName: 'events-migrate' }));
  return {
    urls,
    stop: async () => {
      await Promise.allSettled(started.map((database) => database.stop()));
    },
  };
}
