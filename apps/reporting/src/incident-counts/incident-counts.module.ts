import { Module } from '@nestjs/common';
import { FreshnessModule } from '../freshness/freshness.module';
import { IncidentCountsController } from './incident-counts.controller';
import { IncidentCountsProjection } from './incident-counts.projection';
import { IncidentCountsQueries } from './incident-counts.queries';

@Module({
  imports: [FreshnessModule],
  controllers: [IncidentCountsController, IncidentCountsProjection],
  providers: [IncidentCountsQueries],
})
export class IncidentCountsModule {}
