import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsAreaPath, IsQuarter } from '@binh-yen/http';

const SLUG = /^[a-z][a-z0-9-]{0,63}$/;

/** Filters of the incident figures: area, period, category, security domain, source, status. */
export class IncidentFiguresQuery {
  @ApiPropertyOptional({ example: '25.227', description: 'Area path; defaults to your own area' })
  @IsOptional()
  @IsAreaPath('area')
  area?: string;

  @ApiPropertyOptional({ example: '2026-Q1', description: 'First quarter (Vietnam time)' })
  @IsOptional()
  @IsQuarter('from', '2026-Q1')
  from?: string;

  @ApiPropertyOptional({ example: '2026-Q4', description: 'Last quarter (Vietnam time)' })
  @IsOptional()
  @IsQuarter('to', '2026-Q4')
  to?: string;

  @ApiPropertyOptional({ example: 'drugs' }) @IsOptional() @Matches(SLUG, { message: 'category must be a category slug' }) category?: string;
  @ApiPropertyOptional({ example: 'social-order' }) @IsOptional() @Matches(SLUG, { message: 'domain must be a domain slug' }) domain?: string;
  @ApiPropertyOptional({ example: 'public-tip' }) @IsOptional() @Matches(SLUG, { message: 'source must be a source slug' }) source?: string;
  @ApiPropertyOptional({ example: 'closed' }) @IsOptional() @Matches(SLUG, { message: 'status must be a case status' }) status?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv streams every row, however many' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ description: 'JSON pages: the nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
