import type { BoundaryView } from './report-scope';
import type { Language } from './labels';

/** One line of figures, with the comparison columns where they make sense. */
export interface ReportRow {
  metric: string;
  current: number;
  previousQuarter: number | null;
  sameQuarterLastYear: number | null;
}

/** A list under a section (weak units, hotspots, pilots), as text cells. */
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
  quarter: string;
  view: BoundaryView;
  language: Language;
  /** Up to when the figures are current: the latest event applied, per projection. */
  currentAsOf: Record<string, { lastEventAt: string | null; appliedAt: string | null; lag: number | null }>;
  sections: ReportSection[];
}
