import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './repo-root';

const run = promisify(execFile);

export interface BrokerOptions {
  port: number;
  controllerPort: number;
  /** Defaults to a folder under the system's temporary directory, removed by stop(). */
  dataDir?: string;
  /** Wipe the data directory first. */
  fresh?: boolean;
}

export interface RunningBroker {
  /** `['127.0.0.1:<port>']` */
  brokers: string[];
  /** The JVM's pid; changes after restart(). */
  pid: number;
  /** Graceful stop through kafka.sh (SIGTERM, SIGKILL after 30 s); resumes a paused broker first. */
  stop(): Promise<void>;
  /** Sends a terminating signal (SIGKILL by default) and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGSTOP: the process stays, connections hang (a frozen broker). */
  pause(): void;
  /** SIGCONT */
  resume(): void;
  /** Starts it again on the same data directory, keeping its data, and waits until ready (stops it first if still running). */
  restart(): Promise<void>;
}

/** A port nobody listens on right now (127.0.0.1). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * True while the process exists and has not exited. kill(pid, 0) alone is not enough: the
 * broker is an orphan of PID 1, and where PID 1 does not reap (containers, microVMs) a dead
 * broker stays a zombie that still answers kill(pid, 0). And after SIGKILL the JVM's main
 * thread turns zombie while its other threads still hold the sockets for a moment, so the
 * process is gone only once it is a zombie with no other thread left.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return !existsSync('/proc/self'); // reaped meanwhile, or no /proc at all (then trust kill 0)
  }
  const state = /^State:\s*([A-Za-z])/m.exec(status)?.[1];
  const threads = Number(/^Threads:\s*(\d+)/m.exec(status)?.[1] ?? '1');
  return !((state === 'Z' || state === 'X') && threads <= 1);
}

async function untilGone(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} is still alive after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const NON_TERMINATING: ReadonlySet<NodeJS.Signals> = new Set<NodeJS.Signals>(['SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGCONT']);

/** Starts a real broker through deploy/local/kafka/kafka.sh and hands over control of its process. */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const root = repoRoot();
  const dataDir = options.dataDir ?? join(tmpdir(), `binhyen-kafka-${options.port}`);
  const ownsDataDir = options.dataDir === undefined;
  const script = join(root, 'deploy', 'local', 'kafka', 'kafka.sh');
  const pidFile = join(dataDir, 'kafka.pid');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_PORT: String(options.port),
    KAFKA_CONTROLLER_PORT: String(options.controllerPort),
    KAFKA_DATA_DIR: dataDir,
    KAFKA_FRESH: '0',
  };

  const runScript = async (command: 'start' | 'stop', fresh = false): Promise<void> => {
    try {
      await run('bash', [script, command], { env: { ...env, KAFKA_FRESH: fresh ? '1' : '0' }, cwd: root, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`kafka.sh ${command} failed (127.0.0.1:${options.port}, data ${dataDir}):\n${stdout}\n${stderr}`);
    }
  };
  const start = async (fresh: boolean): Promise<number> => {
    await runScript('start', fresh);
    const started = Number(readFileSync(pidFile, 'utf8').trim());
    if (!Number.isInteger(started) || started <= 0) throw new Error(`no pid in ${pidFile}`);
    return started;
  };

  let pid = await start(options.fresh ?? false);

  const stop = async (): Promise<void> => {
    if (isAlive(pid)) process.kill(pid, 'SIGCONT'); // a paused broker would never act on SIGTERM
    await runScript('stop');
    await untilGone(pid);
  };
  const stopAndClean = async (): Promise<void> => {
    await stop();
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  return {
    brokers: [`127.0.0.1:${options.port}`],
    get pid(): number {
      return pid;
    },
    stop: stopAndClean,
    async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
      if (NON_TERMINATING.has(signal)) throw new Error(`kill(${signal}) would never end the process; use pause()/resume()`);
      if (isAlive(pid)) {
        process.kill(pid, signal);
        if (signal !== 'SIGKILL') process.kill(pid, 'SIGCONT'); // let a paused broker handle it
      }
      await untilGone(pid);
    },
    pause(): void {
      process.kill(pid, 'SIGSTOP');
    },
    resume(): void {
      process.kill(pid, 'SIGCONT');
    },
    async restart(): Promise<void> {
      if (isAlive(pid)) await stop();
      pid = await start(false);
    },
  };
}
