// `nx build dashboard`: the browser bundle into dist/apps/dashboard/public and the
// small Node server (static files + reverse proxy to the services) into
// dist/apps/dashboard/server.js, self-contained: run it with `node dist/apps/dashboard/server.js`.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundleDashboard } from './bundle-dashboard';

const root = resolve(__dirname, '..', '..', '..');
const outDir = join(root, 'dist', 'apps', 'dashboard');

async function main(): Promise<void> {
  const started = Date.now();
  await rm(outDir, { recursive: true, force: true });
  const publicDir = join(outDir, 'public');
  await mkdir(publicDir, { recursive: true });
  const assets = await bundleDashboard({ minify: true });
  for (const [path, asset] of assets) await writeFile(join(publicDir, path), asset.body);
  await build({
    entryPoints: [join(__dirname, 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(outDir, 'server.js'),
    // The server never bundles at run time in production: it serves public/.
    external: ['esbuild'],
    logLevel: 'warning',
  });
  const sizes = [...assets].map(([path, asset]) => `${path} ${Math.round(asset.body.length / 1024)} kB`).join(', ');
  process.stdout.write(`built dashboard in ${Date.now() - started} ms → ${relative(root, outDir)} (${sizes}; server.js)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
