import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, isWithinArea, type Caller } from '@binh-yen/auth';
import { forbidden } from '@binh-yen/http';
import { IncidentCountsDto, IncidentCountsQuery } from './dto/incident-counts.query';
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
    // Area scope applies to figures too: by default the caller's own area, never one outside it.
    const area = query.area ?? caller.area;
    if (!isWithinArea(area, caller.area)) throw forbidden(`The area ${area} lies outside yours (${caller.area}) — ngoài địa bàn phụ trách.`);
    return this.queries.byCategory(query.quarter, area === 'all' ? undefined : area);
  }
}
