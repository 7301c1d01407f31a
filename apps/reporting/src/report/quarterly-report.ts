import type { Freshness } from '../freshness/projection-freshness';
import type { BoundaryView } from './report-scope';
import type { Language } from './labels';

/** A quarter's line of figures, with the comparison columns where they make sense (null where not: snapshots). */
export interface QuarterRow {
  metric: string;
  current: number;
  previousQuarter: number | null;
  sameQuarterLastYear: number | null;
}

/** A year's line: the year and the year before (null only where the quarters carry no comparison either). */
export interface YearRow {
  metric: string;
  current: number;
  previousYear: number | null;
}

export type ReportRow = QuarterRow | YearRow;

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

interface ReportCommon {
  title: string;
  area: { path: string; name: string };
  view: BoundaryView;
  language: Language;
  /** Up to when the figures are current, per projection: read in the same snapshot as the figures. */
  currentAsOf: Record<string, Freshness>;
  sections: ReportSection[];
}

/** The quarterly report ("2026-Q3"), or the year's roll-up ("2026"): each names its period in a field of its kind. */
export type QuarterlyReport = ReportCommon & ({ periodKind: 'quarter'; quarter: string } | { periodKind: 'year'; year: string });

/** The period a report covers, as written: "2026-Q3" or "2026". */
export const periodOfReport = (report: QuarterlyReport): string => (report.periodKind === 'year' ? report.year : report.quarter);

/** The figure columns a report shows, with their headings: a year compares with the year before only. */
export function figureColumns(report: QuarterlyReport, t: (key: string) => string): { heading: string; value: (row: ReportRow) => number | null }[] {
  if (report.periodKind === 'year') {
    return [
      { heading: t('currentYear'), value: (row) => row.current },
      { heading: t('previousYear'), value: (row) => ('previousYear' in row ? row.previousYear : null) },
    ];
  }
  return [
    { heading: t('current'), value: (row) => row.current },
    { heading: t('previousQuarter'), value: (row) => ('previousQuarter' in row ? row.previousQuarter : null) },
    { heading: t('sameQuarterLastYear'), value: (row) => ('sameQuarterLastYear' in row ? row.sameQuarterLastYear : null) },
  ];
}

/** "Quý"/"Quarter" or "Năm"/"Year": what the period is called on the cover. */
export const periodLabelKey = (report: QuarterlyReport): string => (report.periodKind === 'year' ? 'year' : 'quarter');
