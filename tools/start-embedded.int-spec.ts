import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

describe('npm start: the embedded platform, as a user runs it', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'binh-yen-embedded-'));
  let running: Started | undefined;

  afterAll(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) await pressCtrlC(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports an incident over HTTP, sees the report move, and keeps both across Ctrl-C and a restart', async () => {
    const ports = { units: await findFreePort(), incidents: await findFreePort(), campaigns: await findFreePort(), reporting: await findFreePort() };
    const env = {
      DATA_DIR: dataDir,
      UNITS_PORT: String(ports.units),
      INCIDENTS_PORT: String(ports.incidents),
      CAMPAIGNS_PORT: String(ports.campaigns),
      REPORTING_PORT: String(ports.reporting),
      AUTH_JWT_SECRET: SECRET,
    };
    const incidents = `http://127.0.0.1:${ports.incidents}`;
    const reporting = `http://127.0.0.1:${ports.reporting}`;
    const token = await issueToken({ subject: 'embedded-test-officer', agency: 'police', roles: ['officer'], area: '25' }, SECRET);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const occurredAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const quarter = quarterOf(occurredAt);
    const countsUrl = `${reporting}/api/v1/reports/incident-counts?quarter=${quarter}`;
    const total = async (): Promise<number> => ((await (await fetch(countsUrl, { headers })).json()) as { total: number }).total;

    running = npmStart(env, 'embedded-start-first');
    const firstStartMs = await untilReady(running);
    process.stdout.write(`[start-embedded.int-spec] first start ready in ${firstStartMs} ms\n`);
    expect(running.lines.join('\n')).toMatch(/imported 89 units of Phú Thọ/);
    for (const service of ['units', 'incidents', 'campaigns', 'reporting']) {
      expect(running.lines.some((line) => line.startsWith(`[${service.padEnd(9)}]`))).toBe(true);
    }
    const before = await total();

    // Unit 07894 (Phường Gia Cẩm) came from the seed through the embedded log.
    const response = await fetch(`${incidents}/api/v1/incidents`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ unitCode: '07894', category: 'criminal-offence', occurredAt, summary: 'Trộm cắp tài sản tại chợ Gia Cẩm' }),
    });
    expect(response.status).toBe(201);
    const incident = (await response.json()) as { id: string };
    await waitFor(total, (value) => value === before + 1, { timeoutMs: 15_000, description: 'the report to count the incident' });

    // npm ends on the signal like a shell would; the platform under it stops cleanly.
    await pressCtrlC(running);
    expect(running.lines.some((line) => /\[platform \] stopped/.test(line))).toBe(true);

    running = npmStart(env, 'embedded-start-again');
    const restartMs = await untilReady(running);
    process.stdout.write(`[start-embedded.int-spec] restart ready in ${restartMs} ms\n`);
    expect(running.lines.join('\n')).not.toMatch(/imported \d+ units/);
    expect(await total()).toBe(before + 1);
    const again = await fetch(`${incidents}/api/v1/incidents/${incident.id}`, { headers });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { unitCode: string }).unitCode).toBe('07894');

    await pressCtrlC(running);
    expect(running.lines.some((line) => /\[platform \] stopped/.test(line))).toBe(true);
  }, 300_000);
});
