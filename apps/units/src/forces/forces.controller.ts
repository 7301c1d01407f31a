import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ForceTypes, type ForceType } from '@binh-yen/units-domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { Allow, CurrentCaller, sqlWithinArea, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import { DataSource } from 'typeorm';
import { UnitCodePipe } from '../shared/unit-code.pipe';
import { RecordTrainingDto, RegisterForceDto } from './dto/forces.dto';
import { RecordTrainingUseCase } from './record-training.use-case';
import { RegisterForceUseCase } from './register-force.use-case';
import { RecordedInUnit } from '../shared/recorded-in-unit';

export class ForceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ForceTypes }) forceType!: ForceType;
  @ApiProperty({ example: 'Tổ bảo vệ dân phố số 3' }) name!: string;
  @ApiProperty({ example: 12 }) headcount!: number;
  @ApiProperty({ example: 'Trần Văn Bình' }) leader!: string;
}

@ApiTags('forces')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/units/:code')
export class ForcesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registerForce: RegisterForceUseCase,
    private readonly recordTraining: RecordTrainingUseCase,
  ) {}

  @Allow('unit.forces')
  @Post('forces')
  @ApiOperation({ summary: 'Register a security force team in a unit (clause 4)' })
  @ApiCreatedResponse({ type: RecordedInUnit })
  register(@Param('code', UnitCodePipe) code: string, @Body() body: RegisterForceDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<RecordedInUnit> {
    return this.registerForce.execute(code, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.forces')
  @Post('training-sessions')
  @ApiOperation({ summary: 'Record a training session of a force (clause 4)' })
  @ApiCreatedResponse({ type: RecordedInUnit })
  train(@Param('code', UnitCodePipe) code: string, @Body() body: RecordTrainingDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<RecordedInUnit> {
    return this.recordTraining.execute(code, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('unit.read')
  @Get('forces')
  @ApiOkResponse({ type: [ForceView] })
  forces(@Param('code', UnitCodePipe) code: string, @CurrentCaller() caller: Caller): Promise<ForceView[]> {
    return this.dataSource.query(
      `SELECT f.id, f.force_type AS "forceType", f.name, f.headcount, f.leader
         FROM forces f JOIN units u ON u.id = f.unit_id
        WHERE u.code = $1 AND ${sqlWithinArea('u.path', '$2')} ORDER BY f.name`,
      [code, caller.area],
    );
  }
}
