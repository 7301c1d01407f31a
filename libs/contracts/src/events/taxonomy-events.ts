import { defineEvent, type DataOf, type EventOf } from '../json-schema';
import { AggregateTypes } from '../topics';

/**
 * The incident taxonomy (security domains and categories, data an administrator keeps),
 * topic `taxonomy`, keyed by "domain:<slug>" or "category:<slug>" so one entry's changes
 * stay in order. Each event carries the whole entry as it is from `validFrom`: readers
 * keep every version, so a report of a quarter names its rows as they were named then
 * (ADR 0042). The envelope's area is "VN": the taxonomy holds for the whole country.
 */
export const TaxonomyEventTypes = {
  domainChanged: 'taxonomy.domain-changed',
  categoryChanged: 'taxonomy.category-changed',
} as const;

/** The area stamped on taxonomy events: the country, not a unit. */
export const TAXONOMY_AREA = 'VN';

const slug = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' } as const;
const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
const entryProperties = {
  slug,
  nameVi: name,
  nameEn: name,
  active: { type: 'boolean' },
  validFrom: { type: 'string', format: 'date-time' },
} as const;

export const taxonomyEventDefinitions = [
  defineEvent({
    type: TaxonomyEventTypes.domainChanged,
    version: 1,
    aggregateType: AggregateTypes.taxonomy,
    description: 'A security domain was added, renamed, retired or brought back; the entry as it is from validFrom.',
    dataSchema: { type: 'object', additionalProperties: false, required: ['slug', 'nameVi', 'nameEn', 'active', 'validFrom'], properties: entryProperties },
  }),
  defineEvent({
    type: TaxonomyEventTypes.categoryChanged,
    version: 1,
    aggregateType: AggregateTypes.taxonomy,
    description: 'An incident category was added, renamed, retired or brought back, with its default security domain; the entry as it is from validFrom.',
    dataSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['slug', 'nameVi', 'nameEn', 'active', 'validFrom', 'defaultDomain'],
      properties: { ...entryProperties, defaultDomain: slug },
    },
  }),
] as const;

/** Every event of the `taxonomy` topic. */
export type TaxonomyEvent = EventOf<(typeof taxonomyEventDefinitions)[number]>;
export type TaxonomyDomainChangedV1 = DataOf<TaxonomyEvent, 'taxonomy.domain-changed', 1>;
export type TaxonomyCategoryChangedV1 = DataOf<TaxonomyEvent, 'taxonomy.category-changed', 1>;
