import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
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
  /** JVM heap flags (KAFKA_HEAP); kafka.sh's default otherwise. */
  heap?: string;
  /** A properties file appended to the generated config (KAFKA_EXTRA_CONFIG): listeners, TLS, SASL, ACLs. */
  extraConfig?: string;
}

/** One node of a cluster: what kafka.sh needs beyond a single broker's options. */
interface NodeOptions extends BrokerOptions {
  nodeId: number;
  voters: string;
  clusterId: string;
  /** false: return once the JVM runs (no node is ready before a majority of voters is up). */
  waitUntilReady: boolean;
}

export interface RunningBroker {
  /** `node.id` (1 for a single broker). */
  nodeId: number;
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
export function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  return startNode({ ...options, nodeId: 1, voters: `1@127.0.0.1:${options.controllerPort}`, clusterId: '', waitUntilReady: true });
}

async function startNode(options: NodeOptions): Promise<RunningBroker> {
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
    KAFKA_NODE_ID: String(options.nodeId),
    KAFKA_QUORUM_VOTERS: options.voters,
    KAFKA_CLUSTER_ID: options.clusterId,
    KAFKA_EXTRA_CONFIG: options.extraConfig ?? '',
    ...(options.heap ? { KAFKA_HEAP: options.heap } : {}),
  };

  const runScript = async (command: 'start' | 'stop', fresh = false, wait = true): Promise<void> => {
    try {
      await run('bash', [script, command], { env: { ...env, KAFKA_FRESH: fresh ? '1' : '0', KAFKA_WAIT: wait ? '1' : '0' }, cwd: root, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`kafka.sh ${command} failed (127.0.0.1:${options.port}, data ${dataDir}):\n${stdout}\n${stderr}`);
    }
  };
  const start = async (fresh: boolean, wait = true): Promise<number> => {
    await runScript('start', fresh, wait);
    const started = Number(readFileSync(pidFile, 'utf8').trim());
    if (!Number.isInteger(started) || started <= 0) throw new Error(`no pid in ${pidFile}`);
    return started;
  };

  let pid = await start(options.fresh ?? false, options.waitUntilReady);

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
    nodeId: options.nodeId,
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

export interface ClusterOptions {
  /** Nodes, each broker and controller (combined mode, a quorum of all of them); 3 by default. */
  size?: number;
  /** JVM heap flags per node; small by default, three JVMs share two cores with the services. */
  heap?: string;
  /** Appended to every node's config (KAFKA_EXTRA_CONFIG). */
  extraConfig?: string;
}

export interface RunningCluster {
  /** Every node's client address: what KAFKA_BROKERS gets. */
  brokers: string[];
  nodes: RunningBroker[];
  node(nodeId: number): RunningBroker;
  /** Stops every node at once and removes their data (the last node alone has no quorum to stop gracefully). */
  stop(): Promise<void>;
}

/**
 * A KRaft cluster on 127.0.0.1 (ADR 0034): `size` combined nodes forming one controller quorum,
 * topics replicated `min(size, 3)` times with `min.insync.replicas` one less, so one broker may die
 * without stopping writes. Every node is started before any is awaited: none is ready alone.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<RunningCluster> {
  const size = options.size ?? 3;
  const ports: { port: number; controllerPort: number }[] = [];
  const taken = new Set<number>();
  while (ports.length < size) {
    const port = await findFreePort();
    const controllerPort = await findFreePort();
    if (port === controllerPort || taken.has(port) || taken.has(controllerPort)) continue;
    taken.add(port).add(controllerPort);
    ports.push({ port, controllerPort });
  }
  const voters = ports.map(({ controllerPort }, i) => `${i + 1}@127.0.0.1:${controllerPort}`).join(',');
  // Kafka's Uuid in its text form: 16 random bytes, base64url without padding.
  const clusterId = randomBytes(16).toString('base64url');
  const heap = options.heap ?? '-Xms128m -Xmx384m';
  const nodes = await Promise.all(
    ports.map(({ port, controllerPort }, i) =>
      startNode({ port, controllerPort, fresh: true, nodeId: i + 1, voters, clusterId, heap, waitUntilReady: false, ...(options.extraConfig ? { extraConfig: options.extraConfig } : {}) }),
    ),
  );
  const brokers = nodes.flatMap((node) => node.brokers);
  const stop = async (): Promise<void> => {
    await Promise.allSettled(nodes.map((node) => node.kill('SIGKILL')));
    await Promise.allSettled(nodes.map((node) => node.stop()));
  };
  try {
    await run('node', [join(repoRoot(), 'deploy', 'local', 'kafka', 'wait-ready.cjs'), brokers.join(','), '120'], {
      env: { ...process.env, KAFKA_EXPECT_BROKERS: String(size) },
    });
  } catch {
    await stop();
    throw new Error(`the ${size}-node cluster (${brokers.join(',')}) did not list ${size} brokers within 120 s`);
  }
  return {
    brokers,
    nodes,
    node(nodeId: number): RunningBroker {
      const found = nodes.find((node) => node.nodeId === nodeId);
      if (!found) throw new Error(`no node ${nodeId} in the cluster`);
      return found;
    },
    stop,
  };
}

/** The Kafka jars kafka.sh fetched (its cache, version from deploy/local/kafka/pom.xml). */
function kafkaLibs(): string {
  const pom = readFileSync(join(repoRoot(), 'deploy', 'local', 'kafka', 'pom.xml'), 'utf8');
  const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
  if (!version) throw new Error('no <kafka.version> in deploy/local/kafka/pom.xml');
  const cache = process.env['BINHYEN_CACHE'] ?? join(homedir(), '.cache', 'binh-yen');
  return join(cache, `kafka-${version}`, 'libs');
}

/**
 * Runs one of Kafka's own command-line tools from the fetched jars, e.g.
 * `kafka.admin.ConfigCommand` to create SCRAM users through the admin API. Returns its stdout.
 */
export async function runKafkaTool(mainClass: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('java', ['-Xmx256m', '-cp', `${kafkaLibs()}/*`, mainClass, ...args], { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${mainClass} ${args.join(' ')} failed:\n${stdout}\n${stderr}`);
  }
}
