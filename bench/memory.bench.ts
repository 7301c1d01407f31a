// Memory of the embedded platform (issue 22, goal 6): `npm start`'s process (four services,
// PGlite databases and the dashboard in one Node process) from its start until the demo data is
// in, on a fresh data directory. Reports its peak RSS (VmHWM, which covers the start, the seed and
// the demo data) against the target of ≤ 600 MB. The services' own peaks under load are in the
// HTTP case (incidents and its naive peer).
//   npm run bench:memory [-- --small]   (small: 24 demo incidents instead of the default 240)
import { findFreePort } from '@binh-yen/testing';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fmt, residentSet, runMain, small, writeResult } from './lib/bench-kit';

const TARGET_MIB = 600;
const READY = 'demo data ready';

runMain(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'binhyen-bench-memory-'));
  const keysDir = mkdtempSync(join(tmpdir(), 'binhyen-bench-keys-'));
  const ports = await Promise.all(['UNITS', 'INCIDENTS', 'CAMPAIGNS', 'REPORTING', 'DASHBOARD'].map(async (name) => [`${name}_PORT`, String(await findFreePort())] as const));
  // The process itself (not npm around it): its VmHWM is the platform's.
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join('tools', 'start-embedded.ts')], {
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      ...Object.fromEntries(ports),
      DATA_DIR: dataDir,
      BINHYEN_KEYS_DIR: keysDir,
      AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
      ...(small ? { DEMO_INCIDENTS: '24' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const started = Date.now();
  try {
    // Generous: a machine 5× slower still finishes (the demo data takes ~1–2 min on a quiet one).
    const deadline = started + 20 * 60_000;
    while (!lines.some((line) => line.includes(READY))) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${lines.slice(-20).join('\n')}`);
      if (Date.now() > deadline) throw new Error(`no "${READY}" after 20 min:\n${lines.slice(-20).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const memory = residentSet(child.pid!);
    const seconds = (Date.now() - started) / 1000;
    const readyLine = lines.find((line) => line.includes(READY)) ?? '';
    const atReady = /peak memory (\d+) MB/.exec(lines.find((line) => line.includes('Bình Yên is ready')) ?? '')?.[1];
    const markdown = [
      `The embedded platform (\`npm start\`: four services, PGlite, dashboard; one process) on a fresh data directory, until the demo data was in (${fmt(seconds)} s): ${readyLine.replace(/^.*?(demo data ready)/, '$1')}.`,
      '',
      `Peak RSS (VmHWM) after the demo data: **${fmt(memory.peakMiB)} MiB** (current ${fmt(memory.currentMiB)} MiB; ${atReady ?? '—'} MB peak when it said ready, before the demo data).`,
    ].join('\n');
    process.stdout.write(`\n${markdown}\n`);
    await writeResult('memory', 'Memory of the embedded platform (npm start after the demo data)', {
      markdown,
      summary: [
        {
          case: `memory (embedded npm start after the demo data${small ? ', small' : ''})`,
          ours: `peak RSS ${fmt(memory.peakMiB)} MiB`,
          baseline: '—',
          ratio: null,
          target: `≤ ${TARGET_MIB} MB`,
          met: memory.peakMiB <= TARGET_MIB,
          valid: true,
        },
      ],
      data: { seconds, memory, peakAtReadyMB: atReady === undefined ? null : Number(atReady), small },
    });
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('close', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keysDir, { recursive: true, force: true });
  }
});
