import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { Caller } from '@binh-yen/auth';
import { bearer, consumerStates, createTestDatabase, repoRoot, serviceEnv, startServiceProcess, uniqueTopicPrefix, waitFor, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';

const run = promisify(execFile);
const officer: Caller = { subject: 'ubnd-tinh-01', agency: 'people-committee', roles: ['officer'], area: '25' };

/**
 * Two processes of the units service (writers, one active relay) and two of the
 * reporting service (one consumer group, partitions split between them) on one machine.
 * One reporting process is killed under load: nothing is lost or counted twice.
 */
describe('scale-out on one machine', () => {
  const prefix = uniqueTopicPrefix();
  let unitsDb: TestDatabase;
  let reportingDb: TestDatabase;
  const units: ServiceProcess[] = [];
  const reporting: ServiceProcess[] = [];

  async function sql<T>(database: TestDatabase, text: string): Promise<T[]> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  }

  const appliedBy = async (service: ServiceProcess): Promise<number> => {
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith(`binhyen_consumer_applied_events{group="${prefix}reporting.movement.v1"}`));
    return Number(line?.split(' ').at(-1) ?? 0);
  };

  beforeAll(async () => {
    unitsDb = await createTestDatabase('units');
    reportingDb = await createTestDatabase('reporting');
    units.push(await startServiceProcess({ service: 'units', env: serviceEnv(unitsDb.url, prefix, { KAFKA_PARTITIONS: '6' }), label: 'units-a' }));
    units.push(await startServiceProcess({ service: 'units', env: serviceEnv(unitsDb.url, prefix, { KAFKA_PARTITIONS: '6' }), label: 'units-b' }));
    reporting.push(await startServiceProcess({ service: 'reporting', env: serviceEnv(reportingDb.url, prefix, { KAFKA_PARTITIONS: '6' }), label: 'reporting-a' }));
    reporting.push(await startServiceProcess({ service: 'reporting', env: serviceEnv(reportingDb.url, prefix, { KAFKA_PARTITIONS: '6' }), label: 'reporting-b' }));
    for (const service of reporting) await waitFor(() => consumerStates(service.url), (states) => states.every((s) => s.state === 'running'));
    await run(process.execPath, ['-r', '@swc-node/register', 'apps/units/src/import/import-units.cli.ts', join(repoRoot(), 'apps/units/seed/phu-tho-1998.csv'), '--effective-from=1998-04-21'], {
      cwd: repoRoot(),
      env: { ...process.env, ...serviceEnv(unitsDb.url, prefix) },
    });
    for (const service of reporting) await waitFor(() => consumerStates(service.url), (states) => states.every((s) => s.state === 'running'));
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([...units, ...reporting].map((service) => service.stop()));
    await Promise.allSettled([unitsDb?.drop(), reportingDb?.drop()]);
  });

  it('splits the partitions, keeps one relay, and survives losing a consumer', async () => {
    await waitFor(() => sql<{ n: number }>(reportingDb, `SELECT count(*)::int AS n FROM report_units_v1`), (rows) => rows[0]!.n === 89);
    const relays = await Promise.all(
      units.map(async (service) => (await (await fetch(`${service.url}/health/ready`)).json()) as { checks: { messaging: { detail: { relay: { role: string } } } } }),
    );
    expect(relays.map((body) => body.checks.messaging.detail.relay.role).sort()).toEqual(['leader', 'standby']);

    // Rate every commune through both writers, killing one reporting process on the way.
    const communes = await sql<{ code: string }>(unitsDb, `SELECT code FROM units WHERE kind = 'commune' ORDER BY code`);
    let posted = 0;
    for (const [index, { code }] of communes.entries()) {
      const writer = units[index % 2]!;
      const response = await fetch(`${writer.url}/api/v1/units/${code}/ratings/2026-Q2`, {
        method: 'PUT',
        headers: { authorization: await bearer(officer), 'content-type': 'application/json' },
        body: JSON.stringify({ rating: 'fair', assessor: 'Đoàn kiểm tra', assessedOn: '2026-07-02', justification: 'Kiểm tra quý II' }),
      });
      expect(response.status).toBe(200);
      posted++;
      if (index === Math.floor(communes.length / 3)) {
        // Both reporting processes take part: the group split the partitions between them.
        const [a, b] = await waitFor(() => Promise.all(reporting.map(appliedBy)), (applied) => applied.every((n) => n > 0), { description: 'both consumers applying' });
        process.stdout.write(`[scale-out] applied before the kill: ${a} and ${b}\n`);
        await reporting[1]!.kill('SIGKILL');
      }
    }

    const counted = await waitFor(
      () => sql<{ n: number }>(reportingDb, `SELECT count(*)::int AS n FROM unit_ratings_v1 WHERE quarter = '2026-Q2'`),
      (rows) => rows[0]!.n === posted,
      { timeoutMs: 90_000, description: `${posted} ratings in the projection after losing a consumer` },
    );
    expect(counted[0]!.n).toBe(posted);
    // Every event applied exactly once: the inbox holds each event id once, and as many as the units outbox wrote.
    const [{ written }] = await sql<{ written: number }>(unitsDb, `SELECT count(*)::int AS written FROM outbox WHERE topic LIKE '%binhyen.unit'`);
    await waitFor(() => sql<{ n: number }>(reportingDb, `SELECT count(*)::int AS n FROM consumer_inbox WHERE consumer = 'movement.v1'`), (rows) => rows[0]!.n === written, {
      timeoutMs: 60_000,
      description: 'every unit event applied once',
    });
  }, 240_000);
});
