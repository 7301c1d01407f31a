import { ApiPropertyOptional } from '@nestjs/swagger';
import { Agencies, type Agency } from '@binh-yen/auth';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';

/** Filters of the campaign figures: area, quarter, agency, boundaries, language, format. */
export class CampaignFiguresQuery {
  @ApiPropertyOptional({ example: '2026-Q3', description: 'The quarter (required unless year is given)' })
  @ValidateIf((query: { year?: string }) => query.year === undefined)
  @Matches(/^\d{4}-Q[1-4]$/, { message: 'quarter must look like 2026-Q3 (or give year=2026 for the year’s roll-up)' })
  quarter?: string;

  @ApiPropertyOptional({ example: '2026', description: 'The year’s roll-up of its four quarters, instead of quarter' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must look like 2026' })
  year?: string;

  @ApiPropertyOptional({ example: '25.227', description: 'Area path; defaults to your own area' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, { message: 'area must be a unit path such as 25.227' })
  area?: string;

  @ApiPropertyOptional({ enum: Agencies, example: 'womens-union', description: 'Only what this agency is credited with (ADR 0023)' })
  @IsOptional()
  @IsIn(Agencies, { message: `agency must be one of: ${Agencies.join(', ')}` })
  agency?: Agency;

  @ApiPropertyOptional({ enum: ['as-at-time', 'as-today'], default: 'as-at-time' })
  @IsOptional()
  @IsIn(['as-at-time', 'as-today'])
  view?: 'as-at-time' | 'as-today';

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi', description: 'Language of the agency names in the CSV' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: the by-agency table, one line per agency' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
