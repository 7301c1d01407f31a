import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { IncidentCountsDto, IncidentCountsQuery } from './dto/incident-counts.query';
import { IncidentCountsQueries } from './incident-counts.queries';
import { requestedArea } from '../report/requested-area';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/incident-counts')
export class IncidentCountsController {
  constructor(private readonly queries: IncidentCountsQueries) {}

  @Get()
  @Allow('report.read')
  @ApiOkResponse({ type: IncidentCountsDto })
  get(@Query() query: IncidentCountsQuery, @CurrentCaller() caller: Caller): Promise<IncidentCountsDto> {
    const area = requestedArea(query.area, caller);
    return this.queries.byCategory(query.quarter, area === 'all' ? undefined : area);
  }
}
