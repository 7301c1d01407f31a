import { AREA_PATH_PATTERN } from '../envelope';
import { defineEvent, type DataOf, type EventOf } from '../json-schema';
import { AggregateTypes } from '../topics';

export const AuditEventTypes = { recorded: 'audit.recorded' } as const;

export const auditEventDefinitions = [
  defineEvent({
    type: AuditEventTypes.recorded,
    version: 1,
    aggregateType: AggregateTypes.audit,
    description: 'A write was recorded in a service’s audit trail (who, agency, what, where); before and after stay in the service.',
    dataSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['entryId', 'service', 'action', 'entityType', 'entityId', 'subject', 'agency', 'requestId', 'area'],
      properties: {
        entryId: { type: 'string', format: 'uuid' },
        service: { type: 'string', pattern: '^[a-z][a-z-]{1,40}$' },
        action: { type: 'string', pattern: '^[a-z][a-z-]*(\\.[a-z][a-z-]*)+$' },
        entityType: { type: 'string', pattern: '^[a-z][a-z-]{1,40}$' },
        entityId: { type: 'string', minLength: 1, maxLength: 100 },
        subject: { type: 'string', minLength: 1, maxLength: 200 },
        agency: { type: 'string', minLength: 1, maxLength: 60 },
        requestId: { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'null' }] },
        area: { type: 'string', pattern: AREA_PATH_PATTERN, maxLength: 512 },
      },
    },
  }),
] as const;

/** Every event of the `audit` topic. */
export type AuditEvent = EventOf<(typeof auditEventDefinitions)[number]>;
/** A write happened: who, which agency, what, on which entity. The before/after stay in the service's audit table. */
export type AuditRecordedV1 = DataOf<AuditEvent, 'audit.recorded', 1>;
