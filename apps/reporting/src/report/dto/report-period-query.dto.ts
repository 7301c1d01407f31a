import { ApiPropertyOptional } from '@nestjs/swagger';
import { QUARTER } from '@binh-yen/contracts';
import { IsAreaPath, ProblemException, problemType } from '@binh-yen/http';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import type { Period } from '../report-scope';

/** What every report query names: a quarter or a year, an area, the boundaries and the language. */
export class ReportPeriodQuery {
  @ApiPropertyOptional({ example: '2026-Q3', description: 'The quarter (required unless year is given)' })
  @ValidateIf((query: { year?: string }) => query.year === undefined)
  @Matches(QUARTER, { message: 'quarter must look like 2026-Q3 (or give year=2026 for the year’s roll-up)' })
  quarter?: string;

  @ApiPropertyOptional({ example: '2026', description: 'The year’s roll-up of its four quarters, instead of quarter' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must look like 2026' })
  year?: string;

  @ApiPropertyOptional({ example: '25.227', description: 'Area path; defaults to your own area' })
  @IsOptional()
  @IsAreaPath('area')
  area?: string;

  @ApiPropertyOptional({ enum: ['as-at-time', 'as-today'], default: 'as-at-time' })
  @IsOptional()
  @IsIn(['as-at-time', 'as-today'])
  view?: 'as-at-time' | 'as-today';

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}

/** The period a report query names: its quarter, or its year for the year's roll-up; exactly one of them. */
export function periodOf(query: ReportPeriodQuery): Period {
  if (query.quarter !== undefined && query.year !== undefined) {
    throw new ProblemException({
      type: problemType('validation'),
      title: 'Chỉ chọn quý hoặc năm (Give a quarter or a year, not both)',
      status: 400,
      detail: 'quarter and year exclude each other: quarter=2026-Q3 for a quarter, year=2026 for the year’s roll-up',
      errors: [{ field: 'year', message: 'give either quarter or year' }],
    });
  }
  return (query.quarter ?? query.year)!;
}
