import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';

export interface Asset {
  body: Buffer;
  contentType: string;
}

/** Where the server finds the browser files, by URL path ("/app.js"). */
export interface AssetSource {
  get(path: string): Promise<Asset | undefined>;
}

export function contentTypeOf(name: string): string {
  if (name.endsWith('.html')) return 'text/html; charset=utf-8';
  if (name.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (name.endsWith('.css')) return 'text/css; charset=utf-8';
  if (name.endsWith('.svg')) return 'image/svg+xml';
  if (name.endsWith('.json')) return 'application/json; charset=utf-8';
  return 'application/octet-stream';
}

/** Files bundled in memory (the embedded mode bundles at start). */
export function assetsFromMemory(files: Map<string, Asset>): AssetSource {
  return { get: async (path) => files.get(path) };
}

/** Files written by the build (dist/apps/dashboard/public). */
export function assetsFromDirectory(dir: string): AssetSource {
  return {
    async get(path) {
      const relativePath = normalize(path).replace(/^(\.\.[/\\])+/, '');
      if (relativePath.includes('..')) return undefined;
      try {
        return { body: await readFile(join(dir, relativePath)), contentType: contentTypeOf(relativePath) };
      } catch {
        return undefined;
      }
    },
  };
}
