import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromEmbeddedPostgres, ToEmbeddedPostgres } from './embedded-postgres-protocol';

export interface EmbeddedPostgresOptions {
  /** Where the database lives on disk; created on first start. */
  dataDir: string;
  /** 0 lets the system choose a free port. */
  port: number;
  host?: string;
  /**
   * A cluster made by initdb once (ensureClusterTemplate), copied instead of
   * running initdb again: seconds of WebAssembly per database against milliseconds.
   */
  templateDir?: string;
  /** Each PGlite keeps its shared buffers in its own wasm memory: small by default. */
  sharedBuffers?: string;
}

export interface EmbeddedPostgres {
  /** postgres://postgres@host:port/postgres */
  url: string;
  dataDir: string;
  /** Closes the socket, then shuts Postgres down cleanly (a checkpoint). */
  stop(): Promise<void>;
}

/**
 * Postgres in WebAssembly (PGlite) on disk, served over the Postgres wire
 * protocol so TypeORM and pg use it like any server. Every connection shares
 * PGlite's one session: a transaction holds the others back until it ends,
 * and session state (LISTEN, advisory locks, SET) is everybody's.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const host = options.host ?? '127.0.0.1';
  const worker = await databaseWorker();
  const id = worker.nextId();
  const address = await worker.request({
    kind: 'open',
    id,
    dataDir: options.dataDir,
    port: options.port,
    host,
    templateDir: options.templateDir ?? null,
    sharedBuffers: options.sharedBuffers ?? '16MB',
  });
  let stopped: Promise<void> | undefined;
  return {
    url: `postgres://postgres@${address}/postgres`,
    dataDir: options.dataDir,
    stop: () => (stopped ??= worker.request({ kind: 'close', id }).then(() => worker.release())),
  };
}

/** Makes the cluster template with initdb, once. */
export async function ensureClusterTemplate(templateDir: string): Promise<void> {
  if (existsSync(join(templateDir, 'PG_VERSION'))) return;
  const worker = await databaseWorker();
  try {
    await worker.request({ kind: 'template', id: worker.nextId(), dataDir: templateDir });
  } finally {
    await worker.release();
  }
}

interface DatabaseWorker {
  nextId(): number;
  request(message: ToEmbeddedPostgres): Promise<string>;
  /** One user fewer; the worker ends with its last one. */
  release(): Promise<void>;
}

let shared: DatabaseWorker | undefined;

/** The one worker of this process that hosts its PGlite databases, started on first use. */
async function databaseWorker(): Promise<DatabaseWorker> {
  const source = __filename.endsWith('.ts') ? await workerFromSource() : null;
  if (shared) {
    (shared as DatabaseWorker & { users: number }).users += 1;
    return shared;
  }
  const thread = source !== null
    ? new Worker(source, { eval: true })
    : new Worker(join(__dirname, 'embedded-postgres.worker.js'));
  const pending = new Map<number, { resolve: (address: string) => void; reject: (error: Error) => void }>();
  let ids = 0;
  const fail = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    shared = undefined;
  };
  thread.on('message', (message: FromEmbeddedPostgres) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.kind === 'failed') waiting?.reject(new Error(`PGlite: ${message.message}`));
    else waiting?.resolve(message.kind === 'opened' ? message.address : '');
  });
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`the PGlite worker exited (${code})`)));
  const worker: DatabaseWorker & { users: number } = {
    users: 1,
    nextId: () => ++ids,
    request: (message) =>
      new Promise<string>((resolve, reject) => {
        pending.set(message.id, { resolve, reject });
        thread.postMessage(message);
      }),
    release: async () => {
      worker.users -= 1;
      if (worker.users > 0) return;
      shared = undefined;
      await thread.terminate();
    },
  };
  shared = worker;
  return worker;
}

let workerSource: string | undefined;

/**
 * From source (npm start, jest) the worker is TypeScript. It is transpiled here
 * once rather than by a TypeScript hook inside the worker, which would load a
 * compiler there too.
 */
async function workerFromSource(): Promise<string> {
  // A development dependency: loaded only when running from source, never in an image.
  const { transformFileSync } = await import('@swc/core');
  workerSource ??= transformFileSync(join(__dirname, 'embedded-postgres.worker.ts'), {
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  }).code;
  return workerSource;
}
