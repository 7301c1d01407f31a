import { Injectable } from '@nestjs/common';
import { READ_MODELS } from '../freshness/projection-freshness';
import { ReportSnapshot } from '../freshness/report-snapshot';
import { sqlWithinArea } from '@binh-yen/auth';
import { periodEnd } from '../report/report-scope';
import { taxonomyNamesAsOf } from '../taxonomy/taxonomy-names';
import type { IncidentCountsDto } from './dto/incident-counts-query.dto';

@Injectable()
export class IncidentCountsQueries {
  constructor(private readonly snapshot: ReportSnapshot) {}

  /** The counts and the watermark they are current as of, from one snapshot (issue 24). */
  async byCategory(quarter: string, area: string): Promise<IncidentCountsDto> {
    const { figures, currentAsOf } = await this.snapshot.read({ incidents: READ_MODELS.incidents }, async (db) => ({
      rows: (await db.query(
        `SELECT category, sum(incidents) AS incidents
           FROM incident_counts_v1
          WHERE quarter = $1 AND ${sqlWithinArea('area', '$2')}
          GROUP BY category HAVING sum(incidents) <> 0 ORDER BY category`,
        [quarter, area],
      )) as { category: string; incidents: string }[],
      vi: await taxonomyNamesAsOf(db, periodEnd(quarter), 'vi'),
      en: await taxonomyNamesAsOf(db, periodEnd(quarter), 'en'),
    }));
    const byCategory = figures.rows.map((row) => ({
      category: row.category,
      name: { vi: figures.vi('category', row.category) ?? row.category, en: figures.en('category', row.category) ?? row.category },
      incidents: Number(row.incidents),
    }));
    return {
      quarter,
      area,
      total: byCategory.reduce((sum, row) => sum + row.incidents, 0),
      byCategory,
      currentAsOf: currentAsOf.incidents,
    };
  }
}
