import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CaseStatuses, IncidentSources, type CaseStatus, type IncidentSource } from '@binh-yen/incidents-domain';
import { CursorPageQuery, IsAreaPath, IsQuarter } from '@binh-yen/http';

const SLUG = /^[a-z][a-z0-9-]{1,63}$/;

export class ListIncidentsQuery extends CursorPageQuery {
  @ApiPropertyOptional({ example: '25.227', description: 'Only incidents of units under this path (current paths of the units replica)' })
  @IsOptional()
  @IsAreaPath('area')
  area?: string;

  @ApiPropertyOptional({ example: 'criminal-offence' })
  @IsOptional()
  @Matches(SLUG, { message: 'category must be a taxonomy slug' })
  category?: string;

  @ApiPropertyOptional({ example: 'social-order' })
  @IsOptional()
  @Matches(SLUG, { message: 'domain must be a taxonomy slug' })
  domain?: string;

  @ApiPropertyOptional({ enum: CaseStatuses })
  @IsOptional()
  @IsIn(CaseStatuses, { message: `status must be one of ${CaseStatuses.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: IncidentSources })
  @IsOptional()
  @IsIn(IncidentSources, { message: `source must be one of ${IncidentSources.join(', ')}` })
  source?: IncidentSource;

  @ApiPropertyOptional({ example: '2026-Q3', description: 'Quarter of when it happened, in Vietnam’s time' })
  @IsOptional()
  @IsQuarter('quarter')
  quarter?: string;

  @ApiPropertyOptional({ example: '2026-07-01T00:00:00+07:00', description: 'Happened at or after' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-01T00:00:00+07:00', description: 'Happened before' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 time' })
  to?: string;

  @ApiPropertyOptional({ example: 'trom xe may', description: 'Full-text search in the summary and location, with or without diacritics' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ description: 'true: only those flagged as possible duplicates' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'possibleDuplicate must be true or false' })
  possibleDuplicate?: boolean;
}
