import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IdempotencyKeyHeader } from '@binh-yen/idempotency';
import { AwardCommendationUseCase } from './award-commendation.use-case';
import { AwardCommendationDto } from './dto/award-commendation.dto';
import { CommendationView, StoryView } from './dto/recognition-views.dto';
import { RecordStoryDto } from './dto/record-story.dto';
import { RecognitionQueries } from './recognition.queries';
import { RecordStoryUseCase } from './record-story.use-case';

const optionalCampaign = new ParseUUIDPipe({ optional: true });

@ApiTags('recognition')
@ApiBearerAuth()
@Controller('api/v1')
export class RecognitionController {
  constructor(
    private readonly recordStory: RecordStoryUseCase,
    private readonly awardCommendation: AwardCommendationUseCase,
    private readonly queries: RecognitionQueries,
  ) {}

  @Allow('story.record')
  @Post('stories')
  @ApiOperation({ summary: 'Record a media story of an exemplary person, collective or model (press only)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: StoryView })
  story(@Body() body: RecordStoryDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<StoryView> {
    return this.recordStory.execute(body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('campaign.read')
  @Get('stories')
  @ApiOperation({ summary: 'Media stories in your area, newest first (up to 500)' })
  @ApiQuery({ name: 'campaignId', required: false })
  @ApiOkResponse({ type: [StoryView] })
  stories(@CurrentCaller() caller: Caller, @Query('campaignId', optionalCampaign) campaignId?: string): Promise<StoryView[]> {
    return this.queries.stories(caller, campaignId);
  }

  @Allow('campaign.read')
  @Get('stories/:id')
  @ApiOperation({ summary: 'One media story' })
  @ApiOkResponse({ type: StoryView })
  getStory(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<StoryView> {
    return this.queries.visibleStory(id, caller);
  }

  @Allow('commendation.award')
  @Post('commendations')
  @ApiOperation({ summary: 'Record a commendation (khen thưởng) of a person, collective or unit' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: CommendationView })
  commend(@Body() body: AwardCommendationDto, @CurrentCaller() caller: Caller, @IdempotencyKeyHeader() key?: string): Promise<CommendationView> {
    return this.awardCommendation.execute(body, commandContext(caller, { idempotencyKey: key }));
  }

  @Allow('campaign.read')
  @Get('commendations')
  @ApiOperation({ summary: 'Commendations in your area, newest first (up to 500)' })
  @ApiQuery({ name: 'campaignId', required: false })
  @ApiOkResponse({ type: [CommendationView] })
  commendations(@CurrentCaller() caller: Caller, @Query('campaignId', optionalCampaign) campaignId?: string): Promise<CommendationView[]> {
    return this.queries.commendations(caller, campaignId);
  }

  @Allow('campaign.read')
  @Get('commendations/:id')
  @ApiOperation({ summary: 'One commendation' })
  @ApiOkResponse({ type: CommendationView })
  getCommendation(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): Promise<CommendationView> {
    return this.queries.visibleCommendation(id, caller);
  }
}
