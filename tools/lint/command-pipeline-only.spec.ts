import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = join(__dirname, '..', '..');

/** Lints `code` as if it were `file`, with the repository's ESLint configuration (in a child process: the config is ESM). */
function lint(code: string, file: string): string[] {
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: root, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout.slice(run.stdout.indexOf('[{'))) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

function useCaseFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return useCaseFiles(path);
    return name.endsWith('.use-case.ts') ? [path] : [];
  });
}

/** ADR 0039: every write goes through the command pipeline; a use case only decides. */
describe('lint: a use case neither opens a transaction nor writes the outbox or the audit', () => {
  it('refuses the outbox, the audit trail, the idempotency service and a data source in a use case', () => {
    const code = [
      `import { AuditTrail } from '@binh-yen/audit';`,
      `import { IdempotencyService } from '@binh-yen/idempotency';`,
      `import { OutboxWriter } from '@binh-yen/messaging';`,
      `import type { DataSource } from 'typeorm';`,
      `export class SneakyUseCase {`,
      `  readonly used: unknown[] = [AuditTrail, IdempotencyService, OutboxWriter];`,
      `  async write(source: DataSource, outbox: OutboxWriter): Promise<void> {`,
      `    await source.transaction(async (tx) => outbox.append(tx, []));`,
      `    await source.query('BEGIN');`,
      `  }`,
      `}`,
      '',
    ].join('\n');
    const messages = lint(code, 'apps/incidents/src/incidents/sneaky.use-case.ts');
    expect(messages.filter((message) => message.startsWith('no-restricted-imports')).length).toBe(4);
    expect(messages.filter((message) => message.startsWith('no-restricted-syntax')).length).toBe(3);
  });

  it('allows a use case that returns its decision to the pipeline', () => {
    const code = [
      `import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';`,
      `export class FineUseCase {`,
      `  async decide(pipeline: CommandPipeline, context: CommandContext): Promise<number> {`,
      `    return pipeline.run({ name: 'x', request: {} }, context, async (tx) => ({ view: (await tx.query('SELECT 1')).length }));`,
      `  }`,
      `}`,
      '',
    ].join('\n');
    expect(lint(code, 'apps/units/src/registry/fine.use-case.ts').filter((message) => /no-restricted/.test(message))).toEqual([]);
  });

  it('finds every use case of the four services going through the pipeline', () => {
    const files = ['units', 'incidents', 'campaigns', 'reporting'].flatMap((app) => useCaseFiles(join(root, 'apps', app, 'src')));
    expect(files.length).toBeGreaterThanOrEqual(28);
    const outside = files.filter((file) => !/this\.pipeline\.run[<(]/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(outside).toEqual([]);
  });
});
