import { Global, Module, type DynamicModule } from '@nestjs/common';
import { FreshnessController } from './freshness.controller';
import { ProjectionFreshness } from './projection-freshness';
import { ReportSnapshot } from './report-snapshot';
import { StreamQuota, StreamQuotaGuard } from './stream-quota';

@Global()
@Module({})
export class FreshnessModule {
  static register(settings: { streamsPerCaller: number }): DynamicModule {
    return {
      module: FreshnessModule,
      controllers: [FreshnessController],
      providers: [ProjectionFreshness, ReportSnapshot, StreamQuotaGuard, { provide: StreamQuota, useValue: new StreamQuota(settings.streamsPerCaller) }],
      exports: [ProjectionFreshness, ReportSnapshot],
    };
  }
}
