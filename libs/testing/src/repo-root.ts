import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root (the folder holding nx.json), wherever the test runs from. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('nx.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}
