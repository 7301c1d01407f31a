import { ApiPropertyOptional } from '@nestjs/swagger';
import { Agencies, type Agency } from '@binh-yen/auth';
import { IsIn, IsOptional } from 'class-validator';
import { ReportPeriodQuery } from '../../report/dto/report-period-query.dto';

/** Filters of the campaign figures: the report's period, area, boundaries and language, and an agency. */
export class CampaignFiguresQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ enum: Agencies, example: 'womens-union', description: 'Only what this agency is credited with (ADR 0023)' })
  @IsOptional()
  @IsIn(Agencies, { message: `agency must be one of: ${Agencies.join(', ')}` })
  agency?: Agency;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: the by-agency table, one line per agency' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
