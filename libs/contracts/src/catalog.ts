import { auditEventDefinitions, type AuditEvent } from './events/audit-events';
import { campaignEventDefinitions, type AgreementEvent, type CampaignEvent, type RecognitionEvent } from './events/campaign-events';
import { incidentEventDefinitions, type IncidentEvent } from './events/incident-events';
import { modelEventDefinitions, unitEventDefinitions, type ModelEvent, type UnitEvent } from './events/unit-events';
import { taxonomyEventDefinitions, type TaxonomyEvent } from './events/taxonomy-events';
import type { EventDefinition } from './json-schema';
import type { AggregateType } from './topics';

/** Every event type and version the platform knows: the single source of truth. */
export const eventCatalog: readonly EventDefinition[] = [...unitEventDefinitions, ...modelEventDefinitions, ...incidentEventDefinitions, ...campaignEventDefinitions, ...auditEventDefinitions, ...taxonomyEventDefinitions];

/** The events of each topic, as one discriminated union each (by `type`, then `version`). */
export interface TopicEvents {
  unit: UnitEvent;
  model: ModelEvent;
  incident: IncidentEvent;
  campaign: CampaignEvent;
  agreement: AgreementEvent;
  recognition: RecognitionEvent;
  audit: AuditEvent;
  taxonomy: TaxonomyEvent;
}

/** Any event of the catalog, typed. */
export type CatalogEvent = TopicEvents[AggregateType];

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return eventCatalog.find((definition) => definition.type === type && definition.version === version);
}

export function isKnownEventType(type: string): boolean {
  return eventCatalog.some((definition) => definition.type === type);
}
