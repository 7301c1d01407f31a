import { auditEventDefinitions } from './events/audit-events';
import { campaignEventDefinitions } from './events/campaign-events';
import { incidentEventDefinitions } from './events/incident-events';
import { modelEventDefinitions, unitEventDefinitions } from './events/unit-events';
import type { EventDefinition } from './json-schema';

/** Every event type and version the platform knows: the single source of truth. */
export const eventCatalog: readonly EventDefinition[] = [...unitEventDefinitions, ...modelEventDefinitions, ...incidentEventDefinitions, ...campaignEventDefinitions, ...auditEventDefinitions];

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return eventCatalog.find((definition) => definition.type === type && definition.version === version);
}

export function isKnownEventType(type: string): boolean {
  return eventCatalog.some((definition) => definition.type === type);
}
