import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IfMatchVersion } from '@binh-yen/http';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import { UnitCodePipe } from '../shared/unit-code.pipe';
import { toView, UnitView } from '../shared/unit-row';
import { RegisterUnitDto } from './dto/register-unit.dto';
import { DissolveUnitDto, MergeUnitsDto, MoveUnitDto, RenameUnitDto, SplitUnitDto } from './dto/reorganise.dto';
import { SearchUnitsQuery } from './dto/search-units-query.dto';
import { DissolveUnitUseCase } from './dissolve-unit.use-case';
import { MergeUnitsUseCase } from './merge-units.use-case';
import { MoveUnitUseCase } from './move-unit.use-case';
import { RegisterUnitUseCase } from './register-unit.use-case';
import { RenameUnitUseCase } from './rename-unit.use-case';
import { SplitUnitUseCase } from './split-unit.use-case';
import { Lineage, UnitPage, UnitsQueries } from './units.queries';

const CODE = ':code';

@ApiTags('units')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a command safely: the same key answers the first result' })
@Controller('api/v1/units')
export class UnitsController {
  constructor(
    private readonly queries: UnitsQueries,
    private readonly registerUnit: RegisterUnitUseCase,
    private readonly renameUnit: RenameUnitUseCase,
    private readonly moveUnit: MoveUnitUseCase,
    private readonly mergeUnits: MergeUnitsUseCase,
    private readonly splitUnit: SplitUnitUseCase,
    private readonly dissolveUnit: DissolveUnitUseCase,
  ) {}

  @Allow('unit.read')
  @Get()
  @ApiOperation({ summary: 'Search units by code or name (with or without diacritics), within your area' })
  @ApiOkResponse({ type: UnitPage })
  search(@Query() query: SearchUnitsQuery, @CurrentCaller() caller: Caller): Promise<UnitPage> {
    return this.queries.search(query, caller);
  }

  @Allow('unit.register')
  @Post()
  @ApiOperation({ summary: 'Register a unit (đăng ký đơn vị)' })
  @ApiCreatedResponse({ type: UnitView })
  register(@Body() body: RegisterUnitDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<UnitView> {
    return this.registerUnit.execute(body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.reorganise')
  @Post('merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge units into one (sáp nhập); lineage kept' })
  @ApiOkResponse({ type: UnitView })
  merge(@Body() body: MergeUnitsDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<UnitView> {
    return this.mergeUnits.execute(body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.read')
  @Get(CODE)
  @ApiOkResponse({ type: UnitView })
  async get(@Param('code', UnitCodePipe) code: string, @CurrentCaller() caller: Caller): Promise<UnitView> {
    return toView(await this.queries.byCode(code, caller));
  }

  @Allow('unit.read')
  @Get(`${CODE}/subtree`)
  @ApiOperation({ summary: 'The unit and everything under it' })
  @ApiOkResponse({ type: [UnitView] })
  subtree(@Param('code', UnitCodePipe) code: string, @CurrentCaller() caller: Caller): Promise<UnitView[]> {
    return this.queries.subtree(code, caller);
  }

  @Allow('unit.read')
  @Get(`${CODE}/ancestors`)
  @ApiOperation({ summary: 'The units above it, from the top' })
  @ApiOkResponse({ type: [UnitView] })
  ancestors(@Param('code', UnitCodePipe) code: string, @CurrentCaller() caller: Caller): Promise<UnitView[]> {
    return this.queries.ancestors(code, caller);
  }

  @Allow('unit.read')
  @Get(`${CODE}/lineage`)
  @ApiOperation({ summary: 'Which units it came from and went to' })
  @ApiOkResponse({ type: Lineage })
  lineage(@Param('code', UnitCodePipe) code: string, @CurrentCaller() caller: Caller): Promise<Lineage> {
    return this.queries.lineage(code, caller);
  }

  @Allow('unit.reorganise')
  @Post(`${CODE}/rename`)
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last read' })
  @ApiOkResponse({ type: UnitView })
  rename(@Param('code', UnitCodePipe) code: string, @Body() body: RenameUnitDto, @CurrentCaller() caller: Caller, @IfMatchVersion() version?: number, @IdempotencyKeyHeader() key?: string): Promise<UnitView> {
    return this.renameUnit.execute(code, body, commandContext(caller, { idempotencyKey: key, expectedVersion: version }));
  }

  @Allow('unit.reorganise')
  @Post(`${CODE}/move`)
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last read' })
  @ApiOkResponse({ type: UnitView })
  move(@Param('code', UnitCodePipe) code: string, @Body() body: MoveUnitDto, @CurrentCaller() caller: Caller, @IfMatchVersion() version?: number, @IdempotencyKeyHeader() key?: string): Promise<UnitView> {
    return this.moveUnit.execute(code, body, commandContext(caller, { idempotencyKey: key, expectedVersion: version }));
  }

  @Allow('unit.reorganise')
  @Post(`${CODE}/split`)
  @HttpCode(200)
  @ApiOperation({ summary: 'Split a unit into several (chia tách); lineage kept' })
  @ApiOkResponse({ type: [UnitView] })
  split(@Param('code', UnitCodePipe) code: string, @Body() body: SplitUnitDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<UnitView[]> {
    return this.splitUnit.execute(code, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.reorganise')
  @Post(`${CODE}/dissolve`)
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last read' })
  @ApiOkResponse({ type: UnitView })
  dissolve(@Param('code', UnitCodePipe) code: string, @Body() body: DissolveUnitDto, @CurrentCaller() caller: Caller, @IfMatchVersion() version?: number, @IdempotencyKeyHeader() key?: string): Promise<UnitView> {
    return this.dissolveUnit.execute(code, body, commandContext(caller, { idempotencyKey: key, expectedVersion: version }));
  }
}
