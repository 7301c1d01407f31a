import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { eventLogMigrations } from '@binh-yen/messaging';
import { dataSourceOptions, ensureClusterTemplate, runMigrations, startEmbeddedPostgres, type EmbeddedPostgres } from '@binh-yen/persistence';
import { isCluster, sharedTemplateDir } from './cluster-template';
import { SERVICE_NAMES, type ServiceName } from './embedded-settings';

export type DatabaseName = ServiceName | 'events';

export interface EmbeddedDatabases {
  urls: Record<DatabaseName, string>;
  stop(): Promise<void>;
}

/**
 * One PGlite per service and one for the event log, under dataDir. A new database
 * is a copy of the cluster npm install made (or, without it, of one initdb run). Each
 * service migrates its own database when it starts; the log is migrated here.
 */
export async function startEmbeddedDatabases(dataDir: string): Promise<EmbeddedDatabases> {
  const names: DatabaseName[] = ['events', ...SERVICE_NAMES];
  // The cluster npm install made, or else one made here once (initdb) when a database is new.
  const shared = sharedTemplateDir();
  const templateDir = isCluster(shared) ? shared : join(dataDir, '.cluster-template');
  if (names.some((name) => !isCluster(join(dataDir, name)))) await ensureClusterTemplate(templateDir);
  // Opened together, in the one database worker of this process.
  const starting = names.map((name) => startEmbeddedPostgres({ dataDir: join(dataDir, name), port: 0, templateDir, sharedBuffers: '8MB' }));
  const results = await Promise.allSettled(starting);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const started: EmbeddedPostgres[] = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (failed) {
    await Promise.allSettled(started.map((database) => database.stop()));
    throw failed.reason;
  }
  if (templateDir !== shared) rmSync(templateDir, { recursive: true, force: true });
  const urls = Object.fromEntries(names.map((name, i) => [name, started[i].url])) as Record<DatabaseName, string>;
  await runMigrations(dataSourceOptions({ url: urls.events, poolSize: 1, migrations: eventLogMigrations, applicationName: 'events-migrate' }));
  return {
    urls,
    stop: async () => {
      await Promise.allSettled(started.map((database) => database.stop()));
    },
  };
}
