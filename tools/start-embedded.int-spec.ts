import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { issueToken } from '@binh-yen/auth';
import { quarterOf } from '@binh-yen/contracts';
import { findFreePort, repoRoot, waitFor } from '@binh-yen/testing';

const SECRET = 'embedded-start-test-secret-0123456789';

interface Started {
  child: ChildProcess;
  /** Once npm and the node process under it are gone (their output closed). */
  exited: Promise<number | NodeJS.Signals | null>;
  lines: string[];
}

/** `npm start` exactly as a user types it, in its own process group (as a terminal would). */
function npmStart(env: Record<string, string>, label: string): Started {
  const logs = join(repoRoot(), 'test-artifacts', 'logs');
  mkdirSync(logs, { recursive: true });
  const log = createWriteStream(join(logs, `${label}.log`));
  const child = spawn('npm', ['start'], { cwd: repoRoot(), env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      log.write(`${line}\n`);
    });
  }
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('close', (code, signal) => resolve(code ?? signal)));
  void exited.then(() => log.end());
  return { child, exited, lines };
}

/** Ctrl-C: SIGINT to the whole process group, as a terminal sends it. */
async function pressCtrlC(started: Started): Promise<number | NodeJS.Signals | null> {
  process.kill(-started.child.pid!, 'SIGINT');
  return started.exited;
}

