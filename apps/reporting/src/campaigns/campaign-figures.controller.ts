import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, requestedArea, type Caller } from '@binh-yen/auth';
import type { Response } from 'express';
import { ProjectionFreshness } from '../freshness/projection-freshness';
import { periodOf } from '../report/dto/period';
import { AGENCY_COLUMNS, agencyName } from '../report/labels';
import { CampaignFiguresQueries, type AgencyFigures } from './campaign-figures.queries';
import { CAMPAIGN_FIGURES, CAMPAIGN_TOPICS } from './campaigns.projection';
import { CampaignFiguresQuery } from './dto/campaign-figures.query';
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
  constructor(
    private readonly campaigns: CampaignFiguresQueries,
    private readonly freshness: ProjectionFreshness,
  ) {}

  @Get()
  @Allow('report.read')
  @ApiOperation({ summary: 'Campaign figures (activities, participants by group, pledges, agreements, stories, commendations, progress) by area, quarter and agency; JSON or CSV' })
  @ApiProduces('application/json', 'text/csv')
  async get(@Query() query: CampaignFiguresQuery, @CurrentCaller() caller: Caller, @Res() response: Response): Promise<void> {
    const area = requestedArea(query.area, caller);
    const scope = { area, period: periodOf(query), view: query.view ?? 'as-at-time' } as const;
    const agency = query.agency ?? null;
    const [figures, everyAgency, campaigns, currentAsOf] = await Promise.all([
      this.campaigns.compared(scope, agency),
      this.campaigns.byAgency(scope, scope.period),
      this.campaigns.progress(scope, agency),
      this.freshness.of(CAMPAIGN_FIGURES, CAMPAIGN_TOPICS),
    ]);
    const byAgency = agency === null ? everyAgency : everyAgency.filter((line) => line.agency === agency);
    if (query.format === 'csv') {
      response
        .type('text/csv; charset=utf-8')
        .attachment(`phong-trao-${area}-${scope.period}${agency ? `-${agency}` : ''}.csv`)
        .send(agencyCsv(byAgency, query.lang ?? 'vi'));
      return;
    }
    response.json({ area, period: scope.period, view: scope.view, agency, currentAsOf, figures, byAgency, campaigns });
  }
}

/** One line per agency, UTF-8 with a BOM so spreadsheet programs read the diacritics. */
function agencyCsv(lines: AgencyFigures[], language: 'vi' | 'en'): string {
  const rows = lines.map((line) =>
    [agencyName(line.agency, language), line.activities, line.participants, line.households, line.agreementsSigned, line.stories, line.commendations].map(csvCell).join(','),
  );
  return `\ufeff${[AGENCY_COLUMNS.map(csvCell).join(','), ...rows].join('\r\n')}\r\n`;
}
