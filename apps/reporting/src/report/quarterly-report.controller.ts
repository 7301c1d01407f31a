import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, requestedArea, type Caller } from '@binh-yen/auth';
import type { Response } from 'express';
import { periodOf } from './dto/period';
import { QuarterlyReportQuery } from './dto/quarterly-report.query';
import { QuarterlyReportService } from './quarterly-report.service';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderXlsx } from './render-xlsx';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/quarterly')
export class QuarterlyReportController {
  constructor(private readonly reports: QuarterlyReportService) {}

  @Allow('report.read')
  @Get()
  @ApiOperation({ summary: 'The quarterly report for an area, or the year’s roll-up (year=2026): JSON, CSV, XLSX or printable HTML, Vietnamese or English' })
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html')
  async get(@Query() query: QuarterlyReportQuery, @CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    const area = requestedArea(query.area, caller);
    const period = periodOf(query);
    const report = await this.reports.build({ area, period, view: query.view ?? 'as-at-time' }, query.lang ?? 'vi');
    const fileName = `bao-cao-${area}-${period}`;
    switch (query.format ?? 'json') {
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
