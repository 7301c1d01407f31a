import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules, type ServiceSpec } from '@binh-yen/service-runtime';
import type { ReportingEnv } from './config/reporting.env';
import { FreshnessApiModule } from './freshness/freshness-api.module';
import { IncidentCountsModule } from './incident-counts/incident-counts.module';
import { reportingMigrations } from './migrations';
import { RebuildModule } from './rebuild/rebuild.module';
import { QuarterlyReportModule } from './report/report.module';
import { ReportSubmissionsModule } from './submissions/report-submissions.module';

export const reportingService: ServiceSpec = {
  name: 'reporting',
  title: 'Bình Yên — Reporting',
  description: 'Báo cáo phong trào theo địa bàn và quý (projected report views by area and quarter)',
  migrations: reportingMigrations,
  producesEvents: false,
};

@Module({})
export class ReportingAppModule {
  static register(env: ReportingEnv): DynamicModule {
    return { module: ReportingAppModule, imports: [...platformModules(env, reportingService), FreshnessApiModule.register({ streamsPerCaller: env.REPORT_STREAMS_PER_CALLER }), IncidentCountsModule, QuarterlyReportModule, ReportSubmissionsModule.register({ deadlineDays: env.REPORT_DEADLINE_DAYS }), RebuildModule] };
  }
}
