import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { contentTypeOf, type Asset } from './static-assets';

/** The browser app's sources: apps/dashboard/src. */
export const DASHBOARD_SOURCE_DIR = resolve(__dirname, '..', 'src');

/**
 * Bundles the React app with esbuild (pure JS plus one platform binary from the
 * npm registry: no native addon, no download at install) into memory, by URL
 * path: /index.html, /app.js, /app.css. `npm start` serves these straight away;
 * the build target writes them to dist.
 */
export async function bundleDashboard(options: { minify?: boolean } = {}): Promise<Map<string, Asset>> {
  const minify = options.minify ?? true;
  const result = await build({
    entryPoints: { app: join(DASHBOARD_SOURCE_DIR, 'main.tsx') },
    bundle: true,
    write: false,
    outdir: '/bundle',
    format: 'esm',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'safari15', 'firefox100'],
    jsx: 'automatic',
    minify,
    sourcemap: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': JSON.stringify(minify ? 'production' : 'development') },
    tsconfig: join(DASHBOARD_SOURCE_DIR, '..', 'tsconfig.json'),
    logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) {
    const name = basename(file.path);
    assets.set(`/${name}`, { body: Buffer.from(file.contents), contentType: contentTypeOf(name) });
  }
  assets.set('/index.html', { body: await readFile(join(DASHBOARD_SOURCE_DIR, 'index.html')), contentType: contentTypeOf('index.html') });
  return assets;
}
