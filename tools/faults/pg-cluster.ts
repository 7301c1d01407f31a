import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { findFreePort } from '@binh-yen/testing';

const run = promisify(execFile);

/**
 * A private, throwaway PostgreSQL cluster (initdb + pg_ctl from /usr/lib/postgresql/<n>/bin)
 * on a free port, so a scenario can restart "the database" without touching the machine's
 * shared server. PostgreSQL refuses to run as root: as root it runs as the `postgres` user.
 */
export class PrivateCluster {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  static async start(): Promise<PrivateCluster> {
    const versions = readdirSync('/usr/lib/postgresql').filter((name) => existsSync(join('/usr/lib/postgresql', name, 'bin', 'initdb')));
    const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
    if (!newest) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin');
    const cluster = new PrivateCluster(await findFreePort(), mkdtempSync(join(tmpdir(), 'binhyen-faults-pg-')), join('/usr/lib/postgresql', newest, 'bin'));
    if (process.getuid?.() === 0) chownSync(cluster.dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
    await cluster.ctl('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    await cluster.pgCtl(['start']);
    return cluster;
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** `immediate` is a crash (no checkpoint, recovery on start); `fast` a clean restart. */
  async stop(mode: 'immediate' | 'fast' = 'fast'): Promise<void> {
    await this.pgCtl(['stop', '-m', mode]);
  }

  async start(): Promise<void> {
    await this.pgCtl(['start']);
  }

  async destroy(): Promise<void> {
    await this.pgCtl(['stop', '-m', 'immediate']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private pgCtl(args: string[]): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
    return this.ctl('pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', ...args, ...(args[0] === 'start' ? ['-o', options] : [])]);
  }

  private async ctl(tool: string, args: string[]): Promise<void> {
    const asRoot = process.getuid?.() === 0;
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(this.bin, tool), ...args]] : [join(this.bin, tool), args];
    await run(command as string, argv as string[], { cwd: this.dir });
  }
}
