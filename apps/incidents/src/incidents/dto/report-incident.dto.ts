import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IncidentSources, Severities, type IncidentSource, type Severity } from '@binh-yen/incidents-domain';
import { IsUnitCode } from '@binh-yen/http';

const SLUG = /^[a-z][a-z0-9-]{1,63}$/;
export const WITH_ZONE = /(Z|[+-]\d{2}:\d{2})$/;

export class CoordinatesDto {
  @ApiProperty({ example: 21.3227 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'coordinates.latitude must be a number' })
  @Min(-90)
  @Max(90)
  latitude!: number;

  @ApiProperty({ example: 105.4019 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'coordinates.longitude must be a number' })
  @Min(-180)
  @Max(180)
  longitude!: number;
}

export class PeopleInvolvedDto {
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100_000) suspects?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100_000) victims?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100_000) injured?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100_000) deaths?: number;
}

export class InformantDto {
  @ApiProperty({ example: 'Nguyễn Văn A', description: 'Stored encrypted, apart; never in events, logs or lists' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: '0912 345 678' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  contact?: string;
}

export class ReportIncidentDto {
  @ApiProperty({ example: '07882', description: 'Official code of the unit where it happened' })
  @IsString()
  @IsUnitCode('unitCode')
  unitCode!: string;

  @ApiProperty({ example: 'criminal-offence', description: 'Category slug from the incident taxonomy (GET /api/v1/incident-taxonomy)' })
  @IsString()
  @Matches(SLUG, { message: 'category must be a taxonomy slug such as "criminal-offence"' })
  category!: string;

  @ApiPropertyOptional({ example: 'social-order', description: 'Security domain slug; the category’s default when absent' })
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: 'domain must be a taxonomy slug such as "social-order"' })
  domain?: string;

  @ApiPropertyOptional({ enum: IncidentSources, default: 'agency-report' })
  @IsOptional()
  @IsIn(IncidentSources, { message: `source must be one of ${IncidentSources.join(', ')}` })
  source?: IncidentSource;

  @ApiPropertyOptional({ enum: Severities })
  @IsOptional()
  @IsIn(Severities, { message: `severity must be one of ${Severities.join(', ')}` })
  severity?: Severity;

  @ApiProperty({ example: '2026-07-01T08:30:00+07:00', description: 'When it happened (ISO 8601 with offset)' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'occurredAt must be an ISO 8601 date-time' })
  @Matches(WITH_ZONE, { message: 'occurredAt must carry a time zone (Z or +07:00)' })
  occurredAt!: string;

  @ApiPropertyOptional({ example: '2026-07-01T09:00:00+07:00', description: 'When the report reached the authorities; now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'reportedAt must be an ISO 8601 date-time' })
  @Matches(WITH_ZONE, { message: 'reportedAt must carry a time zone (Z or +07:00)' })
  reportedAt?: string;

  @ApiProperty({ example: 'Mất trộm xe máy tại chợ Việt Trì' })
  @IsString()
  @Length(1, 4000)
  summary!: string;

  @ApiPropertyOptional({ example: 'Cổng chợ Dữu Lâu', description: 'Where, in words; never leaves this service in events' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  locationText?: string;

  @ApiPropertyOptional({ type: CoordinatesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoordinatesDto)
  coordinates?: CoordinatesDto;

  @ApiPropertyOptional({ type: PeopleInvolvedDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeopleInvolvedDto)
  people?: PeopleInvolvedDto;

  @ApiPropertyOptional({ type: InformantDto, description: 'Public tips only; readable only through GET /incidents/:id/informant' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InformantDto)
  informant?: InformantDto;
}
