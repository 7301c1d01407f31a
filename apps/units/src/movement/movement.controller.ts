import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { isQuarter } from '@binh-yen/contracts';
import { commandContext } from '@binh-yen/command-pipeline';
import { ProblemException, problemType } from '@binh-yen/http';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import { UnitCodePipe } from '../shared/unit-code.pipe';
import { CertificationView, CertifyUnitUseCase } from './certify-unit.use-case';
import { DesignateHotspotUseCase } from './designate-hotspot.use-case';
import { DesignatePilotUseCase, PilotDesignationView } from './designate-pilot.use-case';
import { CertifyUnitDto, DesignateHotspotDto, DesignatePilotDto, PilotComplianceQuery, RateUnitDto, RevokeCertificationDto } from './dto/movement.dto';
import { MovementQueries, PilotCompliance, RatingRecord } from './movement.queries';
import { RateUnitUseCase, RatingView } from './rate-unit.use-case';
import { RecordedInUnit } from '../shared/recorded-in-unit';

function quarterParam(value: string): string {
  if (!isQuarter(value)) {
    throw new ProblemException({
      type: problemType('validation'),
      title: 'Dữ liệu không hợp lệ (Invalid request)',
      status: 400,
      detail: 'The quarter in the address must look like 2026-Q3.',
      errors: [{ field: 'quarter', message: 'must look like 2026-Q3' }],
    });
  }
  return value;
}

@ApiTags('movement')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1')
export class MovementController {
  constructor(
    private readonly rateUnit: RateUnitUseCase,
    private readonly certifyUnit: CertifyUnitUseCase,
    private readonly designateHotspot: DesignateHotspotUseCase,
    private readonly designatePilot: DesignatePilotUseCase,
    private readonly queries: MovementQueries,
  ) {}

  @Allow('unit.rate')
  @Put('units/:code/ratings/:quarter')
  @ApiOperation({ summary: 'Rate a unit for a quarter (xếp loại phong trào); a second call is a revision' })
  @ApiOkResponse({ type: RatingView })
  rate(@Param('code', UnitCodePipe) code: string, @Param('quarter') quarter: string, @Body() body: RateUnitDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<RatingView> {
    return this.rateUnit.execute(code, quarterParam(quarter), body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.read')
  @Get('units/:code/ratings')
  @ApiOkResponse({ type: [RatingRecord] })
  ratings(@Param('code', UnitCodePipe) code: string, @CurrentCaller() caller: Caller): Promise<RatingRecord[]> {
    return this.queries.ratings(code, caller);
  }

  @Allow('unit.certify')
  @Post('units/:code/certifications')
  @ApiOperation({ summary: 'Certify a unit safe for security and order for a year' })
  @ApiCreatedResponse({ type: CertificationView })
  certify(@Param('code', UnitCodePipe) code: string, @Body() body: CertifyUnitDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<CertificationView> {
    return this.certifyUnit.grant(code, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.certify')
  @Post('units/:code/certifications/:year/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: CertificationView })
  revoke(
    @Param('code', UnitCodePipe) code: string,
    @Param('year', ParseIntPipe) year: number,
    @Body() body: RevokeCertificationDto,
    @CurrentCaller() caller: Caller,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<CertificationView> {
    return this.certifyUnit.revoke(code, year, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.designate')
  @Post('units/:code/hotspots')
  @ApiOperation({ summary: 'Designate an area with complicated security and order (clause 3)' })
  @ApiCreatedResponse({ type: RecordedInUnit })
  hotspot(@Param('code', UnitCodePipe) code: string, @Body() body: DesignateHotspotDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<RecordedInUnit> {
    return this.designateHotspot.execute(code, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.designate')
  @Post('units/:code/pilots')
  @ApiOperation({ summary: 'A district-level unit designates a grassroots pilot unit for a year (at most two)' })
  @ApiCreatedResponse({ type: PilotDesignationView })
  pilot(
    @Param('code', UnitCodePipe) code: string,
    @Body() body: DesignatePilotDto,
    @CurrentCaller() caller: Caller,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<PilotDesignationView> {
    return this.designatePilot.execute(code, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.read')
  @Get('pilots/compliance')
  @ApiOperation({ summary: 'District-level units and their pilots for a year; those with none are not compliant' })
  @ApiOkResponse({ type: PilotCompliance })
  compliance(@Query() query: PilotComplianceQuery, @CurrentCaller() caller: Caller): Promise<PilotCompliance> {
    return this.queries.pilotCompliance(query.year, caller);
  }
}
