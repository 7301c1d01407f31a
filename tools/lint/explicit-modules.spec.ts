import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Lints `code` as if it were `file`, with the repository's ESLint configuration (in a child process: the config is ESM). */
function lint(code: string, file: string): string[] {
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: root, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout.slice(run.stdout.indexOf('[{'))) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

const globalModule = `import { Global, Module } from '@nestjs/common';\n@Global()\n@Module({})\nexport class SharedModule {}\n`;

/** ADR 0041: feature modules import what they use; no app hides a dependency behind @Global(). */
describe('lint: no global module in an app', () => {
  it('refuses @Global() in an app', () => {
    expect(lint(globalModule, 'apps/reporting/src/freshness/sneaky.module.ts')).toEqual(['no-restricted-syntax: No @Global() module in an app: import the module where it is used.']);
  });

  it('leaves libraries their global infrastructure modules', () => {
    expect(lint(globalModule, 'libs/audit/src/sneaky.module.ts')).toEqual([]);
  });
});

/** Issue 18: a helper two use cases share (insertUnit, currentUnitOf) lives in its own file, not exported from one use case to another. */
describe('lint: a use case file exports its use case only', () => {
  it('refuses a function or constant exported beside the use case', () => {
    const code = `export async function insertThing(): Promise<void> {}\nexport const LIMIT = 3;\nexport class ThingUseCase {}\n`;
    const messages = lint(code, 'apps/units/src/registry/sneaky.use-case.ts').filter((message) => message.startsWith('no-restricted-syntax'));
    expect(messages).toEqual([
      'no-restricted-syntax: A use case file exports its use case only; a helper two use cases share lives in a file of its own.',
      'no-restricted-syntax: A use case file exports its use case only; a helper two use cases share lives in a file of its own.',
    ]);
  });
});
