import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOkJsonOrFiles } from '../report/dto/answer-formats';
import { CampaignFiguresDto } from './dto/campaign-figures.dto';
import { Allow, CurrentCaller, requestedArea, type Caller } from '@binh-yen/auth';
import type { Response } from 'express';
import { READ_MODELS } from '../freshness/projection-freshness';
import { ReportSnapshot } from '../freshness/report-snapshot';
import { periodOf } from '../report/dto/report-period-query.dto';
import { isYear } from '../report/report-scope';
import { AGENCY_COLUMN_KEYS, agencyName, label } from '@binh-yen/report-model';
import { CampaignFiguresQueries, type AgencyFigures } from './campaign-figures.queries';
import { CampaignFiguresQuery } from './dto/campaign-figures-query.dto';
import { csvCell } from '../report/render-csv';


/**
 * The campaign figures of an area and period (a quarter or a year) by agency (clauses 2 and 6): the totals with
 * their comparison columns, one line per agency, and the campaigns' progress, optionally
 * for one agency only.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/campaigns')
export class CampaignFiguresController {
  constructor(private readonly snapshot: ReportSnapshot) {}

  @Get()
  @Allow('report.read')
  @ApiOperation({ summary: 'Campaign figures (activities, participants by group, pledges, agreements, stories, commendations, progress) by area, quarter and agency; JSON or CSV' })
  @ApiOkJsonOrFiles(CampaignFiguresDto, ['text/csv'])
  async get(@Query() query: CampaignFiguresQuery, @CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    const area = requestedArea(query.area, caller);
    const scope = { area, period: periodOf(query), view: query.view ?? 'as-at-time' } as const;
    const agency = query.agency ?? null;
    // The figures and their watermark from one snapshot (issue 24).
    const {
      figures: [figures, everyAgency, campaigns],
      currentAsOf: { campaigns: currentAsOf },
    } = await this.snapshot.read({ campaigns: READ_MODELS.campaigns }, (db) => {
      const queries = new CampaignFiguresQueries(db);
      return Promise.all([queries.compared(scope, agency), queries.byAgency(scope, scope.period), queries.progress(scope, agency)]);
    });
    const byAgency = agency === null ? everyAgency : everyAgency.filter((line) => line.agency === agency);
    if (query.format === 'csv') {
      response
        .type('text/csv; charset=utf-8')
        .attachment(`phong-trao-${area}-${scope.period}${agency ? `-${agency}` : ''}.csv`)
        .send(agencyCsv(byAgency, query.lang ?? 'vi'));
      return;
    }
    // A year names itself as a year and compares with the year before only, as the quarterly report does.
    const period = isYear(scope.period)
      ? { year: scope.period, figures: { current: figures.current, previousYear: figures.previousQuarter } }
      : { quarter: scope.period, figures };
    const answer: CampaignFiguresDto = { area, period: scope.period, ...period, view: scope.view, agency, currentAsOf, byAgency, campaigns };
    response.json(answer);
  }
}

/** One line per agency, headed in the language asked, UTF-8 with a BOM so spreadsheet programs read the diacritics. */
function agencyCsv(lines: AgencyFigures[], language: 'vi' | 'en'): string {
  const rows = lines.map((line) =>
    [agencyName(line.agency, language), line.activities, line.participants, line.households, line.agreementsSigned, line.stories, line.commendations].map(csvCell).join(','),
  );
  return `\ufeff${[AGENCY_COLUMN_KEYS.map((key) => csvCell(label(key, language))).join(','), ...rows].join('\r\n')}\r\n`;
}
