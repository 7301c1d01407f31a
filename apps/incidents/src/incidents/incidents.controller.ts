import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IfMatchVersion, withETag } from '@binh-yen/http';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import { TransferIncidentDto, TransitionIncidentDto } from './dto/incident-commands.dto';
import { ListIncidentsQuery } from './dto/list-incidents-query.dto';
import { ReportIncidentDto } from './dto/report-incident.dto';
import { IncidentPage, IncidentQueries, IncidentTimeline } from './incident.queries';
import { IncidentView } from './incident-row';
import { InformantQueries, InformantView } from './informant.queries';
import { ReportIncidentUseCase } from './report-incident.use-case';
import { TransferIncidentUseCase } from './transfer-incident.use-case';
import { TransitionIncidentUseCase } from './transition-incident.use-case';

const ID = ':id';
const uuid = new ParseUUIDPipe();

@ApiTags('incidents')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a command safely: the same key answers the first result' })
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly queries: IncidentQueries,
    private readonly informants: InformantQueries,
    private readonly reportIncident: ReportIncidentUseCase,
    private readonly transitionIncident: TransitionIncidentUseCase,
    private readonly transferIncident: TransferIncidentUseCase,
  ) {}

  @Allow('incident.read')
  @Get()
  @ApiOperation({ summary: 'List and search incidents in your area: area subtree, category, domain, status, source, period, full text (with or without diacritics)' })
  @ApiOkResponse({ type: IncidentPage })
  list(@Query() query: ListIncidentsQuery, @CurrentCaller() caller: Caller): Promise<IncidentPage> {
    return this.queries.list(query, caller);
  }

  @Allow('incident.report')
  @Post()
  @ApiOperation({ summary: 'Report an incident (tiếp nhận tin báo, vụ việc)' })
  @ApiCreatedResponse({ type: IncidentView })
  async report(@Body() body: ReportIncidentDto, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: Response, @IdempotencyKeyHeader() key?: string): Promise<IncidentView> {
    return withETag(response, await this.reportIncident.execute(body, commandContext(caller, { idempotencyKey: key })));
  }

  @Allow('incident.read')
  @Get(ID)
  @ApiOperation({ summary: 'One incident with the steps it may take next; its ETag is the version to send in If-Match' })
  @ApiOkResponse({ type: IncidentView })
  async get(@Param('id', uuid) id: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<IncidentView> {
    return withETag(response, await this.queries.byId(id, caller));
  }

  @Allow('incident.read')
  @Get(`${ID}/timeline`)
  @ApiOperation({ summary: 'The case’s timeline: every step, by whom, which agency, when, with notes' })
  @ApiOkResponse({ type: IncidentTimeline })
  timeline(@Param('id', uuid) id: string, @CurrentCaller() caller: Caller): Promise<IncidentTimeline> {
    return this.queries.timeline(id, caller);
  }

  @Allow('incident.transition')
  @Post(`${ID}/transitions`)
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version you last read' })
  @ApiOperation({ summary: 'Take a step of the case lifecycle (only the agency that owns the step may)' })
  @ApiOkResponse({ type: IncidentView })
  async transition(
    @Param('id', uuid) id: string,
    @Body() body: TransitionIncidentDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
    @IfMatchVersion() version?: number,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<IncidentView> {
    return withETag(response, await this.transitionIncident.execute(id, body, commandContext(caller, { idempotencyKey: key, expectedVersion: version })));
  }

  @Allow('incident.transfer')
  @Post(`${ID}/transfer`)
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version you last read' })
  @ApiOperation({ summary: 'Transfer the case to another unit (jurisdiction change)' })
  @ApiOkResponse({ type: IncidentView })
  async transfer(
    @Param('id', uuid) id: string,
    @Body() body: TransferIncidentDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
    @IfMatchVersion() version?: number,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<IncidentView> {
    return withETag(response, await this.transferIncident.execute(id, body, commandContext(caller, { idempotencyKey: key, expectedVersion: version })));
  }

  @Allow('incident.informant.read')
  @Get(`${ID}/informant`)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'The informant of a public tip (protected; every reading is audited)' })
  @ApiOkResponse({ type: InformantView })
  informant(@Param('id', uuid) id: string, @CurrentCaller() caller: Caller): Promise<InformantView> {
    return this.informants.read(id, commandContext(caller));
  }
}
