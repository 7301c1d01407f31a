import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { adminDatabaseUrl } from './infrastructure-env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database for one test file; the app's own migrations build its schema. */
export async function createTestDatabase(purpose: string): Promise<TestDatabase> {
  const name = `binhyen_test_${purpose.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`));
  return {
    name,
    url: withDatabase(adminDatabaseUrl(), name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
