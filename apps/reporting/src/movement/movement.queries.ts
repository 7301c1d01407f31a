import type { SnapshotReader } from '../freshness/report-snapshot';
import { inArea, lastQuarterOf, periodLastDay, previousPeriod, quartersOf, samePeriodLastYear, yearOf, type Period, type ReportScope } from '../report/report-scope';
import { sqlWithinArea } from '@binh-yen/auth';

export interface Compared<T> {
  current: T;
  previousQuarter: T;
  sameQuarterLastYear: T;
}

export interface RatingDistribution {
  strong: number;
  fair: number;
  average: number;
  weak: number;
  rated: number;
}

export interface WeakUnit {
  code: string;
  name: string;
  path: string;
  improvementPlan: { actions: string[]; responsibleAgency: string; targetQuarter: string } | null;
}

export interface ModelFigures {
  registered: number;
  interimReviews: number;
  finalReviews: number;
  advanced: number;
  replicated: number;
}

export interface TrainingFigures {
  sessions: number;
  trainees: number;
  hours: number;
}

export interface PilotDistrict {
  code: string;
  name: string;
  pilotUnitCodes: string[];
  compliant: boolean;
}

/**
 * The movement's figures for one area and period, with the comparison columns. Flows
 * (models, training) add up over the period's quarters; states (ratings, weak units)
 * are those of the period's last quarter.
 */
export class MovementQueries {
  /** Built per answer over its snapshot (ReportSnapshot), so every figure comes from the same one. */
  constructor(private readonly db: SnapshotReader) {}

  private async compared<T>(scope: ReportScope, figure: (period: Period) => Promise<T>): Promise<Compared<T>> {
    const [current, previous, lastYear] = await Promise.all([
      figure(scope.period),
      figure(previousPeriod(scope.period)),
      figure(samePeriodLastYear(scope.period)),
    ]);
    return { current, previousQuarter: previous, sameQuarterLastYear: lastYear };
  }

  ratings(scope: ReportScope): Promise<Compared<RatingDistribution>> {
    return this.compared(scope, async (period) => {
      const rows: { rating: keyof RatingDistribution; units: string }[] = await this.db.query(
        `SELECT r.rating, count(*) AS units FROM unit_ratings_v1 r WHERE r.quarter = $2 AND ${inArea('r', scope.view)} GROUP BY r.rating`,
        [scope.area, lastQuarterOf(period)],
      );
      const distribution: RatingDistribution = { strong: 0, fair: 0, average: 0, weak: 0, rated: 0 };
      for (const row of rows) {
        distribution[row.rating] = Number(row.units);
        distribution.rated += Number(row.units);
      }
      return distribution;
    });
  }

  async weakUnits(scope: ReportScope): Promise<WeakUnit[]> {
    const rows: { code: string; name: string; path: string; improvement_plan: WeakUnit['improvementPlan'] }[] = await this.db.query(
      `SELECT u.code, u.name, r.path, r.improvement_plan
         FROM unit_ratings_v1 r JOIN report_units_v1 u ON u.unit_id = r.unit_id
        WHERE r.quarter = $2 AND r.rating = 'weak' AND ${inArea('r', scope.view)}
        ORDER BY r.path`,
      [scope.area, lastQuarterOf(scope.period)],
    );
    return rows.map((row) => ({ code: row.code, name: row.name, path: row.path, improvementPlan: row.improvement_plan }));
  }

  /** Units certified safe for the period's year, against the year before. */
  async certifiedUnits(scope: ReportScope): Promise<{ year: number; certified: number; previousYear: number }> {
    const count = async (year: number): Promise<number> => {
      const rows: { n: string }[] = await this.db.query(
        `SELECT count(*) AS n FROM unit_certifications_v1 c WHERE c.year = $2 AND c.status = 'granted' AND ${inArea('c', scope.view)}`,
        [scope.area, year],
      );
      return Number(rows[0]?.n ?? 0);
    };
    const year = yearOf(scope.period);
    return { year, certified: await count(year), previousYear: await count(year - 1) };
  }

