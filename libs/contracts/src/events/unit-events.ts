import { AREA_PATH_PATTERN } from '../envelope';
import type { EventDefinition, JsonSchema } from '../json-schema';
import { AggregateTypes } from '../topics';

/**
 * Lifecycle of a unit (the administrative hierarchy and establishments). Every
 * event carries the unit's full hierarchy path after the change, and a unit whose
 * path changes because an ancestor moved gets its own `unit.moved`, so a replica
 * stays right whatever order events of different units arrive in.
 */
export const UnitKinds = ['province', 'district', 'commune', 'residential-area', 'establishment'] as const;
export type UnitKind = (typeof UnitKinds)[number];

export const UnitEventTypes = {
  registered: 'unit.registered',
  renamed: 'unit.renamed',
  moved: 'unit.moved',
  merged: 'unit.merged',
  split: 'unit.split',
  dissolved: 'unit.dissolved',
} as const;

export interface UnitRegisteredV1 {
  unitId: string;
  code: string;
  /** Vietnamese name with diacritics, NFC. */
  name: string;
  kind: UnitKind;
  /** The local nuance of the kind: "city", "town", "ward", "village", "school", ... */
  subkind: string;
  parentId: string | null;
  path: string;
  effectiveFrom: string;
  /** Units it was formed from (merge or split), for lineage. */
  predecessorIds: string[];
}

export interface UnitRenamedV1 {
  unitId: string;
  code: string;
  name: string;
  previousName: string;
  path: string;
  effectiveFrom: string;
}

export interface UnitMovedV1 {
  unitId: string;
  code: string;
  parentId: string | null;
  path: string;
  previousPath: string;
  effectiveFrom: string;
  /** Set when the unit moved because this ancestor moved. */
  becauseOf: string | null;
}

export interface UnitMergedV1 {
  unitId: string;
  code: string;
  path: string;
  /** The unit it was merged into. */
  intoUnitId: string;
  effectiveFrom: string;
}

export interface UnitSplitV1 {
  unitId: string;
  code: string;
  path: string;
  intoUnitIds: string[];
  effectiveFrom: string;
}

export interface UnitDissolvedV1 {
  unitId: string;
  code: string;
  path: string;
  reason: string;
  effectiveFrom: string;
}

const uuid = { type: 'string', format: 'uuid' } as const;
const code = { type: 'string', pattern: '^[A-Za-z0-9_]{1,32}$' } as const;
const path = { type: 'string', pattern: AREA_PATH_PATTERN, maxLength: 512 } as const;
const date = { type: 'string', format: 'date' } as const;
const name = { type: 'string', minLength: 1, maxLength: 300 } as const;

function objectSchema(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}

function unitEvent(type: string, description: string, properties: Record<string, JsonSchema>): EventDefinition {
  return { type, version: 1, aggregateType: AggregateTypes.unit, description, dataSchema: objectSchema(properties) };
}

export const unitEventDefinitions: EventDefinition[] = [
  unitEvent(UnitEventTypes.registered, 'A unit entered the registry.', {
    unitId: uuid,
    code,
    name,
    kind: { enum: [...UnitKinds] },
    subkind: { type: 'string', pattern: '^[a-z][a-z-]{1,40}$' },
    parentId: { anyOf: [uuid, { type: 'null' }] },
    path,
    effectiveFrom: date,
    predecessorIds: { type: 'array', items: uuid, maxItems: 100 },
  }),
  unitEvent(UnitEventTypes.renamed, 'A unit took a new name.', { unitId: uuid, code, name, previousName: name, path, effectiveFrom: date }),
  unitEvent(UnitEventTypes.moved, 'A unit moved under a new parent (itself, or because an ancestor moved).', {
    unitId: uuid,
    code,
    parentId: { anyOf: [uuid, { type: 'null' }] },
    path,
    previousPath: path,
    effectiveFrom: date,
    becauseOf: { anyOf: [uuid, { type: 'null' }] },
  }),
  unitEvent(UnitEventTypes.merged, 'A unit was merged into another and is no longer active.', {
    unitId: uuid,
    code,
    path,
    intoUnitId: uuid,
    effectiveFrom: date,
  }),
  unitEvent(UnitEventTypes.split, 'A unit was split into several and is no longer active.', {
    unitId: uuid,
    code,
    path,
    intoUnitIds: { type: 'array', items: uuid, minItems: 2, maxItems: 100 },
    effectiveFrom: date,
  }),
  unitEvent(UnitEventTypes.dissolved, 'A unit was dissolved.', { unitId: uuid, code, path, reason: { type: 'string', minLength: 1, maxLength: 2000 }, effectiveFrom: date }),
];
