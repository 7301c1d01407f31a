import type { EventEnvelope } from './envelope';
import type { EventDefinition, JsonSchema } from './json-schema';

/** Values that fit the patterns the contracts use, tried in order (unit codes, areas, quarters, slugs…). */
const PATTERN_CANDIDATES = ['25.227.07882', '07882', '2026-Q3', '2026', 'an-ninh-trat-tu', 'an-ninh.trat-tu', 'ab12', 'AB', '0a1b2c3d', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'];
const FIXED_TIME = '2026-08-14T02:30:00.000Z';

/** One value that satisfies a schema of the contracts (the subset they use), for examples. */
export function sampleOf(schema: JsonSchema): unknown {
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = schema[keyword];
    if (Array.isArray(options)) return sampleOf(options.find((option: JsonSchema) => option['type'] !== 'null') ?? options[0]);
  }
  if (Array.isArray(schema['allOf'])) return Object.assign({}, ...schema['allOf'].map((part: JsonSchema) => sampleOf(part)));
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]).find((name) => name !== 'null') : (schema['type'] as string | undefined);
  switch (type) {
    case 'object': {
      const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, sampleOf(property)]));
    }
    case 'array': {
      const count = Math.max(1, Number(schema['minItems'] ?? 1));
      return Array.from({ length: count }, (_, index) => sampleOf(Array.isArray(schema['items']) ? schema['items'][index] : ((schema['items'] ?? {}) as JsonSchema)));
    }
    case 'integer':
    case 'number':
      return Math.max(Number(schema['minimum'] ?? 1), Number(schema['exclusiveMinimum'] ?? 0) + 1);
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema): string {
  switch (schema['format']) {
    case 'uuid':
      return '01912d4e-7a3b-7c1d-9e2f-3a4b5c6d7e8f';
    case 'date-time':
      return FIXED_TIME;
    case 'date':
      return FIXED_TIME.slice(0, 10);
    case 'email':
      return 'can-bo@example.vn';
    case 'uri':
      return 'https://example.vn/bai-viet';
  }
  const minimum = Number(schema['minLength'] ?? 1);
  if (typeof schema['pattern'] === 'string') {
    const pattern = new RegExp(schema['pattern'], 'u');
    const fitting = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate) && candidate.length >= minimum);
    if (fitting) return fitting;
  }
  return 'Ví dụ (example)'.padEnd(minimum, '.').slice(0, Number(schema['maxLength'] ?? Infinity));
}

/** An example event of a definition: what a consumer reads on its topic (docs and the catalog). */
export function exampleEvent(definition: EventDefinition): EventEnvelope {
  return {
    id: '01912d4e-7a3b-7c1d-9e2f-000000000001',
    type: definition.type,
    version: definition.version,
    occurredAt: FIXED_TIME,
    aggregate: { type: definition.aggregateType, id: '01912d4e-7a3b-7c1d-9e2f-3a4b5c6d7e8f' },
    sequence: 1,
    actor: { agency: 'CA-TP', subject: 'can-bo-01' },
    area: '25.227.07882',
    data: sampleOf(definition.dataSchema),
  };
}
