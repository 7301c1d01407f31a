import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import { CampaignWorkQueries } from './campaign-work.queries';
import { ActivityView, PledgeView, RecordActivityDto, RecordPledgeDto } from './dto/campaign-work.dto';
import { RecordActivityUseCase } from './record-activity.use-case';
import { RecordPledgeUseCase } from './record-pledge.use-case';

@ApiTags('campaign work')
@ApiBearerAuth()
@Controller('api/v1/campaigns/:id')
export class CampaignWorkController {
  constructor(
    private readonly recordActivity: RecordActivityUseCase,
    private readonly recordPledge: RecordPledgeUseCase,
    private readonly queries: CampaignWorkQueries,
  ) {}

  @Allow('campaign.record')
  @Post('activities')
  @ApiOperation({ summary: 'Record an activity (meeting, propaganda session, training, patrol, mediation, inspection) held in the scope and period' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ActivityView })
  activity(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordActivityDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<ActivityView> {
    return this.recordActivity.execute(id, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('campaign.read')
  @Get('activities')
  @ApiOperation({ summary: 'Activities of a campaign held in your area' })
  @ApiOkResponse({ type: [ActivityView] })
  activities(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<ActivityView[]> {
    return this.queries.activities(id, caller);
  }

  @Allow('campaign.record')
  @Post('pledges')
  @ApiOperation({ summary: 'Record a household security pledge of a unit in the scope' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: PledgeView })
  pledge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordPledgeDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<PledgeView> {
    return this.recordPledge.execute(id, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('campaign.read')
  @Get('pledges')
  @ApiOperation({ summary: 'Household pledges of a campaign in your area' })
  @ApiOkResponse({ type: [PledgeView] })
  pledges(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<PledgeView[]> {
    return this.queries.pledges(id, caller);
  }
}