async function untilReady(started: Started): Promise<number> {
  const begun = Date.now();
  while (!started.lines.some((line) => line.includes('Bình Yên is ready'))) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited (${started.child.exitCode}):\n${started.lines.slice(-30).join('\n')}`);
    if (Date.now() - begun > 120_000) throw new Error(`npm start not ready after 120 s:\n${started.lines.slice(-30).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - begun;
}

/**
 * A start prints what a user needs and nothing else (issue 24): the launcher's own lines, each
 * tagged, and the banner; no warning a user can do nothing about, no framework chatter.
 */
function expectOnlyLinesThatMatter(lines: readonly string[]): void {
  const start = lines.slice(0, lines.findIndex((line) => line.includes('Bình Yên is ready')) + 1);
  const banner = start.findIndex((line) => line.startsWith('Bình Yên is running'));
  // npm's own echo of the script ("> binh-yen@… start") is npm's, not the platform's.
  const logged = start.filter((line, index) => (index < banner - 1 || index === start.length - 1) && line.trim() !== '' && !line.startsWith('> '));
  expect(logged.filter((line) => !/^\[(platform |units {4}|incidents|campaigns|reporting)\] /.test(line))).toEqual([]);
  expect(logged.filter((line) => /WARN|ERROR|DataSourceNameRegistry|InstanceLoader|RoutesResolver|RouterExplorer|NestFactory|NestApplication|consuming as group/.test(line))).toEqual([]);
}

describe('npm start: the embedded platform, as a user runs it', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'binh-yen-embedded-'));
  const keysDir = mkdtempSync(join(tmpdir(), 'binh-yen-keys-'));
  let running: Started | undefined;

  afterAll(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) await pressCtrlC(running);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('loads the demo data, takes an incident through its lifecycle over HTTP, sees the report move, and keeps it all across Ctrl-C and a restart', async () => {
    const ports = { units: await findFreePort(), incidents: await findFreePort(), campaigns: await findFreePort(), reporting: await findFreePort() };
    const env = {
      DATA_DIR: dataDir,
      UNITS_PORT: String(ports.units),
      INCIDENTS_PORT: String(ports.incidents),
      CAMPAIGNS_PORT: String(ports.campaigns),
      REPORTING_PORT: String(ports.reporting),
      AUTH_JWT_SECRET: SECRET,
      BINHYEN_KEYS_DIR: keysDir,
      // The demo data in full, with fewer incidents: the chapters are the same, the test shorter.
      DEMO_INCIDENTS: '30',
    };
    const incidents = `http://127.0.0.1:${ports.incidents}`;
    const reporting = `http://127.0.0.1:${ports.reporting}`;
    const tokenOf = async (agency: 'police' | 'procuracy' | 'court'): Promise<string> => issueToken({ subject: `embedded-test-${agency}`, agency, roles: ['officer'], area: '25' }, { secret: SECRET });
    const token = await tokenOf('police');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const ratedUnits = async (): Promise<number> => {
      const report = (await (await fetch(`${reporting}/api/v1/reports/quarterly?area=25&quarter=${quarterOf(new Date())}`, { headers })).json()) as {
        sections: { key: string; rows: { metric: string; current: number }[] }[];
      };
      return report.sections.find((section) => section.key === 'movement')!.rows[0]!.current;
    };
    const occurredAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const quarter = quarterOf(occurredAt);
    const countsUrl = `${reporting}/api/v1/reports/incident-counts?quarter=${quarter}`;
    const total = async (): Promise<number> => ((await (await fetch(countsUrl, { headers })).json()) as { total: number }).total;
    // The demo data never reports this category, so its count is the test's own.
    const leaks = async (): Promise<number> =>
      ((await (await fetch(countsUrl, { headers })).json()) as { byCategory: { category: string; incidents: number }[] }).byCategory.find((row) => row.category === 'state-secrets-leak')?.incidents ?? 0;

    running = npmStart(env, 'embedded-start-first');
    const firstStartMs = await untilReady(running);
    process.stdout.write(`[start-embedded.int-spec] first start ready in ${firstStartMs} ms\n`);
    expect(running.lines.join('\n')).toMatch(/\[units {4}\] demo data: imported 89 units of Phú Thọ/);
    // Issue 23, finding 6: the data, the databases and the demo tokens are the owner's alone; the informant key is elsewhere.
    const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);
    expect(modeOf(dataDir)).toBe('700');
    for (const database of ['units', 'incidents', 'campaigns', 'reporting', 'events']) expect([database, modeOf(join(dataDir, database))]).toEqual([database, '700']);
    expect(modeOf(join(dataDir, 'demo-tokens.json'))).toBe('600');
    expect(readdirSync(dataDir).filter((file) => /key/i.test(file))).toEqual([]);
    expect(readdirSync(keysDir).map((file) => modeOf(join(keysDir, file)))).toEqual(['600']);
    expectOnlyLinesThatMatter(running.lines);

    // Unit 07894 (Phường Gia Cẩm) came from the seed through the embedded log.
    const response = await fetch(`${incidents}/api/v1/incidents`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ unitCode: '07894', category: 'state-secrets-leak', occurredAt, summary: 'Để lộ tài liệu mật tại cơ quan phường Gia Cẩm' }),
    });
    expect(response.status).toBe(201);
    const incident = (await response.json()) as { id: string; version: number };
    await waitFor(leaks, (value) => value === 1, { timeoutMs: 30_000, description: 'the report to count the incident' });

    // Each step by the agency that owns it: police, then the procuracy, then the court.
    let version = incident.version;
    for (const [action, agency, extra] of [
      ['verify', 'police', {}],
      ['start-investigation', 'police', {}],
      ['refer-to-procuracy', 'police', {}],
      ['indict', 'procuracy', {}],
      ['record-verdict', 'court', { verdict: 'convicted', sentenceSummary: 'Phạt tù 12 tháng cho hưởng án treo' }],
    ] as const) {
      const stepped = await fetch(`${incidents}/api/v1/incidents/${incident.id}/transitions`, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${await tokenOf(agency)}`, 'if-match': `"${version}"` },
        body: JSON.stringify({ action, ...extra }),
      });
      expect({ action, status: stepped.status }).toEqual({ action, status: 200 });
      version = ((await stepped.json()) as { version: number }).version;
    }

    // The demo data goes in through the APIs after ready, with progress, and all of it is accepted.
    await waitFor(async () => running!.lines.find((line) => line.includes('demo data ready')), (line) => line !== undefined, { timeoutMs: 240_000, intervalMs: 1_000, description: 'the demo data' });
    const demoLine = running.lines.find((line) => line.includes('demo data ready'))!;
    expect(demoLine).not.toMatch(/refused/);
    expect(Number(/ready: (\d+) records/.exec(demoLine)![1])).toBeGreaterThan(900);
    // Every commune of the province after the 2025 reform (27 in the demo) is rated each quarter.
    await waitFor(ratedUnits, (rated) => rated === 27, { timeoutMs: 30_000, description: 'this quarter’s demo ratings in the report' });
    const freshness = async (): Promise<Record<string, { lag: number | null }>> => (await fetch(`${reporting}/api/v1/reports/freshness`, { headers })).json() as Promise<Record<string, { lag: number | null }>>;
    await waitFor(freshness, (all) => Object.values(all).every((projection) => projection.lag === 0), { timeoutMs: 60_000, description: 'every projection caught up' });
    const rated = await ratedUnits();
    const totalWithDemo = await total();

    // npm ends on the signal like a shell would; the platform under it stops cleanly.
    await pressCtrlC(running);
    expect(running.lines.some((line) => /\[platform \] stopped/.test(line))).toBe(true);

    running = npmStart(env, 'embedded-start-again');
    const restartMs = await untilReady(running);
    process.stdout.write(`[start-embedded.int-spec] restart ready in ${restartMs} ms\n`);
    expectOnlyLinesThatMatter(running.lines);
    expect(running.lines.join('\n')).not.toMatch(/imported \d+ units/);
    expect(running.lines.join('\n')).not.toMatch(/demo data: [\w:-]+ done/);
    expect(await total()).toBe(totalWithDemo);
    expect(await leaks()).toBe(1);
    expect(await ratedUnits()).toBe(rated);
    const again = await fetch(`${incidents}/api/v1/incidents/${incident.id}`, { headers });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ unitCode: '07894', status: 'tried', version });

    await pressCtrlC(running);
    expect(running.lines.some((line) => /\[platform \] stopped/.test(line))).toBe(true);
  }, 600_000);
});
