// The PGlite databases of this process, each served over the Postgres wire
// protocol, in one worker thread: their WebAssembly runs beside the services'
// event loop, not on it, and they share one isolate and one compiled Postgres
// (a worker per database would cost some 80 MB more each). One file, because
// from source the worker is transpiled alone (embedded-postgres.ts).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { FromEmbeddedPostgres, OpenDatabase, ToEmbeddedPostgres } from './embedded-postgres-protocol';

// ---- the wire server ----------------------------------------------------------

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Messages after which the client waits for an answer: Sync, Query, Flush, Terminate, CopyDone, CopyFail. */
const ENDS_A_REQUEST = new Set(['S', 'Q', 'H', 'X', 'c', 'f']);

interface Request {
  session: Session;
  messages: Uint8Array[];
}

interface Session {
  id: number;
  socket: Socket;
  buffer: Buffer;
  started: boolean;
  /** Extended-protocol messages waiting for the Sync that ends their request. */
  partial: Uint8Array[];
}

/**
 * Serves one PGlite to many connections. PGlite has one session, so requests
 * run one at a time, and a whole request (Parse … Sync) runs as a unit: were
 * two connections' messages interleaved, one's Bind would bind the other's
 * unnamed statement. While a connection is inside a transaction, only its
 * requests run; the others wait for its COMMIT or ROLLBACK.
 */
class PGliteWireServer {
  private readonly queue: Request[] = [];
  private readonly sessions = new Set<Session>();
  private owner: Session | null = null;
  private running = false;
  private server?: Server;
  private nextSession = 1;

  constructor(private readonly db: PGlite) {}

  listen(port: number, host: string): Promise<string> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        const address = server.address();
        resolve(typeof address === 'object' && address ? `${host}:${address.port}` : `${host}:${port}`);
      });
    });
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    // Let a request in hand finish before the database closes.
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const session: Session = { id: this.nextSession++, socket, buffer: Buffer.alloc(0), started: false, partial: [] };
    this.sessions.add(session);
    socket.on('data', (data) => this.receive(session, data));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.disconnect(session));
  }

  private receive(session: Session, data: Buffer): void {
    session.buffer = Buffer.concat([session.buffer, data]);
    for (;;) {
      const buffer = session.buffer;
      if (!session.started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        session.buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) session.socket.write('N');
        else if (code === CANCEL_REQUEST) session.socket.end(); // PGlite has no backend to signal
        else {
          if (code === PROTOCOL_3) session.started = true;
          this.enqueue({ session, messages: [new Uint8Array(buffer.subarray(0, length))] });
        }
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const type = String.fromCharCode(buffer.readUInt8(0));
      session.partial.push(new Uint8Array(buffer.subarray(0, length)));
      session.buffer = buffer.subarray(length);
      if (ENDS_A_REQUEST.has(type)) {
        this.enqueue({ session, messages: session.partial });
        session.partial = [];
      }
    }
  }

  private enqueue(request: Request): void {
    this.queue.push(request);
    void this.drain();
  }

  private next(): Request | undefined {
    // Inside a transaction only its owner's requests may run.
    const index = this.owner ? this.queue.findIndex((request) => request.session === this.owner) : 0;
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let request = this.next(); request; request = this.next()) {
        const { session, messages } = request;
        await this.db.runExclusive(async () => {
          for (const message of messages) {
            await this.db.execProtocolRawStream(message, {
              onRawData: (chunk) => {
                if (!session.socket.destroyed) session.socket.write(chunk);
              },
            });
          }
        });
        this.owner = this.db.isInTransaction() ? session : null;
      }
    } finally {
      this.running = false;
    }
  }

  private async disconnect(session: Session): Promise<void> {
    this.sessions.delete(session);
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]?.session === session) this.queue.splice(i, 1);
    if (this.owner === session) {
      // Its transaction can never end now: roll it back so the others go on.
      while (this.running) await new Promise((resolve) => setTimeout(resolve, 1));
      if (this.owner === session) {
        await this.db.exec('ROLLBACK');
        this.owner = null;
      }
    }
    void this.drain();
  }
}

// ---- the databases of this worker ----------------------------------------------

const open = new Map<number, { db: PGlite; server: PGliteWireServer }>();

const parent = ((): MessagePort => {
  if (!parentPort) throw new Error('embedded-postgres.worker runs as a worker thread');
  return parentPort;
})();

const isCluster = (dir: string): boolean => existsSync(join(dir, 'PG_VERSION'));

function send(message: FromEmbeddedPostgres): void {
  parent.postMessage(message);
}

/**
 * Postgres compiled once for every database of this worker. PGlite caches its module only
 * after the first compile ends, so databases opened together would each compile their own
 * (seconds of CPU and tens of MB of machine code each).
 */
const compiled = new Map<'pglite' | 'initdb', Promise<WebAssembly.Module>>();
// The runtime's WebAssembly object (this project's TypeScript libs declare only its types).
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;
function wasmModule(name: 'pglite' | 'initdb'): Promise<WebAssembly.Module> {
  const cached = compiled.get(name);
  if (cached) return cached;
  const distDir = dirname(require.resolve('@electric-sql/pglite'));
  const module = wasm.compile(readFileSync(join(distDir, `${name}.wasm`)));
  compiled.set(name, module);
  return module;
}

async function makeTemplate(templateDir: string): Promise<void> {
  if (isCluster(templateDir)) return;
  rmSync(templateDir, { recursive: true, force: true });
  mkdirSync(dirname(templateDir), { recursive: true });
  const db = await PGlite.create({
    dataDir: templateDir,
    postgresqlconf: ['shared_buffers=8MB'],
    pgliteWasmModule: await wasmModule('pglite'),
    initdbWasmModule: await wasmModule('initdb'),
    initDbStartParams: ['--set', 'shared_buffers=8MB'],
  });
  await db.close();
}

async function openDatabase(request: OpenDatabase): Promise<string> {
  if (!isCluster(request.dataDir)) {
    mkdirSync(dirname(request.dataDir), { recursive: true });
    if (request.templateDir && isCluster(request.templateDir)) cpSync(request.templateDir, request.dataDir, { recursive: true });
  }
  const db = await PGlite.create({ dataDir: request.dataDir, postgresqlconf: [`shared_buffers=${request.sharedBuffers}`], pgliteWasmModule: await wasmModule('pglite') });
  const server = new PGliteWireServer(db);
  const address = await server.listen(request.port, request.host);
  open.set(request.id, { db, server });
  return address;
}

async function closeDatabase(id: number): Promise<void> {
  const database = open.get(id);
  open.delete(id);
  if (!database) return;
  await database.server.close();
  // A clean shutdown (a checkpoint): the next start needs no recovery.
  await database.db.close();
}

async function handle(message: ToEmbeddedPostgres): Promise<FromEmbeddedPostgres> {
  switch (message.kind) {
    case 'open':
      return { kind: 'opened', id: message.id, address: await openDatabase(message) };
    case 'close':
      await closeDatabase(message.id);
      return { kind: 'done', id: message.id };
    case 'template':
      await makeTemplate(message.dataDir);
      return { kind: 'done', id: message.id };
  }
}

parent.on('message', (message: ToEmbeddedPostgres) => {
  handle(message).then(send, (error: unknown) =>
    send({ kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
