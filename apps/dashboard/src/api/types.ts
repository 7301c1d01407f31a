// What the services answer (apps/units, apps/reporting), as far as the dashboard reads it.

export interface UnitView {
  id: string;
  code: string;
  name: string;
  kind: string;
  subkind: string;
  parentId: string | null;
  path: string;
  status: string;
}

export interface Watermark {
  lastEventAt: string | null;
  appliedAt: string | null;
  lag: number | null;
  /** rebalancing: the projector is joining its group and applies nothing; catching-up: events wait; current: none wait. */
  state?: 'current' | 'catching-up' | 'rebalancing';
}

export type FreshnessByProjection = Record<string, Watermark>;

/** A line of figures: a quarter's with its two comparisons, or the year's roll-up's with the year before. */
export interface ReportRow {
  metric: string;
  current: number;
  previousQuarter?: number | null;
  sameQuarterLastYear?: number | null;
  previousYear?: number | null;
}

export interface ReportDetail {
  heading: string;
  columns: string[];
  rows: string[][];
}

export interface ReportSection {
  key: string;
  title: string;
  rows: ReportRow[];
  details: ReportDetail[];
}

export interface QuarterlyReport {
  title: string;
  area: { path: string; name: string };
  /** The period: a quarter ("2026-Q3"), or a year ("2026") for the year's roll-up. */
  quarter?: string;
  year?: string;
  periodKind: 'quarter' | 'year';
  view: 'as-at-time' | 'as-today';
  language: 'vi' | 'en';
  currentAsOf: FreshnessByProjection;
  sections: ReportSection[];
}

export interface IncidentCounts {
  quarter: string;
  area: string | null;
  total: number;
  byCategory: { category: string; incidents: number }[];
  currentAsOf: Watermark;
}

export type SubmissionState = 'approved' | 'submitted-on-time' | 'submitted-late' | 'returned' | 'missing' | 'overdue';

export interface SubmissionStatus {
  quarter: string;
  deadline: string;
  districts: { code: string; name: string; area: string; state: SubmissionState; submissionId: string | null }[];
}
