import type { DataSource } from 'typeorm';
import { inArea, type ReportScope } from '../report/report-scope';

export interface CategoryCount {
  category: string;
  quarter: string;
  incidents: number;
}

/**
 * Incidents by category for an area and some quarters. As at the time it reads the
 * area's own rolled-up rows (a few dozen, at any depth); as today it maps the leaf
 * rows through lineage.
 */
export class IncidentReportQueries {
  constructor(private readonly dataSource: Pick<DataSource, 'query'>) {}

  async byCategory(scope: Pick<ReportScope, 'area' | 'view'>, quarters: string[]): Promise<CategoryCount[]> {
    const rows: { category: string; quarter: string; incidents: string }[] =
      scope.view === 'as-at-time'
        ? await this.dataSource.query(`SELECT category, quarter, incidents FROM incident_rollup_v1 WHERE area = $1 AND quarter = ANY($2::text[])`, [scope.area, quarters])
        : await this.dataSource.query(
            `SELECT c.category, c.quarter, sum(c.incidents) AS incidents
               FROM (SELECT area AS path, quarter, category, incidents FROM incident_counts_v1) c
              WHERE c.quarter = ANY($2::text[]) AND ${inArea('c', 'as-today')}
              GROUP BY c.category, c.quarter`,
            [scope.area, quarters],
          );
    return rows.map((row) => ({ category: row.category, quarter: row.quarter, incidents: Number(row.incidents) }));
  }
}
