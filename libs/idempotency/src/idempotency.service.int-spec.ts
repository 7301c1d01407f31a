import { ProblemException } from '@binh-yen/http';
import { createTestDatabase, type TestDatabase } from '@binh-yen/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { fingerprintOf } from './fingerprint';
import { createIdempotencyTableSql } from './idempotency-schema';
import { IdempotencyService, type IdempotencyScope } from './idempotency.service';

/** The scope of a command `POST /things` sent by a subject in the province (25). */
const thing = (subject: string, area = '25'): IdempotencyScope => ({ command: 'POST /things', caller: { subject, area } });

describe('IdempotencyService on real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: IdempotencyService;

  const createThing = (name: string) => async (tx: EntityManager) => {
    const rows: { id: number }[] = await tx.query('INSERT INTO things (name) VALUES ($1) RETURNING id', [name]);
    return { id: rows[0]!.id, name };
  };
  const things = async (): Promise<number> => Number((await dataSource.query('SELECT count(*) AS n FROM things'))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase('idempotency');
    dataSource = new DataSource({ type: 'postgres', url: database.url, extra: { max: 5 } });
    await dataSource.initialize();
    for (const sql of createIdempotencyTableSql) await dataSource.query(sql);
    await dataSource.query('CREATE TABLE things (id serial PRIMARY KEY, name text NOT NULL)');
    service = new IdempotencyService(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('runs a command once per key and replays the first answer', async () => {
    const body = { name: 'Tổ an ninh nhân dân' };
    const first = await service.run('key-00000001', thing('cb-1'), fingerprintOf(body), createThing(body.name));
    const again = await service.run('key-00000001', thing('cb-1'), fingerprintOf(body), createThing(body.name));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ result: first.result, replayed: true });
    expect(await things()).toBe(1);
  });

  it('keeps keys apart per scope, and runs every time without a key', async () => {
    const before = await things();
    await service.run('key-00000001', thing('cb-2'), fingerprintOf({ name: 'x' }), createThing('x'));
    await service.run(undefined, thing('cb-2'), fingerprintOf({ name: 'y' }), createThing('y'));
    await service.run(undefined, thing('cb-2'), fingerprintOf({ name: 'y' }), createThing('y'));
    expect(await things()).toBe(before + 3);
  });

  it('replays to the same subject in the same area only: a caller moved to another area runs the command anew (issue 23)', async () => {
    const body = { name: 'Tổ tự quản' };
    const before = await things();
    const inVietTri = await service.run('key-moved-01', thing('cb-5', '25.227'), fingerprintOf(body), createThing(body.name));
    const inLamThao = await service.run('key-moved-01', thing('cb-5', '25.237'), fingerprintOf(body), createThing(body.name));
    expect([inVietTri.replayed, inLamThao.replayed]).toEqual([false, false]);
    expect(inLamThao.result).not.toEqual(inVietTri.result);
    expect(await things()).toBe(before + 2);
  });

  it('refuses a key reused for another request, and writes nothing', async () => {
    const before = await things();
    await expect(service.run('key-00000001', thing('cb-1'), fingerprintOf({ name: 'other' }), createThing('other'))).rejects.toBeInstanceOf(ProblemException);
    expect(await things()).toBe(before);
  });

  it('lets only one of two concurrent requests with one key run', async () => {
    const before = await things();
    const body = { name: 'đồng thời' };
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => service.run('key-concurrent', thing('cb-3'), fingerprintOf(body), createThing(body.name))),
    );
    expect(outcomes.filter((outcome) => !outcome.replayed)).toHaveLength(1);
    expect(await things()).toBe(before + 1);
  });

  it('records nothing when the command fails, so a retry runs it', async () => {
    const before = await things();
    await expect(
      service.run('key-failing-1', thing('cb-4'), 'f', async () => {
        throw new Error('use case refused');
      }),
    ).rejects.toThrow('use case refused');
    const retried = await service.run('key-failing-1', thing('cb-4'), 'f', createThing('retry'));
    expect(retried.replayed).toBe(false);
    expect(await things()).toBe(before + 1);
  });
});
