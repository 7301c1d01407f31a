import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags, type ApiPropertyOptions } from '@nestjs/swagger';
import { ApiOkJsonOrFiles } from '../report/dto/answer-formats';
import { InjectDataSource } from '@nestjs/typeorm';
import { Allow, CurrentCaller, requestedArea, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { ProblemException, problemType } from '@binh-yen/http';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { IncidentFiguresQuery } from './dto/incident-figures-query.dto';
import { csvCell } from '../report/render-csv';

interface CaseRow {
  incident_id: string;
  path: string;
  quarter: string;
  category: string;
  domain: string;
  source: string;
  status: string;
  reported_verified: number | null;
  verified_referred: number | null;
  referred_indicted: number | null;
  indicted_tried: number | null;
}

const COLUMNS = ['incident_id', 'path', 'quarter', 'category', 'domain', 'source', 'status', 'reported_verified', 'verified_referred', 'referred_indicted', 'indicted_tried'] as const;
const CSV_BATCH = 2_000;

const days = (stage: string): ApiPropertyOptions => ({ type: Number, nullable: true, description: `Days ${stage}; null until both steps were taken` });

/** One case of the pipeline, as the JSON pages and the CSV columns carry it. */
export class IncidentCaseDto implements CaseRow {
  @ApiProperty({ format: 'uuid' }) incident_id!: string;
  @ApiProperty({ example: '25.227.08' }) path!: string;
  @ApiProperty({ example: '2026-Q3' }) quarter!: string;
  @ApiProperty({ example: 'theft' }) category!: string;
  @ApiProperty({ example: 'social-order' }) domain!: string;
  @ApiProperty({ example: 'public-tip' }) source!: string;
  @ApiProperty({ example: 'verified' }) status!: string;
  @ApiProperty(days('from the report to its verification')) reported_verified!: number | null;
  @ApiProperty(days('from verification to referral')) verified_referred!: number | null;
  @ApiProperty(days('from referral to indictment')) referred_indicted!: number | null;
  @ApiProperty(days('from indictment to trial')) indicted_tried!: number | null;
}

export class IncidentCasePageDto {
  @ApiProperty({ type: [IncidentCaseDto] }) items!: IncidentCaseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last' }) nextCursor!: string | null;
}


/**
 * The case-pipeline rows behind the report's incident figures, filtered, as JSON pages or as
 * a CSV streamed in keyset batches (each batch written only when the client has taken the
 * last), so a province-wide export of years never times out nor fills the memory.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/incidents')
export class IncidentFiguresController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Allow('report.read')
  @ApiOperation({ summary: 'Incident figures by area, period, category, domain, source and status: JSON pages, or a streamed CSV export' })
  @ApiOkJsonOrFiles(IncidentCasePageDto, ['text/csv'])
  async list(@Query() query: IncidentFiguresQuery, @CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    const area = requestedArea(query.area, caller);
    if (query.from && query.to && query.from > query.to) {
      throw new ProblemException({ type: problemType('validation'), title: 'Khoảng thời gian không hợp lệ (Invalid period)', status: 400, detail: 'from must not come after to', errors: [{ field: 'from', message: 'must not come after to' }] });
    }
    if (query.format === 'csv') {
      await this.streamCsv(query, area, response);
      return;
    }
    const limit = query.limit ?? 100;
    const rows = await this.page(query, area, query.cursor ?? null, limit + 1);
    const page: IncidentCasePageDto = { items: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]!.incident_id : null };
    response.json(page);
  }

  private page(query: IncidentFiguresQuery, area: string, after: string | null, limit: number): Promise<CaseRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS.join(', ')} FROM incident_cases_v1
        WHERE ${sqlWithinArea('path', '$1')}
          AND ($2::text IS NULL OR quarter >= $2) AND ($3::text IS NULL OR quarter <= $3)
          AND ($4::text IS NULL OR category = $4) AND ($5::text IS NULL OR domain = $5)
          AND ($6::text IS NULL OR source = $6) AND ($7::text IS NULL OR status = $7)
          AND ($8::uuid IS NULL OR incident_id > $8)
        ORDER BY incident_id LIMIT $9`,
      [area, query.from ?? null, query.to ?? null, query.category ?? null, query.domain ?? null, query.source ?? null, query.status ?? null, after, limit],
    );
  }

  private async streamCsv(query: IncidentFiguresQuery, area: string, response: Response): Promise<void> {
    response.type('text/csv; charset=utf-8').attachment(`vu-viec-${area}.csv`);
    response.write(`\uFEFF${COLUMNS.join(',')}\r\n`);
    let after: string | null = null;
    for (;;) {
      const rows = await this.page(query, area, after, CSV_BATCH);
      if (rows.length === 0) break;
      const chunk = rows.map((row) => COLUMNS.map((column) => csvCell(row[column])).join(',')).join('\r\n');
      if (!response.write(`${chunk}\r\n`)) await new Promise((resolve) => response.once('drain', resolve));
      after = rows[rows.length - 1]!.incident_id;
      if (rows.length < CSV_BATCH || response.destroyed) break;
    }
    response.end();
  }
}
