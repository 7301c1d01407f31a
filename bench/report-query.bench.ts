// The quarterly report's incident figures on N incidents (default 1,000,000), read from the
// projection (rolled up over the hierarchy as events are applied) against a naive
// GROUP BY over an incidents table holding the same data, in the same database and run.
//   npm run bench:report [-- --small | --incidents=N]
import { IncidentEventTypes, uuidv7, type IncidentEvent } from '@binh-yen/contracts';
import { ProjectionContext } from '@binh-yen/messaging';
import { createTestDatabase } from '@binh-yen/testing';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { IncidentCountsProjection, IncidentReportQueries, reportingEntry } from '@binh-yen/reporting-app';

const small = process.argv.includes('--small');
const total = Number(process.argv.find((arg) => arg.startsWith('--incidents='))?.split('=')[1] ?? (small ? 20_000 : 1_000_000));
const runs = small ? 20 : 200;
const CHUNK = 20_000;
const categories = ['hostile-activity', 'state-secrets', 'dispute-complaint', 'corruption', 'smuggling', 'criminal-offence', 'traffic-order', 'urban-order', 'drugs', 'gambling', 'prostitution', 'other'];
// 13 districts × 40 communes, like Phú Thọ: 520 leaf areas.
const areas = Array.from({ length: 13 * 40 }, (_, i) => `25.${227 + Math.floor(i / 40)}.${String(7000 + i).padStart(5, '0')}`);

function incidentAt(index: number): { area: string; category: string; occurredAt: string } {
  // Spread over 2025-01-01 … 2026-12-31 (8 quarters), deterministic.
  const day = (index * 7919) % 730;
  return {
    area: areas[(index * 31) % areas.length]!,
    category: categories[(index * 17) % categories.length]!,
    occurredAt: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + (index % 86_400) * 1000).toISOString(),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(runsCount: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) await work();
  for (let i = 0; i < runsCount; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench_report');
  const dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: reportingEntry.spec.migrations, migrationsTableName: 'schema_migrations', extra: { max: 4 } });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE incidents_naive (id uuid PRIMARY KEY, area text NOT NULL, category text NOT NULL, occurred_at timestamptz NOT NULL)`);
    await dataSource.query(`CREATE INDEX incidents_naive_occurred_idx ON incidents_naive (occurred_at)`);
    await dataSource.query(`CREATE INDEX incidents_naive_area_idx ON incidents_naive (area text_pattern_ops)`);
    const projection = new IncidentCountsProjection();
    const loadStarted = performance.now();
    for (let start = 0; start < total; start += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, total - start) }, (_, i) => ({ id: uuidv7(), ...incidentAt(start + i) }));
      await dataSource.query(`INSERT INTO incidents_naive SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])`, [
        rows.map((r) => r.id),
        rows.map((r) => r.area),
        rows.map((r) => r.category),
        rows.map((r) => r.occurredAt),
      ]);
      const events: IncidentEvent[] = rows.map((r) => ({
        id: uuidv7(),
        type: IncidentEventTypes.reported,
        version: 1,
        occurredAt: r.occurredAt,
        aggregate: { type: 'incident', id: r.id },
        sequence: 1,
        actor: { agency: 'police', subject: 'bench' },
        area: r.area,
        data: { incidentId: r.id, unitCode: r.area.split('.').at(-1)!, category: r.category, occurredAt: r.occurredAt, reportedAt: r.occurredAt, summary: 'x' },
      }));
      await dataSource.transaction((manager) => projection.apply(events, new ProjectionContext({ consumer: 'bench', groupId: 'bench', manager, partitions: [], events: [] })));
      process.stderr.write(`\rloading ${Math.min(start + CHUNK, total)}/${total}`);
    }
    await dataSource.query('ANALYZE');
    process.stderr.write(`\rloaded ${total} incidents in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s\n`);

    const quarters = ['2026-Q3', '2026-Q2', '2025-Q3'];
    const queries = new IncidentReportQueries(dataSource);
    const naive = (area: string) =>
      dataSource.query(
        `SELECT category, to_char(occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q') AS quarter, count(*) AS incidents
           FROM incidents_naive
          WHERE (area = $1 OR area LIKE $1 || '.%')
            AND to_char(occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q') = ANY($2::text[])
          GROUP BY 1, 2`,
        [area, quarters],
      );
    // The oracle: both ways give the same figures.
    for (const area of ['25', '25.227', areas[0]!]) {
      const ours = (await queries.byCategory({ area, view: 'as-at-time' }, quarters)).map((r) => `${r.category}|${r.quarter}|${r.incidents}`).sort();
      const theirs = ((await naive(area)) as { category: string; quarter: string; incidents: string }[]).map((r) => `${r.category}|${r.quarter}|${Number(r.incidents)}`).sort();
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`projection differs from the naive query for ${area}`);
    }
    const results = [];
    for (const [label, area] of [['province', '25'], ['district', '25.227'], ['commune', areas[0]!]] as const) {
      const ours = await time(runs, () => queries.byCategory({ area, view: 'as-at-time' }, quarters));
      const baseline = await time(Math.max(5, Math.floor(runs / 10)), () => naive(area));
      results.push({
        level: label,
        oursP50: percentile(ours, 50),
        oursP95: percentile(ours, 95),
        naiveP50: percentile(baseline, 50),
        naiveP95: percentile(baseline, 95),
        speedup: percentile(baseline, 50) / percentile(ours, 50),
      });
    }
    const table = [
      '| area level | ours p50 ms | ours p95 ms | naive GROUP BY p50 ms | naive p95 ms | faster |',
      '|---|---|---|---|---|---|',
      ...results.map((r) => `| ${r.level} | ${r.oursP50.toFixed(2)} | ${r.oursP95.toFixed(2)} | ${r.naiveP50.toFixed(1)} | ${r.naiveP95.toFixed(1)} | ${r.speedup.toFixed(0)}× |`),
    ].join('\n');
    process.stdout.write(`report query on ${total} incidents (${runs} runs):\n${table}\n`);
    const name = small ? 'report-query.small.tmp' : 'report-query';
    const machine = { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version };
    writeFileSync(join(__dirname, 'results', `${name}.json`), `${JSON.stringify({ date: new Date().toISOString(), machine, incidents: total, runs, results }, null, 2)}\n`);
    writeFileSync(join(__dirname, 'results', `${name}.md`), `# Report query benchmark\n\n${JSON.stringify(machine)}\n\n${total} incidents, ${runs} runs\n\n${table}\n`);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
