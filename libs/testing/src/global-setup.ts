import { Client } from 'pg';
import { findFreePort, startBroker, type RunningBroker } from './kafka-broker';
import { startContractLog } from './contract-log';
import { adminDatabaseUrl, BROKERS_VAR } from './infrastructure-env';

declare global {
  // The broker this run started, stopped again by the global teardown.
  var __binhYenBroker: RunningBroker | undefined;
  // Where the services of this run record contract violations; checked by the global teardown.
  var __binhYenContractLog: string | undefined;
}

async function assertPostgresReachable(): Promise<void> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminDatabaseUrl()} (${String(error)}). ` +
        'Start it (e.g. `pg_ctlcluster 15 main start`) or set BINHYEN_TEST_ADMIN_DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts (or reuses, when KAFKA_BROKERS is set) one broker for the whole run. */
export default async function globalSetup(): Promise<void> {
  await assertPostgresReachable();
  // Every service the suites start checks its traffic against its OpenAPI document (ADR 0046).
  globalThis.__binhYenContractLog = startContractLog();
  if (process.env[BROKERS_VAR]) return;
  const port = await findFreePort();
  const controllerPort = await findFreePort();
  const started = Date.now();
  const broker = await startBroker({ port, controllerPort, fresh: true });
  process.stdout.write(`\n[harness] Kafka broker ready at ${broker.brokers.join(',')} in ${Date.now() - started} ms\n`);
  process.env[BROKERS_VAR] = broker.brokers.join(',');
  globalThis.__binhYenBroker = broker;
}
