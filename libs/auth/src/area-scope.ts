import { forbidden } from '@binh-yen/http';
import { isWithinArea } from '@binh-yen/shared-kernel';
import type { Caller } from './caller';

/**
 * Area scope, in one place for every service (ADR 0025). A caller acts inside its area: the
 * unit path of its token and everything below it. Paths are compared as text (equal, or a
 * prefix that ends at a dot), never as patterns: `25.2_7` is never `25.227` — and unit codes
 * hold only capital letters and digits besides.
 */

/** True when `path` lies inside `area` (the area itself or any descendant); the shared kernel's, for the services and the browser alike. */
export { isWithinArea };

/**
 * SQL that is true when the path `path` lies inside the area `area` (both SQL expressions, e.g.
 * a column and `$1`). `starts_with` compares text and reads no wildcard; PostgreSQL serves it
 * from the `text_pattern_ops` index on each path column, as it served `LIKE 'prefix%'`.
 */
export function sqlWithinArea(path: string, area: string): string {
  return `(${path} = ${area} OR starts_with(${path}, ${area} || '.'))`;
}

/**
 * 403 for a unit outside the caller's area that the caller named itself (a unit code in a
 * command): it repeats at most what the caller wrote (`named`), never the unit's path.
 */
export function outsideYourArea(named?: string): Error {
  const what = named ? `Đơn vị ${named}` : 'Đơn vị này';
  return forbidden(`${what} nằm ngoài địa bàn phụ trách của bạn (${named ? `unit ${named}` : 'this unit'} lies outside your area).`);
}

/** A caller writes only inside its own area; `named` is the code the caller gave, if any. */
export function assertInArea(caller: Caller, path: string, named?: string): void {
  if (!isWithinArea(path, caller.area)) throw outsideYourArea(named);
}

/**
 * A record the caller addressed by its id, if it lies inside the caller's area; otherwise the
 * very answer of a record that does not exist, so that an id tells nobody what lies elsewhere.
 */
export function requireInArea<T>(record: T | null | undefined, pathOf: (record: T) => string, caller: Caller, missing: () => Error): T {
  if (record === null || record === undefined || !isWithinArea(pathOf(record), caller.area)) throw missing();
  return record;
}

/** The area a report asks for: the caller's own by default, never one outside it (area scope applies to figures too). */
export function requestedArea(area: string | undefined, caller: Caller): string {
  const requested = area ?? caller.area;
  if (!isWithinArea(requested, caller.area)) throw forbidden(`Khu vực ${requested} nằm ngoài địa bàn phụ trách của bạn (the area ${requested} lies outside yours, ${caller.area}).`);
  return requested;
}
