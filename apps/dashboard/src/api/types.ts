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
  /** Its seat (WGS 84), when the registry has one (the map). */
  location?: { latitude: number; longitude: number } | null;
}

export interface Watermark {
  lastEventAt: string | null;
  appliedAt: string | null;
  lag: number | null;
  /** rebalancing: the projector is joining its group and applies nothing; catching-up: events wait; current: none wait. */
  state?: 'current' | 'catching-up' | 'rebalancing';
}

export type FreshnessByProjection = Record<string, Watermark>;

// The report's shape is the reporting service's own (libs/report-model), not a copy.
export type { QuarterlyReport, ReportDetail, ReportRow, ReportSection } from '@binh-yen/report-model';

export interface IncidentCounts {
  quarter: string;
  area: string | null;
  total: number;
  byCategory: { category: string; name: { vi: string; en: string }; incidents: number }[];
  currentAsOf: Watermark;
}

export type SubmissionState = 'approved' | 'submitted-on-time' | 'submitted-late' | 'returned' | 'missing' | 'overdue';

export interface SubmissionStatus {
  quarter: string;
  deadline: string;
  districts: { code: string; name: string; area: string; state: SubmissionState; submissionId: string | null }[];
}
