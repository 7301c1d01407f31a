import { Module, type DynamicModule } from '@nestjs/common';
import type { IncidentsEnv } from '../config/incidents.env';
import { IncidentsSharedModule } from '../shared/incidents-shared.module';
import { TaxonomyController } from './taxonomy.controller';
import { TaxonomyEvents, TaxonomyPublisher } from './taxonomy-events';
import { UpsertTaxonomyEntryUseCase } from './upsert-taxonomy-entry.use-case';

@Module({})
export class TaxonomyModule {
  static register(env: IncidentsEnv): DynamicModule {
    return { module: TaxonomyModule, imports: [IncidentsSharedModule.register(env)], controllers: [TaxonomyController], providers: [UpsertTaxonomyEntryUseCase, TaxonomyEvents, TaxonomyPublisher] };
  }
}
