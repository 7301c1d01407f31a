import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ReportPeriodQuery } from './period';

export class QuarterlyReportQuery extends ReportPeriodQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx', 'html'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx', 'html'])
  format?: 'json' | 'csv' | 'xlsx' | 'html';
}
