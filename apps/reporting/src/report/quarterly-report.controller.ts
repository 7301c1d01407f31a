import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOkJsonOrFiles } from './dto/answer-formats';
import { QuarterlyReportDto } from './dto/quarterly-report.dto';
import { Allow, CurrentCaller, requestedArea, type Caller } from '@binh-yen/auth';
import type { Response } from 'express';
import { periodOf } from './dto/report-period-query.dto';
import { QuarterlyReportQuery } from './dto/quarterly-report-query.dto';
import { OfficialReportService } from './official/official-report.service';
import { printPdf } from './official/print-pdf';
import { renderDocx } from './official/render-docx';
import { renderOfficialHtml } from './official/render-official-html';
import { QuarterlyReportService } from './quarterly-report.service';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderXlsx } from './render-xlsx';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/quarterly')
export class QuarterlyReportController {
  constructor(
    private readonly reports: QuarterlyReportService,
    private readonly official: OfficialReportService,
  ) {}

  @Allow('report.read')
  @Get()
  @ApiOperation({ summary: 'The quarterly report for an area, or the year’s roll-up (year=2026): JSON, CSV, XLSX or printable HTML, Vietnamese or English; or the official document (DOCX, PDF)' })
  @ApiOkJsonOrFiles(QuarterlyReportDto, ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/pdf'])
  async get(@Query() query: QuarterlyReportQuery, @CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    const area = requestedArea(query.area, caller);
    const period = periodOf(query);
    const scope = { area, period, view: query.view ?? 'as-at-time' } as const;
    const fileName = `bao-cao-${area}-${period}`;
    const format = query.format ?? 'json';
    if (format === 'docx' || format === 'pdf') {
      const document = await this.official.document(scope, query.submission, caller);
      if (format === 'docx') {
        response.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').attachment(`${fileName}.docx`).send(await renderDocx(document));
      } else {
        response.type('application/pdf').attachment(`${fileName}.pdf`).send(await printPdf(renderOfficialHtml(document)));
      }
      return;
    }
    const report = await this.reports.build(scope, query.lang ?? 'vi');
    switch (format) {
      case 'csv':
        response.type('text/csv; charset=utf-8').attachment(`${fileName}.csv`).send(renderCsv(report));
        return;
      case 'xlsx':
        response
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .attachment(`${fileName}.xlsx`)
          .send(await renderXlsx(report));
        return;
      case 'html':
        response.type('text/html; charset=utf-8').send(renderHtml(report));
        return;
      default:
        response.json(report);
    }
  }
}
