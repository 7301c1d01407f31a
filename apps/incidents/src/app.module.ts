import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@binh-yen/audit';
import { platformModules, type ServiceSpec } from '@binh-yen/service-runtime';
import type { IncidentsEnv } from './config/incidents.env';
import { IncidentsModule } from './incidents/incidents.module';
import { incidentsMigrations } from './migrations';
import { TaxonomyModule } from './taxonomy/taxonomy.module';

/** Incidents and their case lifecycle, from a tip to a verdict (clauses 3, 5). */
export const incidentsService: ServiceSpec = {
  name: 'incidents',
  title: 'Bình Yên — Incidents',
  description: 'Vụ việc an ninh trật tự, từ tin báo đến bản án (incidents, from a tip to a verdict)',
  migrations: incidentsMigrations,
  producesEvents: true,
  // The env is this service's own (IncidentsEnv): startService hands back what register() was given.
  secretsOf: (env) => ({ INCIDENTS_INFORMANT_KEY: (env as IncidentsEnv).INCIDENTS_INFORMANT_KEY }),
};

@Module({})
export class IncidentsAppModule {
  static register(env: IncidentsEnv): DynamicModule {
    return {
      module: IncidentsAppModule,
      imports: [...platformModules(env, incidentsService), AuditModule, IncidentsModule.register(env), TaxonomyModule.register(env)],
    };
  }
}
