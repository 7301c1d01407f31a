import { Injectable } from '@nestjs/common';
import { READ_MODELS } from '../freshness/projection-freshness';
import { ReportSnapshot } from '../freshness/report-snapshot';
import type { IncidentCountsDto } from './dto/incident-counts.query';
import { sqlWithinArea } from '@binh-yen/auth';

@Injectable()
export class IncidentCountsQueries {
  constructor(private readonly snapshot: ReportSnapshot) {}

  /** The counts and the watermark they are current as of, from one snapshot (issue 24). */
  async byCategory(quarter: string, area: string): Promise<IncidentCountsDto> {
    const { figures: rows, currentAsOf } = await this.snapshot.read({ incidents: READ_MODELS.incidents }, (db): Promise<{ category: string; incidents: string }[]> =>
      db.query(
        `SELECT category, sum(incidents) AS incidents
           FROM incident_counts_v1
          WHERE quarter = $1 AND ${sqlWithinArea('area', '$2')}
          GROUP BY category HAVING sum(incidents) <> 0 ORDER BY category`,
        [quarter, area],
      ),
    );
    const byCategory = rows.map((row) => ({ category: row.category, incidents: Number(row.incidents) }));
    return {
      quarter,
      area,
      total: byCategory.reduce((sum, row) => sum + row.incidents, 0),
      byCategory,
      currentAsOf: currentAsOf.incidents,
    };
  }
}
