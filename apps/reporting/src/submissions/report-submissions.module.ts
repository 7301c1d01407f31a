import { Module, type DynamicModule } from '@nestjs/common';
import { CommandPipelineModule } from '@binh-yen/command-pipeline';
import { QuarterlyReportModule } from '../report/report.module';
import { ReportSubmissionsController } from './report-submissions.controller';
import { ReportSubmissionQueries } from './report-submissions.queries';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';
import { ReviewSubmissionUseCase } from './review-submission.use-case';
import { SubmitReportUseCase } from './submit-report.use-case';

@Module({})
export class ReportSubmissionsModule {
  static register(settings: ReportingSettings): DynamicModule {
    return {
      module: ReportSubmissionsModule,
      imports: [CommandPipelineModule, QuarterlyReportModule],
      controllers: [ReportSubmissionsController],
      providers: [ReportSubmissionQueries, SubmitReportUseCase, ReviewSubmissionUseCase, { provide: REPORTING_SETTINGS, useValue: settings }],
    };
  }
}
