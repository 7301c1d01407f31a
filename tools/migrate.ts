// Applies a service's migrations to its database: `npm run migrate -- incidents`.
import { dataSourceOptions, createDatabaseIfMissing, runMigrations } from '@binh-yen/persistence';
import { localDatabaseUrl } from './services';

// Each service's migrations from its public entry, loaded only for the service asked for.
const migrationsOf: Record<string, () => Promise<Parameters<typeof dataSourceOptions>[0]['migrations']>> = {
  units: async () => (await import('@binh-yen/units-app')).unitsEntry.spec.migrations,
  incidents: async () => (await import('@binh-yen/incidents-app')).incidentsEntry.spec.migrations,
  campaigns: async () => (await import('@binh-yen/campaigns-app')).campaignsEntry.spec.migrations,
  reporting: async () => (await import('@binh-yen/reporting-app')).reportingEntry.spec.migrations,
};

async function main(): Promise<void> {
  const services = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(migrationsOf);
  for (const service of services) {
    const load = migrationsOf[service];
    if (!load) throw new Error(`Unknown service "${service}"; choose from ${Object.keys(migrationsOf).join(', ')}`);
    const url = process.env['DATABASE_URL'] ?? localDatabaseUrl(service);
    await createDatabaseIfMissing(url);
    const applied = await runMigrations(dataSourceOptions({ url, poolSize: 1, migrations: await load(), applicationName: `${service}-migrate` }));
    process.stdout.write(`${service}: ${applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${String(error)}\n`);
  process.exit(1);
});
