// Creates each service's own database on the local PostgreSQL (idempotent).
import { createDatabaseIfMissing } from '@binh-yen/persistence';
import { localDatabaseUrl, localServices } from './services';

async function main(): Promise<void> {
  for (const service of localServices) {
    const url = localDatabaseUrl(service.name);
    const created = await createDatabaseIfMissing(url);
    process.stdout.write(`${created ? 'created' : 'exists '} ${new URL(url).pathname.slice(1)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not create the databases: ${String(error)}\nIs PostgreSQL running on 127.0.0.1:5432?\n`);
  process.exit(1);
});
