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
  /** The period: a quarter ("2026-Q3"), or a year ("2026") for the year's roll-up. */
  quarter: string;
  periodKind: 'quarter' | 'year';
  view: BoundaryView;
  language: Language;
  /** Up to when the figures are current: the latest event applied, per projection. */
  currentAsOf: Record<string, { lastEventAt: string | null; appliedAt: string | null; lag: number | null }>;
  sections: ReportSection[];
}

/** The figure columns a report shows, with their headings: a year compares with the year before only. */
export function figureColumns(report: QuarterlyReport, t: (key: string) => string): { heading: string; value: (row: ReportRow) => number | null }[] {
  if (report.periodKind === 'year') {
    return [
      { heading: t('currentYear'), value: (row) => row.current },
      { heading: t('previousYear'), value: (row) => row.previousQuarter },
    ];
  }
  return [
    { heading: t('current'), value: (row) => row.current },
    { heading: t('previousQuarter'), value: (row) => row.previousQuarter },
    { heading: t('sameQuarterLastYear'), value: (row) => row.sameQuarterLastYear },
  ];
}

/** "Quý"/"Quarter" or "Năm"/"Year": what the period is called on the cover. */
export const periodLabelKey = (report: QuarterlyReport): string => (report.periodKind === 'year' ? 'year' : 'quarter');
