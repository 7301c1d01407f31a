// Builds one service for production: every TypeScript file of the app and of the
// libraries compiled by swc (decorator metadata kept, path aliases rewritten to
// relative requires) into dist/apps/<app>. Run: node dist/apps/<app>/apps/<app>/src/main.js
import { transformFile } from '@swc/core';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const app = process.argv[2];
if (!app) {
  console.error('usage: node tools/build-app.mjs <app>');
  process.exit(2);
}
const outDir = join(root, 'dist', 'apps', app);
const { compilerOptions } = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));

async function sources(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sources(path);
      const isSource = entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !/\.(int-)?spec\.ts$/.test(entry.name);
      return isSource ? [path] : [];
    }),
  );
  return files.flat();
}

// Aliases may name libraries still to come; build what exists. Only libraries: the other aliases
// are the apps' public entries for the platform host and the tools (ADR 0053), no part of a service.
const libRoots = Object.values(compilerOptions.paths)
  .filter(([entry]) => entry.startsWith('libs/'))
  .map(([entry]) => dirname(join(root, entry)))
  .filter((dir) => existsSync(dir));
const files = [...(await sources(join(root, 'apps', app, 'src'))), ...(await Promise.all(libRoots.map(sources))).flat()].filter(
  (file) => !file.includes(`${join('libs', 'testing')}`),
);

await rm(outDir, { recursive: true, force: true });
for (const file of files) {
  const { code, map } = await transformFile(file, {
    swcrc: false,
    sourceMaps: true,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  });
  const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
  if (map) await writeFile(`${target}.map`, map);
}
console.log(`built ${app}: ${files.length} files → ${relative(root, outDir)} (entry apps/${app}/src/main.js)`);
