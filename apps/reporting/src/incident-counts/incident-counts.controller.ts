import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, requestedArea, type Caller } from '@binh-yen/auth';
import { IncidentCountsDto, IncidentCountsQuery } from './dto/incident-counts-query.dto';
import { IncidentCountsQueries } from './incident-counts.queries';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/incident-counts')
export class IncidentCountsController {
  constructor(private readonly queries: IncidentCountsQueries) {}

  @Get()
  @Allow('report.read')
  @ApiOkResponse({ type: IncidentCountsDto })
  get(@Query() query: IncidentCountsQuery, @CurrentCaller() caller: Caller): Promise<IncidentCountsDto> {
    return this.queries.byCategory(query.quarter, requestedArea(query.area, caller));
  }
}
