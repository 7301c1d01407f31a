import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { IfMatchVersion } from '@binh-yen/http';
import { ReturnReportDto, SubmissionStatusQuery, SubmitReportDto } from './dto/submissions.dto';
import { ReviewSubmissionUseCase } from './review-submission.use-case';
import { SubmissionView } from './submission-record';
import { ReportSubmissionQueries, SubmissionStatusView, SubmissionWithSnapshot } from './report-submissions.queries';
import { SubmitReportUseCase } from './submit-report.use-case';

@ApiTags('report submissions')
@ApiBearerAuth()
@Controller('api/v1/reports/submissions')
export class ReportSubmissionsController {
  constructor(
    private readonly submissions: ReportSubmissionQueries,
    private readonly submitReport: SubmitReportUseCase,
    private readonly reviewSubmission: ReviewSubmissionUseCase,
  ) {}

  @Allow('report.submit')
  @Post()
  @ApiOperation({ summary: 'A unit under the province (a district, or a commune directly under it) submits its quarterly report: a snapshot of the figures and a narrative' })
  @ApiCreatedResponse({ type: SubmissionView })
  submit(@Body() body: SubmitReportDto, @CurrentCaller() caller: Caller): Promise<SubmissionView> {
    return this.submitReport.execute(body, commandContext(caller));
  }

  @Allow('report.read')
  @Get('status')
  @ApiOperation({ summary: 'Every district of your area: approved, submitted on time or late, returned, missing or overdue' })
  @ApiOkResponse({ type: SubmissionStatusView })
  status(@Query() query: SubmissionStatusQuery, @CurrentCaller() caller: Caller): ReturnType<ReportSubmissionQueries['status']> {
    return this.submissions.status(query.quarter, caller);
  }

  @Allow('report.read')
  @Get(':id')
  @ApiOkResponse({ type: SubmissionWithSnapshot })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): ReturnType<ReportSubmissionQueries['get']> {
    return this.submissions.get(id, caller);
  }

  @Allow('report.review')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOperation({ summary: 'The province approves a submitted report; it is frozen' })
  @ApiOkResponse({ type: SubmissionView })
  approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller, @IfMatchVersion() version?: number): Promise<SubmissionView> {
    return this.reviewSubmission.approve(id, commandContext(caller, { expectedVersion: version }));
  }

  @Allow('report.review')
  @Post(':id/return')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOperation({ summary: 'The province returns a report with comments' })
  @ApiOkResponse({ type: SubmissionView })
  returnForChanges(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReturnReportDto, @CurrentCaller() caller: Caller, @IfMatchVersion() version?: number): Promise<SubmissionView> {
    return this.reviewSubmission.returnForChanges(id, body.comments, commandContext(caller, { expectedVersion: version }));
  }
}
