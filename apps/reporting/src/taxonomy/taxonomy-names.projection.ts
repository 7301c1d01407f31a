import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TaxonomyEventTypes, Topics, type TaxonomyEvent } from '@binh-yen/contracts';
import { EventDispatch, ProjectionContext } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';

export const TAXONOMY_NAMES = { name: 'taxonomy-names', version: 1 } as const;

const keep = (kind: 'domain' | 'category') => (event: TaxonomyEvent, manager: EntityManager) =>
  manager.query(
    `INSERT INTO taxonomy_names_v1 (kind, slug, valid_from, name_vi, name_en) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (kind, slug, valid_from) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en`,
    [kind, event.data.slug, event.data.validFrom, event.data.nameVi, event.data.nameEn],
  );

const naming = new EventDispatch<TaxonomyEvent, [EntityManager]>({
  [TaxonomyEventTypes.domainChanged]: keep('domain'),
  [TaxonomyEventTypes.categoryChanged]: keep('category'),
});

/** The names of the incident taxonomy, every version with the time it holds from (ADR 0042). */
@Controller()
export class TaxonomyNamesProjection {
  @EventPattern(Topics.taxonomy, { projection: TAXONOMY_NAMES.name, version: TAXONOMY_NAMES.version, eventTypes: naming.eventTypes })
  async apply(@Payload() events: readonly TaxonomyEvent[], @Ctx() { manager }: ProjectionContext): Promise<void> {
    for (const event of events) await naming.apply(event, manager);
  }
}
