import { Module } from '@nestjs/common';
import { IncidentQueries } from './incident.queries';
import { IncidentsController } from './incidents.controller';
import { ReportIncidentUseCase } from './report-incident.use-case';

@Module({
  controllers: [IncidentsController],
  providers: [ReportIncidentUseCase, IncidentQueries],
})
export class IncidentsModule {}
