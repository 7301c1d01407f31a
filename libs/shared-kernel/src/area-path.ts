/**
 * True when the unit path `path` lies inside `area`: the area itself or any descendant. Paths are
 * compared as text (equal, or a prefix that ends at a dot), never as patterns: `25.2_7` is never
 * `25.227`. Pure, so the services (through @binh-yen/auth) and the browser bundle share it.
 */
export function isWithinArea(path: string, area: string): boolean {
  return path === area || path.startsWith(`${area}.`);
}
