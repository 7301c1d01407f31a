import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@binh-yen/testing';
import { dataSourceOptions } from './data-source-options';
import { runMigrations } from './run-migrations';

class CreateLedger1700000000001 implements MigrationInterface {
  name = 'CreateLedger1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    // Slow enough that every concurrent runner arrives while it runs.
    await runner.query('SELECT pg_sleep(0.5)');
    await runner.query('CREATE TABLE ledger (id serial PRIMARY KEY, note text NOT NULL)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ledger');
  }
}

class RecordRun1700000000002 implements MigrationInterface {
  name = 'RecordRun1700000000002';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`INSERT INTO ledger (note) VALUES ('applied')`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM ledger');
  }
}

/** ADR 0036: every new pod of a release runs the migrations in its init step; they must apply once, in order. */
describe('runMigrations from several processes at once', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('migrations-lock');
  });

  afterAll(async () => {
    await database.drop();
  });

  it('applies each migration once, in order, however many run together', async () => {
    const run = (i: number): Promise<string[]> =>
      runMigrations(dataSourceOptions({ url: database.url, poolSize: 1, migrations: [CreateLedger1700000000001, RecordRun1700000000002], applicationName: `migrate-${i}` }));
    const results = await Promise.all([run(1), run(2), run(3), run(4)]);
    expect(results.flat().sort()).toEqual(['CreateLedger1700000000001', 'RecordRun1700000000002']);
    expect(results.filter((applied) => applied.length === 2)).toHaveLength(1);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      expect((await client.query('SELECT note FROM ledger')).rows).toEqual([{ note: 'applied' }]);
      expect((await client.query('SELECT name FROM schema_migrations ORDER BY id')).rows.map((row: { name: string }) => row.name)).toEqual(['CreateLedger1700000000001', 'RecordRun1700000000002']);
    } finally {
      await client.end();
    }
    expect(await run(5)).toEqual([]);
  });
});
