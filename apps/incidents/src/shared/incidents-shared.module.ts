import { Module, type DynamicModule } from '@nestjs/common';
import { CommandPipelineModule } from '@binh-yen/command-pipeline';
import { UnitDirectoryModule } from '@binh-yen/unit-directory';
import type { IncidentsEnv } from '../config/incidents.env';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { TaxonomyQueries } from '../taxonomy/taxonomy.queries';
import { InformantCipher } from './informant-cipher';
import { IncidentsSettings } from './incidents-settings';

/** What every feature module stands on: the units replica, idempotency, settings, repositories. */
@Module({})
export class IncidentsSharedModule {
  private static readonly registered = new WeakMap<IncidentsEnv, DynamicModule>();

  /** One module per configuration, however many feature modules import it (they each do). */
  static register(env: IncidentsEnv): DynamicModule {
    const known = IncidentsSharedModule.registered.get(env);
    if (known) return known;
    const providers = [
      IncidentsRepository,
      TaxonomyQueries,
      { provide: InformantCipher, useValue: new InformantCipher(env.INCIDENTS_INFORMANT_KEY, env.INCIDENTS_INFORMANT_PREVIOUS_KEYS) },
      {
        provide: IncidentsSettings,
        useValue: new IncidentsSettings({ windowMs: env.INCIDENTS_DUPLICATE_WINDOW_HOURS * 3_600_000, threshold: env.INCIDENTS_DUPLICATE_THRESHOLD, limit: 5 }),
      },
    ];
    const module: DynamicModule = {
      module: IncidentsSharedModule,
      imports: [CommandPipelineModule, UnitDirectoryModule.forService('incident')],
      providers,
      exports: [CommandPipelineModule, UnitDirectoryModule, ...providers],
    };
    IncidentsSharedModule.registered.set(env, module);
    return module;
  }
}
