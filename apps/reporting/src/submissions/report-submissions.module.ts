import { Module, type DynamicModule } from '@nestjs/common';
import { QuarterlyReportModule } from '../report/report.module';
import { ReportSubmissionsController } from './report-submissions.controller';
import { ReportSubmissionsService } from './report-submissions.service';
import { REPORTING_SETTINGS, type ReportingSettings } from './reporting-settings';

@Module({})
export class ReportSubmissionsModule {
  static register(settings: ReportingSettings): DynamicModule {
    return {
      module: ReportSubmissionsModule,
      imports: [QuarterlyReportModule],
      controllers: [ReportSubmissionsController],
      providers: [ReportSubmissionsService, { provide: REPORTING_SETTINGS, useValue: settings }],
    };
  }
}
