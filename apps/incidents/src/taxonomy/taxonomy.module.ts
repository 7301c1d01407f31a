import { Module } from '@nestjs/common';
import { TaxonomyController } from './taxonomy.controller';
import { UpsertTaxonomyEntryUseCase } from './upsert-taxonomy-entry.use-case';

@Module({ controllers: [TaxonomyController], providers: [UpsertTaxonomyEntryUseCase] })
export class TaxonomyModule {}
