import { Global, Module } from '@nestjs/common';
import { FreshnessController } from './freshness.controller';
import { ProjectionFreshness } from './projection-freshness';
import { ReportSnapshot } from './report-snapshot';

@Global()
@Module({ controllers: [FreshnessController], providers: [ProjectionFreshness, ReportSnapshot], exports: [ProjectionFreshness, ReportSnapshot] })
export class FreshnessModule {}
