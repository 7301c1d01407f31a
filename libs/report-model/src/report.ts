import { label, type Language } from './labels';

/** "as-at-time": each figure under the unit as it was then; "as-today": mapped onto today's units. */
export type BoundaryView = 'as-at-time' | 'as-today';

/** Whether a rise of an indicator is good news ("higher"), bad news ("lower"), or neither (null). */
export type Better = 'higher' | 'lower' | null;

/** Up to when a read model is current (reporting's freshness of one projection). */
export interface ReportWatermark {
  lastEventAt: string | null;
  appliedAt: string | null;
  lag: number | null;
  state?: 'current' | 'catching-up' | 'rebalancing';
}

interface RowCommon {
  /** Stable identity of the line ("movement.strong", "category.drugs"): for programs, never shown. */
  key: string;
  /** The line as people read it, in the report's language. */
  metric: string;
  better: Better;
  current: number;
}

/** A quarter's line of figures, with the comparison columns where they make sense (null where not: snapshots). */
export interface QuarterRow extends RowCommon {
  previousQuarter: number | null;
  sameQuarterLastYear: number | null;
}

/** A year's line: the year and the year before (null only where the quarters carry no comparison either). */
export interface YearRow extends RowCommon {
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

/** What a person reads about the report itself, already in its language. */
export interface ReportText {
  /** "Quý IV/2026", "Năm 2026". */
  period: string;
  /** The boundaries the figures follow. */
  view: string;
  /** One line per read model: its name and the time it is current to, in Vietnam's time. */
  currentAsOf: { name: string; at: string }[];
}

interface ReportCommon {
  title: string;
  area: { path: string; name: string };
  view: BoundaryView;
  language: Language;
  /** Up to when the figures are current, per projection: read in the same snapshot as the figures. */
  currentAsOf: Record<string, ReportWatermark>;
  text: ReportText;
  sections: ReportSection[];
}

/** The quarterly report ("2026-Q3"), or the year's roll-up ("2026"): each names its period in a field of its kind. */
export type QuarterlyReport = ReportCommon & ({ periodKind: 'quarter'; quarter: string } | { periodKind: 'year'; year: string });

/** The period a report covers, as written in its query: "2026-Q3" or "2026". */
export const periodOfReport = (report: QuarterlyReport): string => (report.periodKind === 'year' ? report.year : report.quarter);

/** The figure before this one a change is measured against: last quarter, or last year. */
export const previousOf = (row: ReportRow): number | null => ('previousYear' in row ? row.previousYear : row.previousQuarter);

/** The figure columns a report shows, with their headings: a year compares with the year before only. */
export function figureColumns(report: Pick<QuarterlyReport, 'periodKind' | 'language'>): { heading: string; value: (row: ReportRow) => number | null }[] {
  const t = (key: string): string => label(key, report.language);
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

export type Tone = 'good' | 'bad' | 'neutral';

/** Whether a change is good or bad news for this indicator: more weak units is bad, more strong ones good. */
export function changeTone(better: Better, current: number, before: number | null): Tone {
  if (before === null || better === null || current === before) return 'neutral';
  return (current > before) === (better === 'higher') ? 'good' : 'bad';
}

/** The change as written: "+3", "−2", "±0"; empty without a figure before. */
export function changeText(current: number, before: number | null, number: (value: number) => string = String): string {
  if (before === null) return '';
  const delta = current - before;
  return `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${number(Math.abs(delta))}`;
}
