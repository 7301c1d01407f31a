import { compareVietnamese, csvFile } from '@binh-yen/report-model';
import { isWithinArea } from '../api/token-claims';
import type { QuarterlyReport, SubmissionState, UnitView } from '../api/types';
import type { IncidentFigure } from './figure-filters';

// The comparison of the units one level down (issue 21, ADR 0051): pure, so that the page,
// its CSV and its tests read the same figures.

export const RATING_KEYS = ['strong', 'fair', 'average', 'weak'] as const;
/** Statuses in the order a case moves (the report's funnel), then the other outcomes. */
export const STATUS_ORDER = ['reported', 'verified', 'under-investigation', 'referred-to-procuracy', 'indicted', 'tried', 'resolved-at-grassroots', 'not-prosecuted', 'rejected', 'closed'];
/** Submission states, from the best news to the worst (for sorting). */
const SUBMISSION_ORDER: SubmissionState[] = ['approved', 'submitted-on-time', 'submitted-late', 'returned', 'missing', 'overdue'];

export type ColumnGroup = 'ratings' | 'incidents' | 'domains' | 'statuses' | 'forces';

export interface ComparisonColumn {
  key: string;
  group: ColumnGroup;
  /** A message key of the dashboard or the report model. */
  label: string;
  /** The incident rows behind a figure of this column: the incidents query's filters (none for figures that are not incidents). */
  drill?: { domain?: string; status?: string };
}

export interface ComparisonRow {
  path: string;
  code: string;
  name: string;
  /** The area's own unit: incidents recorded at it, not at any unit below. */
  own: boolean;
  values: Record<string, number | null>;
  submission: SubmissionState | null;
}

export interface Comparison {
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
  totals: Record<string, number>;
}

export interface ComparisonInput {
  area: UnitView;
  children: UnitView[];
  /** Each child's quarterly report, by its path (ratings and training). */
  reports: ReadonlyMap<string, QuarterlyReport>;
  /** Every incident of the area in the period (the incidents query API's rows). */
  incidents: IncidentFigure[];
  submissions: { area: string; state: SubmissionState }[];
}

function rowFigure(report: QuarterlyReport | undefined, key: string): number | null {
  for (const section of report?.sections ?? []) {
    const row = section.rows.find((r) => r.key === key);
    if (row) return row.current;
  }
  return null;
}

function ordered(keys: Iterable<string>, order: readonly string[]): string[] {
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function buildComparison({ area, children, reports, incidents, submissions }: ComparisonInput): Comparison {
  const domains = ordered(incidents.map((i) => i.domain), []);
  const statuses = ordered(incidents.map((i) => i.status), STATUS_ORDER);
  const columns: ComparisonColumn[] = [
    ...RATING_KEYS.map((rating): ComparisonColumn => ({ key: `rating.${rating}`, group: 'ratings', label: rating })),
    { key: 'incidents', group: 'incidents', label: 'incidentsTotal', drill: {} },
    ...domains.map((domain): ComparisonColumn => ({ key: `domain.${domain}`, group: 'domains', label: `domain.${domain}`, drill: { domain } })),
    ...statuses.map((status): ComparisonColumn => ({ key: `status.${status}`, group: 'statuses', label: `status.${status}`, drill: { status } })),
    { key: 'trainees', group: 'forces', label: 'trainees' },
  ];
  const incidentValues = (rows: IncidentFigure[]): Record<string, number> => {
    const values: Record<string, number> = { incidents: rows.length };
    for (const domain of domains) values[`domain.${domain}`] = 0;
    for (const status of statuses) values[`status.${status}`] = 0;
    for (const row of rows) {
      values[`domain.${row.domain}`] = (values[`domain.${row.domain}`] ?? 0) + 1;
      values[`status.${row.status}`] = (values[`status.${row.status}`] ?? 0) + 1;
    }
    return values;
  };
  const rows: ComparisonRow[] = [...children]
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((child) => {
      const report = reports.get(child.path);
      return {
        path: child.path,
        code: child.code,
        name: child.name,
        own: false,
        values: {
          ...Object.fromEntries(RATING_KEYS.map((rating) => [`rating.${rating}`, rowFigure(report, `movement.${rating}`)])),
          ...incidentValues(incidents.filter((i) => isWithinArea(i.path, child.path))),
          trainees: rowFigure(report, 'forces.trainees'),
        },
        submission: submissions.find((s) => s.area === child.path)?.state ?? null,
      };
    });
  // Incidents recorded at the area's own unit (or at a unit no longer active below it): a row of their own, so the totals add up.
  const elsewhere = incidents.filter((i) => !children.some((child) => isWithinArea(i.path, child.path)));
  if (elsewhere.length > 0) {
    rows.push({ path: area.path, code: area.code, name: area.name, own: true, values: incidentValues(elsewhere), submission: null });
  }
  const totals = Object.fromEntries(columns.map((column) => [column.key, rows.reduce((sum, row) => sum + (row.values[column.key] ?? 0), 0)]));
  return { columns, rows, totals };
}

export type SortDirection = 'asc' | 'desc';

/** By the unit's name (Vietnamese order), the submission state (best first) or a figure; no figure sorts last either way. */
export function sortRows(rows: readonly ComparisonRow[], key: string, direction: SortDirection): ComparisonRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: ComparisonRow, b: ComparisonRow): number => {
    if (key === 'name') return sign * compareVietnamese(a.name, b.name);
    if (key === 'submission') {
      const rank = (row: ComparisonRow): number => (row.submission ? SUBMISSION_ORDER.indexOf(row.submission) : Number.POSITIVE_INFINITY);
      return rank(a) === rank(b) ? 0 : rank(a) === Number.POSITIVE_INFINITY ? 1 : rank(b) === Number.POSITIVE_INFINITY ? -1 : sign * (rank(a) - rank(b));
    }
    const [x, y] = [a.values[key] ?? null, b.values[key] ?? null];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y);
  };
  return [...rows].sort((a, b) => compare(a, b) || compareVietnamese(a.name, b.name));
}

/** The table as the user sees it (their order, their language), with the totals last. */
export function comparisonCsv(comparison: Comparison, rows: readonly ComparisonRow[], t: (key: string) => string): string {
  const header = [t('cmp.code'), t('cmp.unit'), ...comparison.columns.map((column) => `${t(`cmp.group.${column.group}`)}: ${t(column.label)}`), t('cmp.submission')];
  const body = rows.map((row) => [row.code, row.own ? `${row.name} (${t('cmp.ownUnit')})` : row.name, ...comparison.columns.map((column) => row.values[column.key] ?? null), row.submission ? t(`state.${row.submission}`) : null]);
  const totals = ['', t('cmp.total'), ...comparison.columns.map((column) => comparison.totals[column.key] ?? 0), ''];
  return csvFile([header, ...body, totals]);
}
