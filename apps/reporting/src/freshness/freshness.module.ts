import { Global, Module } from '@nestjs/common';
import { FreshnessController } from './freshness.controller';
import { ProjectionFreshness } from './projection-freshness';

@Global()
@Module({ controllers: [FreshnessController], providers: [ProjectionFreshness], exports: [ProjectionFreshness] })
export class FreshnessModule {}
