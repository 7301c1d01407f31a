import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RecogniseModelDto, RegisterModelDto, ReplicateModelDto, ReviewModelDto } from './dto/models.dto';
import { ModelView } from './models.repository';
import { RecogniseModelUseCase } from './recognise-model.use-case';
import { RegisterModelUseCase } from './register-model.use-case';
import { ReplicateModelUseCase } from './replicate-model.use-case';
import { ReviewModelUseCase } from './review-model.use-case';

/** A type of self-management model (data, extendable). */
export class ModelTypeView {
  @ApiProperty({ example: 'camera-an-ninh' }) slug!: string;
  @ApiProperty() nameVi!: string;
  @ApiProperty() nameEn!: string;
}

@ApiTags('models')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1')
export class ModelsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registerModel: RegisterModelUseCase,
    private readonly reviewModel: ReviewModelUseCase,
    private readonly recogniseModel: RecogniseModelUseCase,
    private readonly replicateModel: ReplicateModelUseCase,
  ) {}

  @Allow('unit.read')
  @Get('model-types')
  @ApiOperation({ summary: 'Types of self-management models (data, extendable)' })
  @ApiOkResponse({ type: [ModelTypeView] })
  types(): Promise<ModelTypeView[]> {
    return this.dataSource.query(`SELECT slug, name_vi AS "nameVi", name_en AS "nameEn" FROM model_types ORDER BY slug`);
  }

  @Allow('model.manage')
  @Post('models')
  @ApiOperation({ summary: 'Register a self-management model (mô hình tự quản)' })
  @ApiCreatedResponse({ type: ModelView })
  register(@Body() body: RegisterModelDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<ModelView> {
    return this.registerModel.execute(body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('model.manage')
  @Post('models/:id/reviews')
  @ApiOperation({ summary: 'Record an interim (sơ kết) or final (tổng kết) review' })
  @ApiCreatedResponse({ type: ModelView })
  review(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReviewModelDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<ModelView> {
    return this.reviewModel.execute(id, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('model.manage')
  @Post('models/:id/recognition')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recognise a model as advanced (after an effective final review)' })
  @ApiOkResponse({ type: ModelView })
  recognise(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecogniseModelDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<ModelView> {
    return this.recogniseModel.execute(id, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('model.manage')
  @Post('models/:id/replications')
  @ApiOperation({ summary: 'Replicate an advanced model into another unit' })
  @ApiCreatedResponse({ type: ModelView })
  replicate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReplicateModelDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<ModelView> {
    return this.replicateModel.execute(id, body, commandContext(caller, { idempotencyKey: key }));
  }
}
