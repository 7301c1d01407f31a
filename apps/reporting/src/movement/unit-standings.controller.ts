import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Allow, CurrentCaller, requestedArea, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { DataSource } from 'typeorm';
import { UnitStandingsDto, UnitStandingsQuery, type UnitStandingDto } from './dto/unit-standings.dto';

interface StandingRow {
  code: string;
  name: string;
  path: string;
  rating: UnitStandingDto['rating'];
  reason: string | null;
}

/**
 * Each unit's standing in a quarter, unit by unit (the report counts them): its rating and
 * whether it is a hotspot. The dashboard's map colours the units' points with it (ADR 0051).
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/unit-standings')
export class UnitStandingsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Allow('report.read')
  @ApiOperation({ summary: 'Each unit’s movement rating and hotspot designation in a quarter, within an area' })
  @ApiOkResponse({ type: UnitStandingsDto })
  async list(@Query() query: UnitStandingsQuery, @CurrentCaller() caller: Caller): Promise<UnitStandingsDto> {
    const area = requestedArea(query.area, caller);
    const rows: StandingRow[] = await this.dataSource.query(
      `SELECT u.code, u.name, u.path, r.rating, h.reason
         FROM report_units_v1 u
         LEFT JOIN unit_ratings_v1 r ON r.unit_id = u.unit_id AND r.quarter = $2
         LEFT JOIN LATERAL (
           SELECT reason FROM hotspots_v1
            WHERE unit_id = u.unit_id AND from_quarter <= $2 AND to_quarter >= $2
            ORDER BY from_quarter DESC, event_id DESC LIMIT 1
         ) h ON true
        WHERE u.status = 'active' AND ${sqlWithinArea('u.path', '$1')} AND (r.rating IS NOT NULL OR h.reason IS NOT NULL)
        ORDER BY u.path`,
      [area, query.quarter],
    );
    return {
      quarter: query.quarter,
      area,
      items: rows.map((row) => ({ code: row.code, name: row.name, path: row.path, rating: row.rating, hotspot: row.reason })),
    };
  }
}
