import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(__dirname, '..', '..');

/** Lints `code` as if it were `file`, with the repository's ESLint configuration (in a child process: the config is ESM). */
function lint(code: string, file: string): string[] {
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: root, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout.slice(run.stdout.indexOf('[{'))) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'generated' || name === 'results') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The app a repository path belongs to ("units" for apps/units/src/x.ts), if any. */
function appOf(path: string): string | undefined {
  return /^apps\/([^/]+)\//.exec(relative(root, path).split('\\').join('/'))?.[1];
}

/** ADR 0053: an app is used only through its public entry, and only by the projects that compose the services. */
describe('lint: no project deep-imports an app', () => {
  beforeAll(() => {
    // The Nx boundary rule reads the project graph; without a cached one it skips itself.
    // nx's own bin entry (it moved between releases), and a failure stops the suite rather than letting the rule skip itself.
    const nxPackage = require.resolve('nx/package.json', { paths: [root] });
    const nxBin = join(dirname(nxPackage), (JSON.parse(readFileSync(nxPackage, 'utf8')) as { bin: { nx: string } }).bin.nx);
    const graph = spawnSync(process.execPath, [nxBin, 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, encoding: 'utf8' });
    if (graph.status !== 0) throw new Error(`nx show projects failed: ${graph.stderr || graph.error?.message}`);
  });

  it('refuses a tool or the platform host importing a file of an app by its path', () => {
    const code = `import { UnitsEnv } from '../apps/units/src/config/units.env';\nexport const shape: unknown = UnitsEnv;\n`;
    expect(lint(code, 'tools/sneaky.ts')).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: Projects cannot be imported by a relative or absolute path/)]);
    const fromHost = `import { UnitsEnv } from '../../units/src/config/units.env';\nexport const shape: unknown = UnitsEnv;\n`;
    expect(lint(fromHost, 'apps/platform-host/src/sneaky.ts')).toEqual([expect.stringMatching(/^@nx\/enforce-module-boundaries: Projects cannot be imported by a relative or absolute path/)]);
  });

  it('refuses a service importing another app, even through its public entry', () => {
    const code = `import { unitsEntry } from '@binh-yen/units-app';\nexport const entry: unknown = unitsEntry;\n`;
    expect(lint(code, 'apps/incidents/src/incidents/sneaky.ts')).toEqual(["binh-yen/app-entries-only-in-composers: @binh-yen/units-app is an app's public entry: only the platform host, the tools and the benches import it (ADR 0053)."]);
    expect(lint(code, 'libs/http/src/sneaky.ts')).toEqual([expect.stringMatching(/^binh-yen\/app-entries-only-in-composers: /)]);
  });

  it('lets the platform host, the tools and the benches use the public entries', () => {
    const code = `import { unitsEntry } from '@binh-yen/units-app';\nexport const entry: unknown = unitsEntry;\n`;
    expect(lint(code, 'apps/platform-host/src/fine.ts')).toEqual([]);
    expect(lint(code, 'tools/fine.ts')).toEqual([]);
    expect(lint(code, 'bench/fine.bench.ts')).toEqual([]);
  });

  it('finds no import of an app by its path anywhere outside that app', () => {
    const files = ['apps', 'libs', 'tools', 'bench', join('deploy', 'k8s', 'generate')].flatMap((dir) => typeScriptFiles(join(root, dir)));
    const specifier = /(?:from\s+|import\(\s*|require\(\s*)'(\.{1,2}\/[^']+)'/g;
    const deepImports = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(specifier)]
        .map((match) => resolve(dirname(file), match[1]!))
        .filter((target) => appOf(target) !== undefined && appOf(target) !== appOf(file))
        .map((target) => `${relative(root, file)} → ${relative(root, target)}`),
    );
    expect(files.length).toBeGreaterThan(500);
    expect(deepImports).toEqual([]);
  });
});
