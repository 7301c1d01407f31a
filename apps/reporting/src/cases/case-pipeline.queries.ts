import type { SnapshotReader } from '../freshness/report-snapshot';
import type { Compared } from '../movement/movement.queries';
import { inArea, previousPeriod, quartersOf, samePeriodLastYear, type Period, type ReportScope } from '../report/report-scope';

/** Statuses in the order a case reaches them (the funnel), then the other outcomes. */
export const FUNNEL = ['reported', 'verified', 'under-investigation', 'referred-to-procuracy', 'indicted', 'tried'] as const;
export const OUTCOMES = ['resolved-at-grassroots', 'not-prosecuted', 'rejected', 'closed'] as const;
/** A decision was reached: tried, mediated, not prosecuted, or closed. */
export const CLEARED = ['tried', 'resolved-at-grassroots', 'not-prosecuted', 'closed'] as const;
export const STAGES = ['reported_verified', 'verified_referred', 'referred_indicted', 'indicted_tried'] as const;
export type Stage = (typeof STAGES)[number];

export interface CaseQuarterFigures {
  incidents: number;
  byDomain: Record<string, number>;
  bySource: Record<string, number>;
  /** Statuses reached (a case counts in every status it went through). */
  reached: Record<string, number>;
  cleared: number;
  /** Days, to one decimal: median and 90th percentile of each stage completed. */
  durations: Record<Stage, { median: number | null; p90: number | null; cases: number }>;
}

type Counted = { key: string; n: string }[];
const tally = (rows: Counted): Record<string, number> => Object.fromEntries(rows.map((row) => [row.key, Number(row.n)]));
const days = (seconds: string | null): number | null => (seconds === null ? null : Math.round((Number(seconds) / 86_400) * 10) / 10);

/** The incidents of an area and period by domain and source, and their case pipeline. */
export class CasePipelineQueries {
  /** Built per answer over its snapshot (ReportSnapshot), so every figure comes from the same one. */
  constructor(private readonly db: SnapshotReader) {}

  async compared(scope: ReportScope): Promise<Compared<CaseQuarterFigures>> {
    const [current, previous, lastYear] = await Promise.all([
      this.periodFigures(scope, scope.period),
      this.periodFigures(scope, previousPeriod(scope.period)),
      this.periodFigures(scope, samePeriodLastYear(scope.period)),
    ]);
    return { current, previousQuarter: previous, sameQuarterLastYear: lastYear };
  }

  /** A period's figures from its cases' rows (so a year's medians are the year's, not an average of quarters'). */
  async periodFigures(scope: ReportScope, period: Period): Promise<CaseQuarterFigures> {
    const where = `c.quarter = ANY($2::text[]) AND ${inArea('c', scope.view)}`;
    const query = <T>(sql: string): Promise<T> => this.db.query(sql, [scope.area, quartersOf(period)]);
    const [domains, sources, reached, cleared, durations] = await Promise.all([
      query<Counted>(`SELECT c.domain AS key, count(*) AS n FROM incident_cases_v1 c WHERE ${where} GROUP BY c.domain`),
      query<Counted>(`SELECT c.source AS key, count(*) AS n FROM incident_cases_v1 c WHERE ${where} GROUP BY c.source`),
      query<Counted>(`SELECT s.status AS key, count(*) AS n FROM incident_cases_v1 c, unnest(c.reached) AS s(status) WHERE ${where} GROUP BY s.status`),
      query<{ n: string }[]>(`SELECT count(*) AS n FROM incident_cases_v1 c WHERE ${where} AND c.status = ANY(ARRAY[${CLEARED.map((s) => `'${s}'`).join(', ')}])`),
      query<Record<string, string | null>[]>(
        `SELECT ${STAGES.map(
          (stage) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY c.${stage}) AS ${stage}_median,
                      percentile_cont(0.9) WITHIN GROUP (ORDER BY c.${stage}) AS ${stage}_p90,
                      count(c.${stage}) AS ${stage}_cases`,
        ).join(', ')}
           FROM incident_cases_v1 c WHERE ${where}`,
      ),
    ]);
    const byDomain = tally(domains);
    const duration = durations[0] ?? {};
    return {
      incidents: Object.values(byDomain).reduce((sum, n) => sum + n, 0),
      byDomain,
      bySource: tally(sources),
      reached: tally(reached),
      cleared: Number(cleared[0]?.n ?? 0),
      durations: Object.fromEntries(
        STAGES.map((stage) => [stage, { median: days(duration[`${stage}_median`] ?? null), p90: days(duration[`${stage}_p90`] ?? null), cases: Number(duration[`${stage}_cases`] ?? 0) }]),
      ) as CaseQuarterFigures['durations'],
    };
  }
}
