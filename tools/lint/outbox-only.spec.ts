import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Lints `code` as if it were `file`, with the repository's ESLint configuration (in a child process: the config is ESM). */
function lint(code: string, file: string): string[] {
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: root, input: code, encoding: 'utf8' });
  // The Nx boundaries rule may print a warning (no cached project graph) before the report.
  const [result] = JSON.parse(run.stdout.slice(run.stdout.indexOf('[{'))) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

/** The lint rule behind "the outbox is the only way out": a Nest client in an app fails `npm run lint`. */
describe('lint: no Nest microservice client in apps', () => {
  it('refuses ClientKafka and ClientProxy in an app', () => {
    const messages = lint(`import { ClientKafka, ClientProxy } from '@nestjs/microservices';\nexport const clients: unknown[] = [ClientKafka, ClientProxy];\n`, 'apps/incidents/src/incidents/emit.ts');
    expect(messages.filter((message) => message.startsWith('no-restricted-imports')).length).toBe(2);
    expect(messages.join('\n')).toContain('only through its outbox');
  });

  it('allows the handler decorators', () => {
    const messages = lint(`import { EventPattern, Payload } from '@nestjs/microservices';\nexport const decorators: unknown[] = [EventPattern, Payload];\n`, 'apps/reporting/src/x/y.projection.ts');
    expect(messages.filter((message) => message.startsWith('no-restricted-imports'))).toEqual([]);
  });
});
