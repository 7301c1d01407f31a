import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureClusterTemplate } from '@binh-yen/persistence';

/**
 * initdb is the slowest and hungriest step of a first start (≈6 s and ≈850 MB of
 * WebAssembly on a 2-core machine), and its result is the same for every data folder.
 * So `npm install` makes the cluster once (the postinstall script) and first starts copy
 * it. It lives in node_modules, next to the PGlite it belongs to: a new install of
 * PGlite makes a new one. ADR 0010.
 */
export function sharedTemplateDir(): string {
  if (process.env['BINHYEN_PGLITE_TEMPLATE_DIR']) return process.env['BINHYEN_PGLITE_TEMPLATE_DIR'];
  const pglite = dirname(dirname(require.resolve('@electric-sql/pglite')));
  const version = (JSON.parse(readFileSync(join(pglite, 'package.json'), 'utf8')) as { version: string }).version;
  return join(pglite, '..', '..', '.cache', 'binh-yen', `pglite-${version}-cluster`);
}

export const isCluster = (dir: string): boolean => existsSync(join(dir, 'PG_VERSION'));

/** Makes the shared cluster unless it is there; built aside and renamed, so a killed install leaves no half cluster. */
export async function prepareSharedTemplate(): Promise<string> {
  const target = sharedTemplateDir();
  if (isCluster(target)) return target;
  const building = `${target}.partial-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    await ensureClusterTemplate(building);
    rmSync(target, { recursive: true, force: true });
    renameSync(building, target);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return target;
}
