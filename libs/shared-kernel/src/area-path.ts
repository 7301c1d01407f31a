/** A unit's materialised path of codes, e.g. 25.227.07894 (the event envelope's and the tokens' `area`). */
export const AREA_PATH_PATTERN = '^[0-9A-Z]{1,32}(\\.[0-9A-Z]{1,32})*$';
export const AREA_PATH = new RegExp(AREA_PATH_PATTERN);

/**
 * True when the unit path `path` lies inside `area`: the area itself or any descendant. Paths are
 * compared as text (equal, or a prefix that ends at a dot), never as patterns: `25.2_7` is never
 * `25.227`. Pure, so the services (through @binh-yen/auth) and the browser bundle share it.
 */
export function isWithinArea(path: string, area: string): boolean {
  return path === area || path.startsWith(`${area}.`);
}
