import { Module } from '@nestjs/common';
import { ProjectionFreshness } from './projection-freshness';
import { ReportSnapshot } from './report-snapshot';

/**
 * What a report reader needs: the read models' freshness and the one snapshot a report is read in.
 * Each feature module that reads a report imports it (no global module, ADR 0041).
 */
@Module({ providers: [ProjectionFreshness, ReportSnapshot], exports: [ProjectionFreshness, ReportSnapshot] })
export class FreshnessModule {}
