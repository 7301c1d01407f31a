import { Global, Module } from '@nestjs/common';
import { ProjectionFreshness } from './projection-freshness';

@Global()
@Module({ providers: [ProjectionFreshness], exports: [ProjectionFreshness] })
export class FreshnessModule {}
