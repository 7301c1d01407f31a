import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './repo-root';

const run = promisify(execFile);

export interface BrokerOptions {
  port: number;
  controllerPort: number;
  /** Defaults to .local/kafka/<port> in the repository. */
  dataDir?: string;
  /** Wipe the data directory first. */
  fresh?: boolean;
}

export interface RunningBroker {
  brokers: string[];
  pid: number;
  /** Graceful stop (SIGTERM, then SIGKILL after 30 s). */
  stop(): Promise<void>;
  /** Sends a signal (SIGKILL by default) and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  pause(): void;
  resume(): void;
  /** Starts it again on the same data directory, keeping its data, and waits until ready. */
  restart(): Promise<void>;
}

/** A port nobody listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function untilGone(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} is still alive after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a real broker through deploy/local/kafka/kafka.sh and hands over control of its process. */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const root = repoRoot();
  const dataDir = options.dataDir ?? join(root, '.local', 'kafka', String(options.port));
  const script = join(root, 'deploy', 'local', 'kafka', 'kafka.sh');
  const env = {
    ...process.env,
    KAFKA_PORT: String(options.port),
    KAFKA_CONTROLLER_PORT: String(options.controllerPort),
    KAFKA_DATA_DIR: dataDir,
  };
  const start = async (fresh: boolean): Promise<number> => {
    try {
      await run('bash', [script, 'start'], { env: { ...env, KAFKA_FRESH: fresh ? '1' : '0' }, cwd: root });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`Kafka did not start on port ${options.port}:\n${stdout}\n${stderr}`);
    }
    return Number(readFileSync(join(dataDir, 'kafka.pid'), 'utf8').trim());
  };

  let pid = await start(options.fresh ?? false);
  return {
    brokers: [`127.0.0.1:${options.port}`],
    get pid() {
      return pid;
    },
    async stop() {
      await run('bash', [script, 'stop'], { env, cwd: root });
      await untilGone(pid);
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (isAlive(pid)) process.kill(pid, signal);
      await untilGone(pid);
    },
    pause() {
      process.kill(pid, 'SIGSTOP');
    },
    resume() {
      process.kill(pid, 'SIGCONT');
    },
    async restart() {
      if (isAlive(pid)) throw new Error('the broker is still running; stop or kill it first');
      pid = await start(false);
    },
  };
}
