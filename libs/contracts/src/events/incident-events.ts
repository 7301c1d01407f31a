import { AggregateTypes } from '../topics';
import type { EventDefinition } from '../json-schema';

/** `incident.reported` v1: an incident entered the register. */
export interface IncidentReportedV1 {
  incidentId: string;
  unitCode: string;
  category: string;
  occurredAt: string;
  reportedAt: string;
  summary: string;
}

export const IncidentEventTypes = {
  reported: 'incident.reported',
} as const;

export const incidentReportedV1: EventDefinition = {
  type: IncidentEventTypes.reported,
  version: 1,
  aggregateType: AggregateTypes.incident,
  description: 'An incident was reported in a unit (never carries informant details or exact tip locations).',
  dataSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['incidentId', 'unitCode', 'category', 'occurredAt', 'reportedAt', 'summary'],
    properties: {
      incidentId: { type: 'string', format: 'uuid' },
      unitCode: { type: 'string', minLength: 1, maxLength: 32 },
      category: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' },
      occurredAt: { type: 'string', format: 'date-time' },
      reportedAt: { type: 'string', format: 'date-time' },
      summary: { type: 'string', minLength: 1, maxLength: 4000 },
    },
  },
};

/** Every incident event type and version; the incidents issue adds the lifecycle events here. */
export const incidentEventDefinitions: EventDefinition[] = [incidentReportedV1];
