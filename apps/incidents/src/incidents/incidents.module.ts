import { Module, type DynamicModule } from '@nestjs/common';
import type { IncidentsEnv } from '../config/incidents.env';
import { IncidentsSharedModule } from '../shared/incidents-shared.module';
import { IncidentQueries } from './incident.queries';
import { IncidentsController } from './incidents.controller';
import { InformantQueries } from './informant.queries';
import { ReportIncidentUseCase } from './report-incident.use-case';
import { TransferIncidentUseCase } from './transfer-incident.use-case';
import { TransitionIncidentUseCase } from './transition-incident.use-case';

@Module({})
export class IncidentsModule {
  static register(env: IncidentsEnv): DynamicModule {
    return {
      module: IncidentsModule,
      imports: [IncidentsSharedModule.register(env)],
      controllers: [IncidentsController],
      providers: [ReportIncidentUseCase, TransitionIncidentUseCase, TransferIncidentUseCase, IncidentQueries, InformantQueries],
    };
  }
}