  async hotspots(scope: ReportScope): Promise<{ code: string; name: string; reason: string; fromQuarter: string; toQuarter: string }[]> {
    return this.db.query(
      `SELECT u.code, u.name, h.reason, h.from_quarter AS "fromQuarter", h.to_quarter AS "toQuarter"
         FROM hotspots_v1 h JOIN report_units_v1 u ON u.unit_id = h.unit_id
        WHERE h.from_quarter <= $3 AND h.to_quarter >= $2 AND ${inArea('h', scope.view)}
        ORDER BY h.path`,
      [scope.area, quartersOf(scope.period)[0], lastQuarterOf(scope.period)],
    );
  }

  /**
   * Clause 3: district-level units of the area and their pilots this year (one or two = compliant).
   * As at the time: the districts that existed on the period's last day, so a quarter's list stays
   * as it was after districts are dissolved (the 2025 reform, ADR 0044); as today: today's.
   */
  async pilots(scope: ReportScope): Promise<PilotDistrict[]> {
    const existing = scope.view === 'as-at-time' ? `d.effective_from <= $3::date AND (d.effective_to IS NULL OR d.effective_to > $3::date)` : `d.status = 'active' AND $3::date IS NOT NULL`;
    const rows: { code: string; name: string; pilots: string[] }[] = await this.db.query(
      `SELECT d.code, d.name, coalesce(array_agg(p.code ORDER BY p.code) FILTER (WHERE p.code IS NOT NULL), '{}') AS pilots
         FROM report_units_v1 d
         LEFT JOIN pilot_units_v1 pu ON pu.district_id = d.unit_id AND pu.year = $2
         LEFT JOIN report_units_v1 p ON p.unit_id = pu.pilot_unit_id
        WHERE d.kind = 'district' AND ${existing} AND ${sqlWithinArea('d.path', '$1')}
        GROUP BY d.unit_id, d.code, d.name, d.path ORDER BY d.path`,
      [scope.area, yearOf(scope.period), periodLastDay(scope.period)],
    );
    return rows.map((row) => ({ code: row.code, name: row.name, pilotUnitCodes: row.pilots, compliant: row.pilots.length >= 1 && row.pilots.length <= 2 }));
  }

  models(scope: ReportScope): Promise<Compared<ModelFigures>> {
    return this.compared(scope, async (period) => {
      const rows: { milestone: string; n: string }[] = await this.db.query(
        `SELECT m.milestone, count(*) AS n FROM model_milestones_v1 m WHERE m.quarter = ANY($2::text[]) AND ${inArea('m', scope.view)} GROUP BY m.milestone`,
        [scope.area, quartersOf(period)],
      );
      const count = (milestone: string): number => Number(rows.find((row) => row.milestone === milestone)?.n ?? 0);
      return {
        registered: count('registered'),
        interimReviews: count('interim-review'),
        finalReviews: count('final-review'),
        advanced: count('advanced'),
        replicated: count('replicated-out'),
      };
    });
  }

  async forces(scope: ReportScope): Promise<{ forceType: string; teams: number; members: number }[]> {
    const rows: { force_type: string; teams: string; members: string }[] = await this.db.query(
      `SELECT f.force_type, count(*) AS teams, sum(f.headcount) AS members FROM forces_v1 f WHERE ${inArea('f', scope.view)} GROUP BY f.force_type ORDER BY f.force_type`,
      [scope.area],
    );
    return rows.map((row) => ({ forceType: row.force_type, teams: Number(row.teams), members: Number(row.members) }));
  }

  training(scope: ReportScope): Promise<Compared<TrainingFigures>> {
    return this.compared(scope, async (period) => {
      const rows: { sessions: string; trainees: string | null; hours: string | null }[] = await this.db.query(
        `SELECT count(*) AS sessions, sum(t.trainees) AS trainees, sum(t.hours) AS hours FROM training_v1 t WHERE t.quarter = ANY($2::text[]) AND ${inArea('t', scope.view)}`,
        [scope.area, quartersOf(period)],
      );
      return { sessions: Number(rows[0]?.sessions ?? 0), trainees: Number(rows[0]?.trainees ?? 0), hours: Number(rows[0]?.hours ?? 0) };
    });
  }
}
