import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { IfMatchVersion } from '@binh-yen/http';
import { ReturnReportDto, SubmissionStatusQuery, SubmitReportDto } from './dto/submissions.dto';
import { ReportSubmissionsService, type SubmissionView } from './report-submissions.service';

@ApiTags('report submissions')
@ApiBearerAuth()
@Controller('api/v1/reports/submissions')
export class ReportSubmissionsController {
  constructor(private readonly submissions: ReportSubmissionsService) {}

  @Allow('report.submit')
  @Post()
  @ApiOperation({ summary: 'A unit under the province (a district, or a commune directly under it) submits its quarterly report: a snapshot of the figures and a narrative' })
  submit(@Body() body: SubmitReportDto, @CurrentCaller() caller: Caller): Promise<SubmissionView> {
    return this.submissions.submit(body, caller);
  }

  @Allow('report.read')
  @Get('status')
  @ApiOperation({ summary: 'Every district of your area: approved, submitted on time or late, returned, missing or overdue' })
  status(@Query() query: SubmissionStatusQuery, @CurrentCaller() caller: Caller): ReturnType<ReportSubmissionsService['status']> {
    return this.submissions.status(query.quarter, caller);
  }

  @Allow('report.read')
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller): ReturnType<ReportSubmissionsService['get']> {
    return this.submissions.get(id, caller);
  }

  @Allow('report.review')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOperation({ summary: 'The province approves a submitted report; it is frozen' })
  approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentCaller() caller: Caller, @IfMatchVersion() version?: number): Promise<SubmissionView> {
    return this.submissions.approve(id, caller, version);
  }

  @Allow('report.review')
  @Post(':id/return')
  @HttpCode(200)
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOperation({ summary: 'The province returns a report with comments' })
  returnForChanges(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReturnReportDto, @CurrentCaller() caller: Caller, @IfMatchVersion() version?: number): Promise<SubmissionView> {
    return this.submissions.returnForChanges(id, body.comments, caller, version);
  }
}
