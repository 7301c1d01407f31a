import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import { AgreementPageView, AgreementView } from './dto/agreement-views.dto';
import { AgreementQueries } from './agreement.queries';
import { ListAgreementsQuery } from './dto/list-agreements-query.dto';
import { RecordAgreementDto } from './dto/record-agreement.dto';
import { RecordAgreementUseCase } from './record-agreement.use-case';

@ApiTags('agreements')
@ApiBearerAuth()
@Controller('api/v1/agreements')
export class AgreementsController {
  constructor(
    private readonly recordAgreement: RecordAgreementUseCase,
    private readonly queries: AgreementQueries,
  ) {}

  @Allow('agreement.record')
  @Post()
  @ApiOperation({ summary: 'Record a joint coordination agreement (quy chế phối hợp liên tịch); only one of its parties may' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: AgreementView })
  record(@Body() body: RecordAgreementDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<AgreementView> {
    return this.recordAgreement.execute(body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('campaign.read')
  @Get()
  @ApiOperation({ summary: 'Agreements that apply in your area' })
  @ApiOkResponse({ type: AgreementPageView })
  list(@Query() query: ListAgreementsQuery, @CurrentCaller() caller: Caller): Promise<AgreementPageView> {
    return this.queries.list(caller, query.cursor, query.limit ?? 50);
  }

  @Allow('campaign.read')
  @Get(':id')
  @ApiOperation({ summary: 'One agreement' })
  @ApiOkResponse({ type: AgreementView })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<AgreementView> {
    return this.queries.get(id, caller);
  }
}
