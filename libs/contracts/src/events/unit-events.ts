import { AREA_PATH_PATTERN, UNIT_CODE_PATTERN } from '../envelope';
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
  rated: 'unit.rated',
  certified: 'unit.certified',
  certificationRevoked: 'unit.certification-revoked',
  hotspotDesignated: 'unit.hotspot-designated',
  pilotDesignated: 'unit.pilot-designated',
  forceRegistered: 'unit.force-registered',
  trainingRecorded: 'unit.training-recorded',
} as const;

export const ModelEventTypes = {
  registered: 'model.registered',
  reviewed: 'model.reviewed',
  recognisedAdvanced: 'model.recognised-advanced',
  replicated: 'model.replicated',
} as const;

export interface ImprovementPlanV1 {
  actions: string[];
  responsibleAgency: string;
  targetQuarter: string;
}

/** A quarterly movement rating; a revision carries the next revision number. */
export interface UnitRatedV1 {
  unitId: string;
  code: string;
  path: string;
  quarter: string;
  rating: 'strong' | 'fair' | 'average' | 'weak';
  revision: number;
  assessor: string;
  assessedOn: string;
  justification: string;
  improvementPlan: ImprovementPlanV1 | null;
}

export interface UnitCertifiedV1 {
  unitId: string;
  code: string;
  path: string;
  year: number;
  grantedOn: string;
}

export interface UnitCertificationRevokedV1 {
  unitId: string;
  code: string;
  path: string;
  year: number;
  reason: string;
  revokedOn: string;
}

export interface UnitHotspotDesignatedV1 {
  unitId: string;
  code: string;
  path: string;
  reason: string;
  fromQuarter: string;
  toQuarter: string;
}

export interface UnitPilotDesignatedV1 {
  unitId: string;
  code: string;
  path: string;
  year: number;
  pilotUnitId: string;
  pilotCode: string;
  pilotPath: string;
}

export interface UnitForceRegisteredV1 {
  unitId: string;
  code: string;
  path: string;
  forceId: string;
  forceType: string;
  name: string;
  headcount: number;
  leader: string;
}

export interface UnitTrainingRecordedV1 {
  unitId: string;
  code: string;
  path: string;
  sessionId: string;
  course: string;
  startsOn: string;
  endsOn: string;
  forceType: string;
  trainees: number;
  hours: number;
}

export interface ModelRegisteredV1 {
  modelId: string;
  unitId: string;
  unitCode: string;
  path: string;
  modelType: string;
  name: string;
  startedOn: string;
  description: string;
  sourceModelId: string | null;
}

export interface ModelReviewedV1 {
  modelId: string;
  unitId: string;
  path: string;
  kind: 'interim' | 'final';
  reviewedOn: string;
  outcome: 'effective' | 'partly-effective' | 'ineffective';
  lessons: string;
}

export interface ModelRecognisedAdvancedV1 {
  modelId: string;
  unitId: string;
  path: string;
  recognisedOn: string;
}

export interface ModelReplicatedV1 {
  modelId: string;
  unitId: string;
  path: string;
  newModelId: string;
  targetUnitId: string;
  targetUnitCode: string;
  targetPath: string;
  replicatedOn: string;
}

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
const code = { type: 'string', pattern: UNIT_CODE_PATTERN } as const;
const path = { type: 'string', pattern: AREA_PATH_PATTERN, maxLength: 512 } as const;
const date = { type: 'string', format: 'date' } as const;
const name = { type: 'string', minLength: 1, maxLength: 300 } as const;

function objectSchema(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', additionalProperties: false, required: Object.keys(properties), properties };
}

function unitEvent(type: string, description: string, properties: Record<string, JsonSchema>): EventDefinition {
  return { type, version: 1, aggregateType: AggregateTypes.unit, description, dataSchema: objectSchema(properties) };
}

function modelEvent(type: string, description: string, properties: Record<string, JsonSchema>): EventDefinition {
  return { type, version: 1, aggregateType: AggregateTypes.model, description, dataSchema: objectSchema(properties) };
}

