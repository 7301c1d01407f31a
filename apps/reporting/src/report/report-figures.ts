import { CasePipelineQueries } from '../cases/case-pipeline.queries';
import { CampaignFiguresQueries } from '../campaigns/campaign-figures.queries';
import type { SnapshotReader } from '../freshness/report-snapshot';
import { IncidentReportQueries } from '../incident-counts/incident-report.queries';
import { MovementQueries } from '../movement/movement.queries';
import type { QuarterRow } from '@binh-yen/report-model';
import { previousPeriod, quartersOf, samePeriodLastYear, type ReportScope } from './report-scope';

/** Incidents of the period and its two comparisons, in total and by category slug. */
export interface IncidentFigures {
  total: Omit<QuarterRow, 'key' | 'metric' | 'better'>;
  byCategory: { category: string; current: number; previousQuarter: number; sameQuarterLastYear: number }[];
}

/** Every figure of a report, read from one snapshot of the read models. */
export async function readReportFigures(db: SnapshotReader, scope: ReportScope) {
  const movement = new MovementQueries(db);
  const campaigns = new CampaignFiguresQueries(db);
  const [ratings, weakUnits, certified, hotspots, pilots, models, forces, training, incidents, campaignFigures, campaignProgress, agencyFigures, caseFigures, areaName] = await Promise.all([
    movement.ratings(scope),
    movement.weakUnits(scope),
    movement.certifiedUnits(scope),
    movement.hotspots(scope),
    movement.pilots(scope),
    movement.models(scope),
    movement.forces(scope),
    movement.training(scope),
    incidentsByCategory(db, scope),
    campaigns.compared(scope),
    campaigns.progress(scope),
    campaigns.byAgency(scope, scope.period),
    new CasePipelineQueries(db).compared(scope),
    nameOf(db, scope.area),
  ]);
  return { ratings, weakUnits, certified, hotspots, pilots, models, forces, training, incidents, campaignFigures, campaignProgress, agencyFigures, caseFigures, areaName };
}

export type ReportFigures = Awaited<ReturnType<typeof readReportFigures>>;

/**
 * The area's name: the active unit at the path, else the unit that held it last (a district
 * dissolved in 2025 keeps its name in its past quarters' reports), else the unit that had the
 * path before it moved.
 */
async function nameOf(db: SnapshotReader, path: string): Promise<string> {
  const rows: { name: string }[] = await db.query(
    `SELECT name FROM (
       SELECT name, 0 AS rank, status = 'active' AS active, effective_to FROM report_units_v1 WHERE path = $1
       UNION ALL
       SELECT u.name, 1, u.status = 'active', u.effective_to FROM unit_paths_v1 p JOIN report_units_v1 u ON u.unit_id = p.unit_id WHERE p.path = $1
     ) named ORDER BY rank, active DESC, effective_to DESC NULLS FIRST LIMIT 1`,
    [path],
  );
  return rows[0]?.name ?? path;
}

async function incidentsByCategory(db: SnapshotReader, scope: ReportScope): Promise<IncidentFigures> {
  const periods = [scope.period, previousPeriod(scope.period), samePeriodLastYear(scope.period)];
  const rows = await new IncidentReportQueries(db).byCategory(scope, [...new Set(periods.flatMap(quartersOf))]);
  const figure = (period: string, category?: string): number =>
    rows.filter((r) => quartersOf(period).includes(r.quarter) && (category === undefined || r.category === category)).reduce((sum, r) => sum + Number(r.incidents), 0);
  const figures = (category?: string) => ({ current: figure(periods[0]!, category), previousQuarter: figure(periods[1]!, category), sameQuarterLastYear: figure(periods[2]!, category) });
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  return { total: figures(), byCategory: categories.map((category) => ({ category, ...figures(category) })) };
}
