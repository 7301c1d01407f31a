import { Module } from '@nestjs/common';
import { IncidentQueries } from './incident.queries';
import { IncidentsController } from './incidents.controller';
import { InformantQueries } from './informant.queries';
import { ReportIncidentUseCase } from './report-incident.use-case';
import { TransferIncidentUseCase } from './transfer-incident.use-case';
import { TransitionIncidentUseCase } from './transition-incident.use-case';

@Module({
  controllers: [IncidentsController],
  providers: [ReportIncidentUseCase, TransitionIncidentUseCase, TransferIncidentUseCase, IncidentQueries, InformantQueries],
})
export class IncidentsModule {}
