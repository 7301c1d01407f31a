import type { Compared } from '../../movement/movement.queries';
import type { Better, Language, QuarterRow, ReportDetail } from '@binh-yen/report-model';
import type { TaxonomyNamer } from '../../taxonomy/taxonomy-names';

/** What every section builder is given besides the figures: the language and the names of its time. */
export interface SectionContext {
  language: Language;
  t: (key: string) => string;
  /** Names of the incident taxonomy as of the end of the period (ADR 0042). */
  taxonomy: TaxonomyNamer;
}

/** A section before the year's roll-up reshapes its rows. */
export interface SectionDraft {
  key: string;
  title: string;
  rows: QuarterRow[];
  details: ReportDetail[];
}

/** A line compared with the previous quarter and the same quarter a year earlier. */
export function compared<T>(key: string, metric: string, better: Better, figures: Compared<T>, pick: (figure: T) => number): QuarterRow {
  return { key, metric, better, current: pick(figures.current), previousQuarter: pick(figures.previousQuarter), sameQuarterLastYear: pick(figures.sameQuarterLastYear) };
}

/** A line that is a state of now (pilots, hotspots, force strength): no comparison. */
export function snapshot(key: string, metric: string, better: Better, current: number): QuarterRow {
  return { key, metric, better, current, previousQuarter: null, sameQuarterLastYear: null };
}

/** The breakdown keys seen in any of the three quarters, in a stable order. */
export function keysOf<T>(figures: Compared<T>, pick: (figure: T) => Record<string, number>): string[] {
  return [...new Set([figures.current, figures.previousQuarter, figures.sameQuarterLastYear].flatMap((figure) => Object.keys(pick(figure))))].sort();
}

/** Column headings from label keys, in the report's language. */
export const columns = (context: SectionContext, keys: readonly string[]): string[] => keys.map(context.t);
