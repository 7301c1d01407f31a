import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, Length, Matches } from 'class-validator';

export class ReportIncidentDto {
  @ApiProperty({ example: '07882', description: 'Official code of the unit where it happened' })
  @IsString()
  @Matches(/^[A-Za-z0-9_]{1,32}$/, { message: 'unitCode must be an official unit code (letters, digits, _; up to 32)' })
  unitCode!: string;

  @ApiProperty({ example: 'theft', description: 'Category slug from the incident taxonomy' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'category must be a taxonomy slug such as "criminal-offence"' })
  category!: string;

  @ApiProperty({ example: '2026-07-01T08:30:00+07:00', description: 'When it happened (ISO 8601 with offset)' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'occurredAt must be an ISO 8601 date-time' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'occurredAt must carry a time zone (Z or +07:00)' })
  occurredAt!: string;

  @ApiProperty({ example: 'Mất trộm xe máy tại chợ Việt Trì' })
  @IsString()
  @Length(1, 4000)
  summary!: string;
}

export class IncidentResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() area!: string;
  @ApiProperty() category!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() reportedAt!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() status!: string;
  @ApiProperty() version!: number;
}
