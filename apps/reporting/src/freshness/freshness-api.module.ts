import { Module, type DynamicModule } from '@nestjs/common';
import { FreshnessController } from './freshness.controller';
import { FreshnessModule } from './freshness.module';
import { StreamQuota, StreamQuotaGuard } from './stream-quota';

/** GET /reports/freshness and its stream, each caller's streams capped (REPORT_STREAMS_PER_CALLER). */
@Module({})
export class FreshnessApiModule {
  static register(settings: { streamsPerCaller: number }): DynamicModule {
    return {
      module: FreshnessApiModule,
      imports: [FreshnessModule],
      controllers: [FreshnessController],
      providers: [StreamQuotaGuard, { provide: StreamQuota, useValue: new StreamQuota(settings.streamsPerCaller) }],
    };
  }
}
