import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class QuarterlyReportQuery {
  @ApiProperty({ example: '2026-Q3' })
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'quarter must look like 2026-Q3' })
  quarter!: string;

  @ApiPropertyOptional({ example: '25', description: 'Area path; defaults to your own area' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, { message: 'area must be a unit path such as 25.227' })
  area?: string;

  @ApiPropertyOptional({ enum: ['as-at-time', 'as-today'], default: 'as-at-time' })
  @IsOptional()
  @IsIn(['as-at-time', 'as-today'])
  view?: 'as-at-time' | 'as-today';

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx', 'html'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx', 'html'])
  format?: 'json' | 'csv' | 'xlsx' | 'html';
}
