import { Module } from '@nestjs/common';
import { TaxonomyController } from './taxonomy.controller';
import { TaxonomyEvents, TaxonomyPublisher } from './taxonomy-events';
import { UpsertTaxonomyEntryUseCase } from './upsert-taxonomy-entry.use-case';

@Module({ controllers: [TaxonomyController], providers: [UpsertTaxonomyEntryUseCase, TaxonomyEvents, TaxonomyPublisher] })
export class TaxonomyModule {}
