import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Allow, CurrentCaller, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { DataSource } from 'typeorm';

export class AuditQuery {
  @ApiPropertyOptional({ description: 'Who (token subject)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subject?: string;

  @ApiPropertyOptional({ example: 'unit' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]{1,40}$/, { message: 'entityType must look like "unit"' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entityId?: string;

  @ApiPropertyOptional({ example: '2026-07-01T00:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-01T00:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 time' })
  to?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** One write as the audit trail answers it; before and after are the entity's JSON (null when it did not exist). */
export class AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ example: 'police' }) agency!: string;
  @ApiProperty({ example: 'unit.register' }) action!: string;
  @ApiProperty({ example: 'unit' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ example: '25', description: 'The area it belongs to, or "all"' }) area!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'JSON of the entity before the write' }) before!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'JSON of the entity after the write' }) after!: unknown;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last' }) nextCursor!: string | null;
}

interface AuditRow {
  id: string;
  recorded_at: Date;
  subject: string;
  agency: string;
  action: string;
  entity_type: string;
  entity_id: string;
  area: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Allow('audit.read')
  @ApiOperation({ summary: 'The audit trail of this service, oldest first, filtered by person, entity and time, within your area' })
  @ApiOkResponse({ type: AuditPageView })
  async list(@Query() query: AuditQuery, @CurrentCaller() caller: Caller): Promise<AuditPageView> {
    const limit = query.limit ?? 100;
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT * FROM audit_log
        WHERE (${sqlWithinArea('area', '$1')} OR area = 'all')
          AND ($2::text IS NULL OR subject = $2) AND ($3::text IS NULL OR entity_type = $3) AND ($4::text IS NULL OR entity_id = $4)
          AND ($5::timestamptz IS NULL OR recorded_at >= $5) AND ($6::timestamptz IS NULL OR recorded_at < $6)
          AND ($7::uuid IS NULL OR id > $7)
        ORDER BY id LIMIT $8`,
      [caller.area, query.subject ?? null, query.entityType ?? null, query.entityId ?? null, query.from ?? null, query.to ?? null, query.cursor ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        recordedAt: new Date(row.recorded_at).toISOString(),
        subject: row.subject,
        agency: row.agency,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        area: row.area,
        before: row.before,
        after: row.after,
        requestId: row.request_id,
      })),
      nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
    };
  }
}
