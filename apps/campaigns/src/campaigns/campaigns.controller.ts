import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IfMatchVersion, withETag } from '@binh-yen/http';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import type { Response } from 'express';
import { CampaignQueries } from './campaign.queries';
import { ChangeCampaignStatusUseCase } from './change-campaign-status.use-case';
import { ChangeCampaignStatusDto, LinkAgreementDto, ReviewCampaignDto } from './dto/campaign-commands.dto';
import { CampaignKindView, CampaignPageView, CampaignProgressView, CampaignReviewView, CampaignView, toCampaignView } from './dto/campaign-views.dto';
import { LaunchCampaignDto } from './dto/launch-campaign.dto';
import { ListCampaignsQuery } from './dto/list-campaigns-query.dto';
import { LaunchCampaignUseCase } from './launch-campaign.use-case';
import { LinkAgreementUseCase } from './link-agreement.use-case';
import { ReviewCampaignUseCase } from './review-campaign.use-case';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('api/v1')
export class CampaignsController {
  constructor(
    private readonly launchCampaign: LaunchCampaignUseCase,
    private readonly changeStatus: ChangeCampaignStatusUseCase,
    private readonly linkAgreement: LinkAgreementUseCase,
    private readonly reviewCampaign: ReviewCampaignUseCase,
    private readonly queries: CampaignQueries,
  ) {}

  @Allow('campaign.read')
  @Get('campaign-kinds')
  @ApiOperation({ summary: 'Kinds of campaigns: the movement and the linked campaigns (data)' })
  @ApiOkResponse({ type: [CampaignKindView] })
  kinds(): Promise<CampaignKindView[]> {
    return this.queries.kinds();
  }

  @Allow('campaign.manage')
  @Post('campaigns')
  @ApiOperation({ summary: 'Launch a campaign (phát động): planned, with its scope, period, goals and agreements' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: CampaignView })
  async launch(@Body() body: LaunchCampaignDto, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: Response, @IdempotencyKeyHeader() key?: string): Promise<CampaignView> {
    return withETag(response, await this.launchCampaign.execute(body, commandContext(caller, { idempotencyKey: key })));
  }

  @Allow('campaign.read')
  @Get('campaigns')
  @ApiOperation({ summary: 'Campaigns in or covering your area' })
  @ApiOkResponse({ type: CampaignPageView })
  list(@Query() query: ListCampaignsQuery, @CurrentCaller() caller: Caller): Promise<CampaignPageView> {
    return this.queries.list(query, caller);
  }

  @Allow('campaign.read')
  @Get('campaigns/:id')
  @ApiOperation({ summary: 'One campaign; its ETag is the version to send in If-Match' })
  @ApiOkResponse({ type: CampaignView })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) response: Response): Promise<CampaignView> {
    return withETag(response, toCampaignView(await this.queries.get(id, caller)));
  }

  @Allow('campaign.manage')
  @Post('campaigns/:id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate or close a campaign (If-Match required)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version last read, e.g. "3"' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: CampaignView })
  async status(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChangeCampaignStatusDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
    @IfMatchVersion() version?: number,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<CampaignView> {
    return withETag(response, await this.changeStatus.execute(id, body, commandContext(caller, { idempotencyKey: key, expectedVersion: version })));
  }

  @Allow('campaign.manage')
  @Post('campaigns/:id/agreements')
  @HttpCode(200)
  @ApiOperation({ summary: 'Link a joint coordination agreement the campaign implements (If-Match required)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version last read, e.g. "3"' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ type: CampaignView })
  async link(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: LinkAgreementDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) response: Response,
    @IfMatchVersion() version?: number,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<CampaignView> {
    return withETag(response, await this.linkAgreement.execute(id, body, commandContext(caller, { idempotencyKey: key, expectedVersion: version })));
  }

  @Allow('campaign.manage')
  @Post('campaigns/:id/reviews')
  @ApiOperation({ summary: 'Record an interim (sơ kết) or final (tổng kết) review' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: CampaignReviewView })
  review(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReviewCampaignDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<CampaignReviewView> {
    return this.reviewCampaign.execute(id, body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('campaign.read')
  @Get('campaigns/:id/reviews')
  @ApiOperation({ summary: 'The reviews of a campaign, oldest first' })
  @ApiOkResponse({ type: [CampaignReviewView] })
  reviews(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<CampaignReviewView[]> {
    return this.queries.reviews(id, caller);
  }

  @Allow('campaign.read')
  @Get('campaigns/:id/progress')
  @ApiOperation({ summary: 'Progress against each goal, computed from the activities, pledges and stories recorded' })
  @ApiOkResponse({ type: CampaignProgressView })
  progress(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<CampaignProgressView> {
    return this.queries.progress(id, caller);
  }
}
