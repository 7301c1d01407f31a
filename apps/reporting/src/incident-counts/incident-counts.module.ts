import { Module } from '@nestjs/common';
import { IncidentCountsController } from './incident-counts.controller';
import { IncidentCountsProjection } from './incident-counts.projection';
import { IncidentCountsQueries } from './incident-counts.queries';

@Module({
  controllers: [IncidentCountsController, IncidentCountsProjection],
  providers: [IncidentCountsQueries],
})
export class IncidentCountsModule {}
