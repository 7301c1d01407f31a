import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bearer, createTestDatabase, repoRoot, serviceEnv, startServiceProcess, uniqueTopicPrefix, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';
import type { Caller } from '@binh-yen/auth';
import { Client } from 'pg';

const run = promisify(execFile);

// Tests read JSON answers field by field; a type per answer would only restate them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const provinceOfficer: Caller = { subject: 'ubnd-tinh-01', agency: 'people-committee', roles: ['officer'], area: '25' };
export const phuThoTownOfficer: Caller = { subject: 'ubnd-tx-phu-tho', agency: 'people-committee', roles: ['officer'], area: '25.228' };

/** The units service as a process on its own database and topics. */
export class UnitsUnderTest {
  readonly topicPrefix = uniqueTopicPrefix();
  database!: TestDatabase;
  service!: ServiceProcess;

  async createDatabase(): Promise<void> {
    this.database = await createTestDatabase('units');
  }

  async start(): Promise<void> {
    await this.createDatabase();
    this.service = await startServiceProcess({ service: 'units', env: serviceEnv(this.database.url, this.topicPrefix) });
  }

  async stop(): Promise<void> {
    await this.service?.stop();
    await this.database?.drop();
  }

  /** Runs the import command exactly as an operator would. */
  async importCsv(file: string, ...flags: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['-r', '@swc-node/register', 'apps/units/src/import/import-units.cli.ts', file, ...flags], {
        cwd: repoRoot(),
        env: { ...process.env, ...serviceEnv(this.database.url, this.topicPrefix) },
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failure.code ?? 1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
    }
  }

  async call(method: string, path: string, body?: unknown, options: { caller?: Caller; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${this.service.url}${path}`, {
      method,
      headers: { authorization: await bearer(options.caller ?? provinceOfficer), 'content-type': 'application/json', ...options.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
