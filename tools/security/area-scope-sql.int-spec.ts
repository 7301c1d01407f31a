import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, repoRoot, type TestDatabase } from '@binh-yen/testing';
import { isWithinArea, sqlWithinArea } from '@binh-yen/auth';

/**
 * Issue 23, finding 3: area scope compared paths with `LIKE area || '.%'`, so an area holding
 * `_` or `%` matched other units. The one SQL form every read path uses, on real PostgreSQL,
 * against the one code form; paths with wildcards are stored here on purpose (data from before
 * codes were restricted), so that only the comparison keeps them apart.
 */
describe('the SQL area scope on PostgreSQL', () => {
  let database: TestDatabase;
  let client: Client;
  const paths = ['25', '25.227', '25.227.07882', '25.227.07882.0788201', '25.2X7', '25.2X7.1', '25.228', '25.22', '25.2_7', '25.2_7.1', '25.2%7', '25.22%', '251', '251.1', '2_', '%', 'CQ22701', 'cq22701'];

  beforeAll(async () => {
    database = await createTestDatabase('area_scope');
    client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query('CREATE TABLE places (path text NOT NULL)');
    await client.query('CREATE INDEX places_path_idx ON places (path text_pattern_ops)');
    await client.query('INSERT INTO places SELECT unnest($1::text[])', [paths]);
    // Enough rows that the planner has an index worth using.
    await client.query(`INSERT INTO places SELECT '30.' || n FROM generate_series(1, 20000) n`);
    await client.query('ANALYZE places');
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it.each(['25', '25.227', '25.2_7', '25.2%', '25.22', '25.22%', '2_', '%', '_', '25.%', '25.2X7', 'cq22701'])('matches exactly what isWithinArea matches for the area %j', async (area) => {
    const rows = await client.query<{ path: string }>(`SELECT path FROM places WHERE ${sqlWithinArea('path', '$1')} AND path NOT LIKE '30.%' ORDER BY path`, [area]);
    expect(rows.rows.map((row) => row.path)).toEqual(paths.filter((path) => isWithinArea(path, area)).sort());
  });

  it('still serves the scope from the text_pattern_ops index', async () => {
    await client.query('SET enable_seqscan = off');
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT path FROM places WHERE ${sqlWithinArea('path', '$1')}`, ['25.227']);
    await client.query('RESET enable_seqscan');
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index/);
    expect(text).toContain("~>=~ '25.227.'::text");
  });
});

/** Every source file of the services and libraries, tests aside. */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'test' ? [] : sources(path);
    return path.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(path) ? [path] : [];
  });
}

/** A LIKE whose pattern holds a parameter (it reads the caller's `_` and `%` as wildcards), or a prefix comparison of its own. */
function offends(line: string): boolean {
  const likeOperands = [...line.matchAll(/\bI?LIKE\s+(.*?)(?=\s+(?:AND|OR)\b|\)|$)/g)].map((match) => match[1]!);
  return likeOperands.some((operand) => /\$\d/.test(operand)) || /\bstarts_with\s*\(/.test(line);
}

describe('no other way to compare paths', () => {
  it('recognises the forms the attacker exploited', () => {
    expect(offends("WHERE (path = $1 OR path LIKE $1 || '.%')")).toBe(true);
    expect(offends("AND ($3::text IS NULL OR name_search LIKE '%' || $3 || '%' OR code = $4)")).toBe(true);
    expect(offends("WHERE s.path = $1 OR starts_with($1, s.path || '.')")).toBe(true);
    expect(offends("AND event_type LIKE 'incident.%' AND id = $1")).toBe(false);
  });

  it('builds no LIKE pattern from a parameter anywhere, and compares prefixes (starts_with) only in libs/auth/src/area-scope.ts', () => {
    const root = repoRoot();
    const offending: string[] = [];
    for (const file of [...sources(join(root, 'apps')), ...sources(join(root, 'libs'))]) {
      if (file.endsWith(join('libs', 'auth', 'src', 'area-scope.ts'))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (offends(line)) offending.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offending).toEqual([]);
  });
});
