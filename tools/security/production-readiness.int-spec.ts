import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, findFreePort, repoRoot, serviceEnv, startServiceProcess, uniqueTopicPrefix, type TestDatabase } from '@binh-yen/testing';

/** The development secret and the informant key docker-compose.yml used to ship: published, so never good enough outside the demo. */
const DEVELOPMENT_SECRET = 'dev-secret-change-me-in-every-deployment';
const PUBLISHED_INFORMANT_KEY = 'ZGV2LWtleS1jaGFuZ2UtbWUtaW4tZXZlcnktZGVwbG8=';

interface Outcome {
  code: number | null;
  output: string;
  /** Whether anything answered on the watched URL while the process ran. */
  answered: boolean;
}

/** Runs a command until it exits (or `timeoutMs`), watching whether `watch` ever answers 200. */
function runUntilExit(command: string, args: string[], env: Record<string, string>, watch: string, timeoutMs = 90_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot(), env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let answered = false;
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const poll = setInterval(() => {
      fetch(watch).then(
        (response) => (answered ||= response.status === 200),
        () => undefined,
      );
    }, 250);
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
    child.once('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, output, answered });
    });
  });
}

/**
 * Issue 23, finding 1: outside the embedded demo (NODE_ENV=production, or any other mode) a
 * service refuses to start with a known, empty or short secret, and says what to set.
 */
describe('the production-readiness check at start', () => {
  const prefix = uniqueTopicPrefix();
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('readiness');
  });

  afterAll(() => database?.drop());

  async function startUnits(extra: Record<string, string>, service = 'units'): Promise<Outcome> {
    const port = await findFreePort();
    return runUntilExit(process.execPath, ['-r', '@swc-node/register', `apps/${service}/src/main.ts`], { ...serviceEnv(database.url, prefix), HOST: '127.0.0.1', PORT: String(port), ...extra }, `http://127.0.0.1:${port}/health/live`);
  }

  it.each([
    ['the development secret, NODE_ENV=production', { NODE_ENV: 'production', AUTH_JWT_SECRET: DEVELOPMENT_SECRET }, 'AUTH_JWT_SECRET'],
    ['the development secret on Kafka (not the embedded demo)', { AUTH_JWT_SECRET: DEVELOPMENT_SECRET }, 'AUTH_JWT_SECRET'],
    ['a short secret', { NODE_ENV: 'production', AUTH_JWT_SECRET: 'only-twenty-chars-x!' }, 'AUTH_JWT_SECRET'],
    ['no issuer', { NODE_ENV: 'production', AUTH_JWT_ISSUER: '' }, 'AUTH_JWT_ISSUER'],
    ['no audience', { AUTH_JWT_AUDIENCE: '' }, 'AUTH_JWT_AUDIENCE'],
  ])('a service with %s exits at once and says what to set, in Vietnamese and English', async (_label, extra, variable) => {
    const outcome = await startUnits(extra);
    expect(outcome.answered).toBe(false);
    expect(outcome.code).toBe(1);
    expect(outcome.output).toContain(variable);
    expect(outcome.output).toMatch(/chưa sẵn sàng cho vận hành thật/);
    expect(outcome.output).toMatch(/not ready for production/);
  });

  it('the incidents service refuses the informant key that was published in the repository', async () => {
    const outcome = await startUnits({ NODE_ENV: 'production', INCIDENTS_INFORMANT_KEY: PUBLISHED_INFORMANT_KEY }, 'incidents');
    expect([outcome.answered, outcome.code]).toEqual([false, 1]);
    expect(outcome.output).toContain('INCIDENTS_INFORMANT_KEY');
  });

  it('a service configured as it should be starts with NODE_ENV=production', async () => {
    const units = await startServiceProcess({ service: 'units', env: { ...serviceEnv(database.url, prefix), NODE_ENV: 'production' } });
    expect((await fetch(`${units.url}/health/live`)).status).toBe(200);
    await units.stop();
  });

  it.each([
    ['NODE_ENV=production', { NODE_ENV: 'production', DEMO_DATA: 'false' }],
    ['bound to every address', { HOST: '0.0.0.0', DEMO_DATA: 'false' }],
  ])('`npm start` %s refuses the development secret and demo sign-in, and never hands out demo tokens', async (_label, extra) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'binh-yen-readiness-'));
    const dashboard = await findFreePort();
    try {
      const ports = { UNITS_PORT: String(await findFreePort()), INCIDENTS_PORT: String(await findFreePort()), CAMPAIGNS_PORT: String(await findFreePort()), REPORTING_PORT: String(await findFreePort()) };
      const outcome = await runUntilExit('npm', ['start'], { DATA_DIR: dataDir, BINHYEN_KEYS_DIR: join(dataDir, '..', `${dataDir.split('/').pop()}-keys`), DASHBOARD_PORT: String(dashboard), ...ports, ...extra }, `http://127.0.0.1:${dashboard}/demo-users.json`);
      expect(outcome.answered).toBe(false);
      expect(outcome.code).toBe(1);
      expect(outcome.output).toContain('AUTH_JWT_SECRET');
      expect(outcome.output).toContain('DEMO_SIGN_IN=false');
      expect(outcome.output).toMatch(/not ready for production/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(join(dataDir, '..', `${dataDir.split('/').pop()}-keys`), { recursive: true, force: true });
    }
  }, 150_000);
});
