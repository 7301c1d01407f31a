import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@binh-yen/auth';
import { ProblemException, problemType } from '@binh-yen/http';
import { IncidentResponseDto, ReportIncidentDto } from './dto/report-incident.dto';
import type { IncidentEntity } from './incident.entity';
import { IncidentQueries } from './incident.queries';
import { ReportIncidentUseCase } from './report-incident.use-case';

function toResponse(incident: IncidentEntity): IncidentResponseDto {
  return {
    id: incident.id,
    unitCode: incident.unitCode,
    area: incident.area,
    category: incident.category,
    occurredAt: incident.occurredAt.toISOString(),
    reportedAt: incident.reportedAt.toISOString(),
    summary: incident.summary,
    status: incident.status,
    version: incident.version,
  };
}

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly reportIncident: ReportIncidentUseCase,
    private readonly queries: IncidentQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: IncidentResponseDto })
  async report(@Body() body: ReportIncidentDto, @CurrentCaller() caller: Caller): Promise<IncidentResponseDto> {
    const incident = await this.reportIncident.execute({ ...body, occurredAt: new Date(body.occurredAt) }, caller);
    return toResponse(incident);
  }

  @Get(':id')
  @ApiOkResponse({ type: IncidentResponseDto })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<IncidentResponseDto> {
    const incident = await this.queries.findById(id);
    if (!incident) {
      throw new ProblemException({
        type: problemType('incident-not-found'),
        title: 'Không tìm thấy vụ việc (Incident not found)',
        status: HttpStatus.NOT_FOUND,
        detail: `No incident has the id ${id}.`,
      });
    }
    return toResponse(incident);
  }
}
