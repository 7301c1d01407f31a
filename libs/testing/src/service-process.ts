import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_LOG_VAR } from './contract-log';
import { findFreePort } from './kafka-broker';
import { repoRoot } from './repo-root';
import { waitFor } from './wait-for';

export type ServiceName = 'units' | 'incidents' | 'campaigns' | 'reporting';

export interface ServiceProcessOptions {
  service: ServiceName;
  env: Record<string, string>;
  /** Name of the log file under test-artifacts/logs. */
  label?: string;
  /**
   * A process armed with a failpoint may hit it before it answers ready (a fast consumer takes
   * its first batch right after joining): then answer the dead process instead of failing.
   */
  mayExitDuringStart?: boolean;
  /** Flags for node itself, before the script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  /** Another script than apps/<service>/src/main.ts, from the repository root (a benchmark's peer); it must answer GET /health/ready. */
  entry?: string;
}

export interface ServiceProcess {
  url: string;
  pid: number;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Graceful stop (SIGTERM, waits). */
  stop(): Promise<void>;
}

/**
 * Runs a service as its own operating-system process, exactly as `main.ts`
 * starts it, so tests can kill it the way a crash would. Waits until /health/ready.
 */
export async function startServiceProcess({ service, env, label, mayExitDuringStart = false, nodeArgs = [], entry }: ServiceProcessOptions): Promise<ServiceProcess> {
  const root = repoRoot();
  const port = await findFreePort();
  const logDir = join(root, 'test-artifacts', 'logs');
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${label ?? service}-${port}.log`));
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', entry ?? join('apps', service, 'src', 'main.ts')], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...contractLogEnv(), ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Both into one file, closed once the child is gone: ending it with stdout would make a
  // late stderr line a "write after end" that crashes the test process.
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('close', () => log.end());
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  try {
    await waitFor(
      async () => {
        // A process that is gone answers nothing: stop waiting at once (0 is never ready).
        if (gone) return 0;
        const response = await fetch(`${url}/health/ready`);
        return response.status;
      },
      (status) => status === 200 || gone,
      { timeoutMs: 60_000, intervalMs: 200, description: `${service} to be ready` },
    );
  } catch (error) {
    // Never leave a half-started service behind to hold ports and consume events.
    if (!gone) child.kill('SIGKILL');
    await exited;
    throw error;
  }
  if (gone && !mayExitDuringStart) throw new Error(`${service} exited during start; see test-artifacts/logs/${label ?? service}-${port}.log`);
  return {
    url,
    pid: child.pid!,
    exited,
    kill: async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (!gone) child.kill(signal);
      await exited;
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A service process checks its traffic against its document like an in-process one (ADR 0046). */
function contractLogEnv(): Record<string, string> {
  const directory = process.env[CONTRACT_LOG_VAR];
  return directory ? { [CONTRACT_LOG_VAR]: directory } : {};
}
