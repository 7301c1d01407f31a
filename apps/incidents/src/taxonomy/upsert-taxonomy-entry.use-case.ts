import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { UpsertCategoryDto, UpsertDomainDto } from './dto/taxonomy.dto';
import { TaxonomyEvents } from './taxonomy-events';
import { TaxonomyQueries, type CategoryView, type DomainView } from './taxonomy.queries';

/**
 * An administrator extends or corrects the taxonomy (categories and security
 * domains are data, not code). Entries are never deleted, only retired, so old
 * incidents keep their classification. Every change is published in its transaction
 * (taxonomy.domain-changed / .category-changed), valid from now: reports name rows by it.
 */
@Injectable()
export class UpsertTaxonomyEntryUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly taxonomy: TaxonomyQueries,
    private readonly events: TaxonomyEvents,
  ) {}

  upsertDomain(slug: string, input: UpsertDomainDto, context: CommandContext): Promise<DomainView> {
    return this.pipeline.run({ name: 'upsert-security-domain', request: { slug, ...input } }, context, async (tx) => {
      const before = await this.taxonomy.findDomain(tx, slug);
      await tx.query(
        `INSERT INTO incident_security_domains (slug, name_vi, name_en, active) VALUES ($1, $2, $3, $4)
         ON CONFLICT (slug) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, active = EXCLUDED.active, updated_at = now()`,
        [slug, input.nameVi.normalize('NFC').trim(), input.nameEn.trim(), input.active ?? true],
      );
      const event = await this.events.changed(tx, 'domain', slug, { agency: context.caller.agency, subject: context.caller.subject }, context.now);
      const after = (await this.taxonomy.findDomain(tx, slug))!;
      return { view: after, events: [event], audit: { action: 'incident.taxonomy.manage', entityType: 'incident-security-domain', entityId: slug, area: context.caller.area, before, after } };
    });
  }

  upsertCategory(slug: string, input: UpsertCategoryDto, context: CommandContext): Promise<CategoryView> {
    return this.pipeline.run({ name: 'upsert-category', request: { slug, ...input } }, context, async (tx) => {
      await this.taxonomy.activeDomain(tx, input.defaultDomain, 'defaultDomain');
      const before = await this.taxonomy.findCategory(tx, slug);
      await tx.query(
        `INSERT INTO incident_categories (slug, name_vi, name_en, default_domain, active) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (slug) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, default_domain = EXCLUDED.default_domain,
           active = EXCLUDED.active, updated_at = now()`,
        [slug, input.nameVi.normalize('NFC').trim(), input.nameEn.trim(), input.defaultDomain, input.active ?? true],
      );
      const event = await this.events.changed(tx, 'category', slug, { agency: context.caller.agency, subject: context.caller.subject }, context.now);
      const after = (await this.taxonomy.findCategory(tx, slug))!;
      return { view: after, events: [event], audit: { action: 'incident.taxonomy.manage', entityType: 'incident-category', entityId: slug, area: context.caller.area, before, after } };
    });
  }
}
