import { shiftQuarter } from '@binh-yen/shared-kernel';
import { sqlWithinArea } from '@binh-yen/auth';
import type { BoundaryView } from '@binh-yen/report-model';

export type { BoundaryView };

/** A report period: a quarter ("2026-Q3") or a whole year ("2026"). */
export type Period = string;

export interface ReportScope {
  area: string;
  period: Period;
  view: BoundaryView;
}

/**
 * SQL that keeps rows (of table alias `alias`, with a `path` column) inside the area
 * named by parameter `$n`. "As today" follows the unit's path history and lineage
 * (unit_paths_v1 → unit_today_v1) to where it lives now.
 */
export function inArea(alias: string, view: BoundaryView, parameter = 1): string {
  const area = `$${parameter}`;
  if (view === 'as-at-time') return sqlWithinArea(`${alias}.path`, area);
  return `EXISTS (SELECT 1 FROM unit_paths_v1 history JOIN unit_today_v1 today ON today.unit_id = history.unit_id
                   WHERE history.path = ${alias}.path AND ${sqlWithinArea('today.today_path', area)})`;
}

export function previousQuarter(quarter: string): string {
  return shiftQuarter(quarter, -1);
}

export function sameQuarterLastYear(quarter: string): string {
  return `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`;
}

export function yearOf(period: Period): number {
  return Number(period.slice(0, 4));
}

export const isYear = (period: Period): boolean => /^\d{4}$/.test(period);

/** The quarters a period adds up: its four for a year, itself for a quarter. */
export function quartersOf(period: Period): string[] {
  return isYear(period) ? [1, 2, 3, 4].map((q) => `${period}-Q${q}`) : [period];
}

/** Where a period ends: the quarter whose snapshot (ratings, weak units) stands for the period. */
export function lastQuarterOf(period: Period): string {
  return isYear(period) ? `${period}-Q4` : period;
}

/** The period before: the previous quarter, or the previous year. */
export function previousPeriod(period: Period): Period {
  return isYear(period) ? String(yearOf(period) - 1) : previousQuarter(period);
}

/** The same period a year earlier (for a year, the previous year too). */
export function samePeriodLastYear(period: Period): Period {
  return isYear(period) ? String(yearOf(period) - 1) : sameQuarterLastYear(period);
}

/** The first instant after a period, in Vietnam's time (UTC+7 all year): where its names are read. */
export function periodEnd(period: Period): Date {
  const last = lastQuarterOf(period);
  const [year, q] = [Number(last.slice(0, 4)), Number(last.slice(6))];
  return new Date(Date.UTC(q === 4 ? year + 1 : year, q === 4 ? 0 : q * 3, 1) - 7 * 3_600_000);
}

/** The period's last calendar day ("2025-06-30"): the day whose units a report as at the time lists. */
export function periodLastDay(period: Period): string {
  const last = lastQuarterOf(period);
  return new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(6)) * 3, 0)).toISOString().slice(0, 10);
}
