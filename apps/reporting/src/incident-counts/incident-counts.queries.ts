import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProjectionFreshness } from '../freshness/projection-freshness';
import { DataSource } from 'typeorm';
import type { IncidentCountsDto } from './dto/incident-counts.query';
import { INCIDENT_COUNTS } from './incident-counts.projection';
import { sqlWithinArea } from '@binh-yen/auth';

@Injectable()
export class IncidentCountsQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly freshness: ProjectionFreshness,
  ) {}

  async byCategory(quarter: string, area: string): Promise<IncidentCountsDto> {
    const rows: { category: string; incidents: string }[] = await this.dataSource.query(
      `SELECT category, sum(incidents) AS incidents
         FROM incident_counts_v1
        WHERE quarter = $1 AND ${sqlWithinArea('area', '$2')}
        GROUP BY category HAVING sum(incidents) <> 0 ORDER BY category`,
      [quarter, area],
    );
    const byCategory = rows.map((row) => ({ category: row.category, incidents: Number(row.incidents) }));
    return {
      quarter,
      area,
      total: byCategory.reduce((sum, row) => sum + row.incidents, 0),
      byCategory,
      currentAsOf: await this.freshness.of(INCIDENT_COUNTS, ['incident']),
    };
  }
}
