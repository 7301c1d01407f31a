import { AREA_PATH_PATTERN, UNIT_CODE_PATTERN } from '../envelope';
import { QUARTER_PATTERN } from '../quarter';
import type { JSONSchema } from 'json-schema-to-ts';
import { defineEvent, objectSchema, type DataOf, type EventOf } from '../json-schema';
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

const uuid = { type: 'string', format: 'uuid' } as const;
const code = { type: 'string', pattern: UNIT_CODE_PATTERN } as const;
const path = { type: 'string', pattern: AREA_PATH_PATTERN, maxLength: 512 } as const;
const date = { type: 'string', format: 'date' } as const;
const name = { type: 'string', minLength: 1, maxLength: 300 } as const;

function unitEvent<const T extends string, const P extends Record<string, JSONSchema>>(type: T, description: string, properties: P) {
  return defineEvent({ type, version: 1, aggregateType: AggregateTypes.unit, description, dataSchema: objectSchema(properties) });
}

function modelEvent<const T extends string, const P extends Record<string, JSONSchema>>(type: T, description: string, properties: P) {
  return defineEvent({ type, version: 1, aggregateType: AggregateTypes.model, description, dataSchema: objectSchema(properties) });
}

const quarter = { type: 'string', pattern: QUARTER_PATTERN } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const year = { type: 'integer', minimum: 1945, maximum: 2200 } as const;
const count = { type: 'integer', minimum: 0, maximum: 10_000_000 } as const;

export const unitEventDefinitions = [
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

export const modelEventDefinitions = [
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
] as const;

/** Every event of the `unit` topic, discriminated by `type` (and `version`). */
export type UnitEvent = EventOf<(typeof unitEventDefinitions)[number]>;
/** Every event of the `model` topic. */
export type ModelEvent = EventOf<(typeof modelEventDefinitions)[number]>;

export type UnitRegisteredV1 = DataOf<UnitEvent, 'unit.registered', 1>;
export type UnitRenamedV1 = DataOf<UnitEvent, 'unit.renamed', 1>;
export type UnitMovedV1 = DataOf<UnitEvent, 'unit.moved', 1>;
export type UnitMergedV1 = DataOf<UnitEvent, 'unit.merged', 1>;
export type UnitSplitV1 = DataOf<UnitEvent, 'unit.split', 1>;
export type UnitDissolvedV1 = DataOf<UnitEvent, 'unit.dissolved', 1>;
export type UnitRatedV1 = DataOf<UnitEvent, 'unit.rated', 1>;
export type ImprovementPlanV1 = NonNullable<UnitRatedV1['improvementPlan']>;
export type UnitCertifiedV1 = DataOf<UnitEvent, 'unit.certified', 1>;
export type UnitCertificationRevokedV1 = DataOf<UnitEvent, 'unit.certification-revoked', 1>;
export type UnitHotspotDesignatedV1 = DataOf<UnitEvent, 'unit.hotspot-designated', 1>;
export type UnitPilotDesignatedV1 = DataOf<UnitEvent, 'unit.pilot-designated', 1>;
export type UnitForceRegisteredV1 = DataOf<UnitEvent, 'unit.force-registered', 1>;
export type UnitTrainingRecordedV1 = DataOf<UnitEvent, 'unit.training-recorded', 1>;
export type ModelRegisteredV1 = DataOf<ModelEvent, 'model.registered', 1>;
export type ModelReviewedV1 = DataOf<ModelEvent, 'model.reviewed', 1>;
export type ModelRecognisedAdvancedV1 = DataOf<ModelEvent, 'model.recognised-advanced', 1>;
export type ModelReplicatedV1 = DataOf<ModelEvent, 'model.replicated', 1>;
