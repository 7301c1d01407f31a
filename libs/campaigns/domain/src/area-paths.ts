/** Unit paths are codes from the province down ("25.227.07894"); an area is such a path. */

/** True when `path` is `area` itself or lies anywhere below it. */
export function isWithinPath(path: string, area: string): boolean {
  return path === area || path.startsWith(`${area}.`);
}

/** One contains the other: a commune officer sees a provincial campaign that covers the commune. */
export function pathsOverlap(a: string, b: string): boolean {
  return isWithinPath(a, b) || isWithinPath(b, a);
}

/** The deepest unit above or at every path, or null when they share no root. */
export function commonAncestor(paths: readonly string[]): string | null {
  const [first, ...rest] = paths;
  if (first === undefined) return null;
  let common = first.split('.');
  for (const path of rest) {
    const labels = path.split('.');
    let shared = 0;
    while (shared < common.length && shared < labels.length && common[shared] === labels[shared]) shared += 1;
    common = common.slice(0, shared);
  }
  return common.length > 0 ? common.join('.') : null;
}

/** The official code of the unit an area path ends in. */
export function codeOfPath(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
