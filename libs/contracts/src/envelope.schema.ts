import { AREA_PATH_PATTERN } from './envelope';
import type { JsonSchema } from './json-schema';

export const envelopeSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'version', 'occurredAt', 'aggregate', 'sequence', 'actor', 'area', 'data'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    type: { type: 'string', pattern: '^[a-z][a-z-]*(\\.[a-z][a-z-]*)+$' },
    version: { type: 'integer', minimum: 1 },
    occurredAt: { type: 'string', format: 'date-time' },
    aggregate: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'id'],
      properties: { type: { type: 'string', minLength: 1 }, id: { type: 'string', minLength: 1, maxLength: 64 } },
    },
    sequence: { type: 'integer', minimum: 1 },
    actor: {
      type: 'object',
      additionalProperties: false,
      required: ['agency', 'subject'],
      properties: { agency: { type: 'string', minLength: 1 }, subject: { type: 'string', minLength: 1 } },
    },
    area: { type: 'string', pattern: AREA_PATH_PATTERN, maxLength: 512 },
    traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$' },
    data: { type: 'object' },
  },
};
