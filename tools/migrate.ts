// Applies a service's migrations to its database: `npm run migrate -- incidents`.
import { dataSourceOptions, createDatabaseIfMissing, runMigrations } from '@binh-yen/persistence';
import { localDatabaseUrl } from './services';

const migrationsOf: Record<string, () => Promise<NonNullable<Parameters<typeof dataSourceOptions>[0]['migrations']>>> = {
  units: async () => (await import('../apps/units/src/migrations')).unitsMigrations,
  incidents: async () => (await import('../apps/incidents/src/migrations')).incidentsMigrations,
  campaigns: async () => (await import('../apps/campaigns/src/migrations')).campaignsMigrations,
  reporting: async () => (await import('../apps/reporting/src/migrations')).reportingMigrations,
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
