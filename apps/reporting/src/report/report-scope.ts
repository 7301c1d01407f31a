/** "as-at-time": each figure under the unit as it was then; "as-today": mapped onto today's units. */
export type BoundaryView = 'as-at-time' | 'as-today';

export interface ReportScope {
  area: string;
  quarter: string;
  view: BoundaryView;
}

/**
 * SQL that keeps rows (of table alias `alias`, with a `path` column) inside the area
 * named by parameter `$n`. "As today" follows the unit's path history and lineage
 * (unit_paths_v1 → unit_today_v1) to where it lives now.
 */
export function inArea(alias: string, view: BoundaryView, parameter = 1): string {
  const area = `$${parameter}`;
  if (view === 'as-at-time') return `(${alias}.path = ${area} OR ${alias}.path LIKE ${area} || '.%')`;
  return `EXISTS (SELECT 1 FROM unit_paths_v1 history JOIN unit_today_v1 today ON today.unit_id = history.unit_id
                   WHERE history.path = ${alias}.path AND (today.today_path = ${area} OR today.today_path LIKE ${area} || '.%'))`;
}

export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

export function sameQuarterLastYear(quarter: string): string {
  return `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`;
}

export function yearOf(quarter: string): number {
  return Number(quarter.slice(0, 4));
}
