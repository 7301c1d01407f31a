import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules, type ServiceSpec } from '@binh-yen/service-runtime';
import type { IncidentsEnv } from './config/incidents.env';
import { IncidentEntity } from './incidents/incident.entity';
import { IncidentsModule } from './incidents/incidents.module';
import { incidentsMigrations } from './migrations';

export const incidentsService: ServiceSpec = {
  name: 'incidents',
  title: 'Bình Yên — Incidents',
  description: 'Vụ việc an ninh trật tự, từ tin báo đến bản án (incidents, from a tip to a verdict)',
  migrations: incidentsMigrations,
  producesEvents: true,
  entities: [IncidentEntity],
};

@Module({})
export class IncidentsAppModule {
  static register(env: IncidentsEnv): DynamicModule {
    return { module: IncidentsAppModule, imports: [...platformModules(env, incidentsService), IncidentsModule] };
  }
}
