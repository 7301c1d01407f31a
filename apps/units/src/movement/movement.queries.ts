import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Agencies } from '@binh-yen/auth';
import { MovementRatings } from '@binh-yen/units-domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { sqlWithinArea, type Caller } from '@binh-yen/auth';
import { notFound } from '@binh-yen/http';
import { DataSource } from 'typeorm';

/** The plan a weak rating carries (as RateUnitDto's improvementPlan was sent). */
export class ImprovementPlanView {
  @ApiProperty({ type: [String] }) actions!: string[];
  @ApiProperty({ enum: Agencies }) responsibleAgency!: string;
  @ApiProperty({ example: '2026-Q4' }) targetQuarter!: string;
}

export class RatingRecord {
  @ApiProperty({ example: '2026-Q3' }) quarter!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'The highest revision of its quarter' }) current!: boolean;
  @ApiProperty({ enum: MovementRatings }) rating!: string;
  @ApiProperty() assessor!: string;
  @ApiProperty({ example: '2026-10-05' }) assessedOn!: string;
  @ApiProperty() justification!: string;
  @ApiProperty({ type: ImprovementPlanView, nullable: true, description: 'null unless the rating is weak' }) improvementPlan!: ImprovementPlanView | null;
  @ApiProperty() recordedBy!: string;
}

export class DistrictPilots {
  @ApiProperty({ example: '25.227' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '25.227' }) path!: string;
  @ApiProperty({ type: [String] }) pilotUnitCodes!: string[];
  @ApiProperty({ description: 'false: no pilot designated for the year' }) compliant!: boolean;
}

export class PilotCompliance {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ type: [DistrictPilots] }) districts!: DistrictPilots[];
}

@Injectable()
export class MovementQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every rating of a unit, revisions included; the highest revision of a quarter is current. */
  async ratings(code: string, caller: Caller): Promise<RatingRecord[]> {
    const units: { id: string }[] = await this.dataSource.query(`SELECT id FROM units WHERE code = $1 AND ${sqlWithinArea('path', '$2')}`, [code, caller.area]);
    if (!units[0]) throw notFound('unit', `No unit with the code ${code} in your area.`);
    const rows: {
      quarter: string;
      revision: number;
      current: boolean;
      rating: string;
      assessor: string;
      assessed_on: string;
      justification: string;
      improvement_plan: ImprovementPlanView | null;
      recorded_by: string;
    }[] = await this.dataSource.query(
      `SELECT quarter, revision, rating, assessor, assessed_on::text AS assessed_on, justification, improvement_plan, recorded_by,
              revision = max(revision) OVER (PARTITION BY quarter) AS current
         FROM unit_ratings WHERE unit_id = $1 ORDER BY quarter DESC, revision DESC`,
      [units[0].id],
    );
    return rows.map((row) => ({
      quarter: row.quarter,
      revision: row.revision,
      current: row.current,
      rating: row.rating,
      assessor: row.assessor,
      assessedOn: row.assessed_on,
      justification: row.justification,
      improvementPlan: row.improvement_plan,
      recordedBy: row.recorded_by,
    }));
  }

  /** District-level units in the caller's area with their pilots for a year; none = not compliant. */
  async pilotCompliance(year: number, caller: Caller): Promise<PilotCompliance> {
    const rows: { code: string; name: string; path: string; pilots: string[] }[] = await this.dataSource.query(
      `SELECT d.code, d.name, d.path,
              coalesce(array_agg(p.code ORDER BY p.code) FILTER (WHERE p.code IS NOT NULL), '{}') AS pilots
         FROM units d
         LEFT JOIN pilot_units pu ON pu.district_id = d.id AND pu.year = $2
         LEFT JOIN units p ON p.id = pu.pilot_unit_id
        WHERE d.kind = 'district' AND d.status = 'active' AND ${sqlWithinArea('d.path', '$1')}
        GROUP BY d.id, d.code, d.name, d.path
        ORDER BY d.path`,
      [caller.area, year],
    );
    return {
      year,
      districts: rows.map((row) => ({ code: row.code, name: row.name, path: row.path, pilotUnitCodes: row.pilots, compliant: row.pilots.length >= 1 && row.pilots.length <= 2 })),
    };
  }
}