const quarter = { type: 'string', pattern: '^[0-9]{4}-Q[1-4]$' } as const;
const text = (max: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength: max });
const year = { type: 'integer', minimum: 1945, maximum: 2200 } as const;
const count = { type: 'integer', minimum: 0, maximum: 10_000_000 } as const;

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
  unitEvent(UnitEventTypes.rated, 'A unit was rated (or re-rated) for a quarter; the highest revision is current.', {
    unitId: uuid,
    code,
    path,
    quarter,
    rating: { enum: ['strong', 'fair', 'average', 'weak'] },
    revision: { type: 'integer', minimum: 1 },
    assessor: text(200),
    assessedOn: date,
    justification: text(4000),
    improvementPlan: {
      anyOf: [
        { type: 'null' },
        objectSchema({ actions: { type: 'array', items: text(1000), minItems: 1, maxItems: 50 }, responsibleAgency: text(100), targetQuarter: quarter }),
      ],
    },
  }),
  unitEvent(UnitEventTypes.certified, 'A unit was certified safe for security and order for a year.', { unitId: uuid, code, path, year, grantedOn: date }),
  unitEvent(UnitEventTypes.certificationRevoked, "A unit's safety certification was revoked.", { unitId: uuid, code, path, year, reason: text(2000), revokedOn: date }),
  unitEvent(UnitEventTypes.hotspotDesignated, 'A unit was designated an area with complicated security and order.', {
    unitId: uuid,
    code,
    path,
    reason: text(2000),
    fromQuarter: quarter,
    toQuarter: quarter,
  }),
  unitEvent(UnitEventTypes.pilotDesignated, 'A district-level unit designated a grassroots pilot unit for a year.', {
    unitId: uuid,
    code,
    path,
    year,
    pilotUnitId: uuid,
    pilotCode: code,
    pilotPath: path,
  }),
  unitEvent(UnitEventTypes.forceRegistered, 'A security force team was registered in a unit.', {
    unitId: uuid,
    code,
    path,
    forceId: uuid,
    forceType: { enum: ['commune-police', 'neighbourhood-guard', 'agency-guard', 'enterprise-guard', 'mass-security-team'] },
    name: text(300),
    headcount: { type: 'integer', minimum: 1, maximum: 100_000 },
    leader: text(200),
  }),
  unitEvent(UnitEventTypes.trainingRecorded, 'A training session of a force was held.', {
    unitId: uuid,
    code,
    path,
    sessionId: uuid,
    course: text(300),
    startsOn: date,
    endsOn: date,
    forceType: { enum: ['commune-police', 'neighbourhood-guard', 'agency-guard', 'enterprise-guard', 'mass-security-team'] },
    trainees: count,
    hours: { type: 'number', exclusiveMinimum: 0, maximum: 10_000 },
  }),
];

export const modelEventDefinitions: EventDefinition[] = [
  modelEvent(ModelEventTypes.registered, 'A self-management model was registered in a unit (a replication links its source).', {
    modelId: uuid,
    unitId: uuid,
    unitCode: code,
    path,
    modelType: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' },
    name: text(300),
    startedOn: date,
    description: { type: 'string', maxLength: 4000 },
    sourceModelId: { anyOf: [uuid, { type: 'null' }] },
  }),
  modelEvent(ModelEventTypes.reviewed, 'A model had its interim (sơ kết) or final (tổng kết) review.', {
    modelId: uuid,
    unitId: uuid,
    path,
    kind: { enum: ['interim', 'final'] },
    reviewedOn: date,
    outcome: { enum: ['effective', 'partly-effective', 'ineffective'] },
    lessons: { type: 'string', maxLength: 4000 },
  }),
  modelEvent(ModelEventTypes.recognisedAdvanced, 'A model was recognised as advanced.', { modelId: uuid, unitId: uuid, path, recognisedOn: date }),
  modelEvent(ModelEventTypes.replicated, 'An advanced model was replicated into another unit.', {
    modelId: uuid,
    unitId: uuid,
    path,
    newModelId: uuid,
    targetUnitId: uuid,
    targetUnitCode: code,
    targetPath: path,
    replicatedOn: date,
  }),
];
