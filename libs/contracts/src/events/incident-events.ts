import { AREA_PATH_PATTERN } from '../envelope';
import type { JSONSchema } from 'json-schema-to-ts';
import { defineEvent, type DataOf, type EventOf } from '../json-schema';
import { AggregateTypes } from '../topics';

/**
 * Incidents and their case lifecycle (clauses 3 and 5), topic `incident`, keyed
 * by incident id so one case's history stays in order. Events carry the unit
 * (id, code; its path is the envelope's `area`), never the informant of a tip,
 * never the exact location, never the free-text summary or officers' notes:
 * the service keeps those, reports count.
 */
export const IncidentEventTypes = {
  reported: 'incident.reported',
  verified: 'incident.verified',
  rejected: 'incident.rejected',
  investigationStarted: 'incident.investigation-started',
  resolvedAtGrassroots: 'incident.resolved-at-grassroots',
  referredToProcuracy: 'incident.referred-to-procuracy',
  indicted: 'incident.indicted',
  returnedForInvestigation: 'incident.returned-for-investigation',
  notProsecuted: 'incident.not-prosecuted',
  tried: 'incident.tried',
  closed: 'incident.closed',
  transferred: 'incident.transferred',
} as const;

const uuid = { type: 'string', format: 'uuid' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const slug = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' } as const;
const unitCode = { type: 'string', minLength: 1, maxLength: 32 } as const;
const area = { type: 'string', pattern: AREA_PATH_PATTERN } as const;
const statusSlug = { type: 'string', pattern: '^[a-z][a-z-]{1,40}$' } as const;
const count = { type: 'integer', minimum: 0 } as const;

export const incidentReportedV1 = defineEvent({
  type: IncidentEventTypes.reported,
  version: 1,
  aggregateType: AggregateTypes.incident,
  description: 'An incident was reported in a unit (foundation skeleton; superseded by v2, still read by consumers).',
  dataSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['incidentId', 'unitCode', 'category', 'occurredAt', 'reportedAt', 'summary'],
    properties: {
      incidentId: uuid,
      unitCode,
      category: slug,
      occurredAt: dateTime,
      reportedAt: dateTime,
      summary: { type: 'string', minLength: 1, maxLength: 4000 },
    },
  },
});

export const incidentReportedV2 = defineEvent({
  type: IncidentEventTypes.reported,
  version: 2,
  aggregateType: AggregateTypes.incident,
  description:
    'An incident entered the register in a unit, with its category, security domain, source and severity. Never carries the informant, the exact location or the summary of a tip.',
  dataSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['incidentId', 'unitId', 'unitCode', 'category', 'domain', 'source', 'severity', 'occurredAt', 'reportedAt', 'people', 'possibleDuplicateOf', 'status'],
    properties: {
      incidentId: uuid,
      unitId: uuid,
      unitCode,
      category: slug,
      domain: slug,
      source: { enum: ['public-tip', 'patrol', 'agency-report', 'self-report', 'media'] },
      severity: { enum: ['minor', 'serious', 'very-serious', 'especially-serious', null] },
      occurredAt: dateTime,
      reportedAt: dateTime,
      people: {
        type: 'object',
        additionalProperties: false,
        required: ['suspects', 'victims', 'injured', 'deaths'],
        properties: { suspects: count, victims: count, injured: count, deaths: count },
      },
      possibleDuplicateOf: { type: 'array', items: uuid, maxItems: 20 },
      status: { const: 'reported' },
    },
  },
});

const stageSchema = {
  oneOf: [
    { type: 'null' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['stage', 'startedAt', 'endedAt', 'seconds'],
      properties: {
        stage: { enum: ['reported-verified', 'verified-referred', 'referred-indicted', 'indicted-tried'] },
        startedAt: dateTime,
        endedAt: dateTime,
        seconds: count,
      },
    },
  ],
} as const;

const statusChangedProperties = {
  incidentId: uuid,
  unitId: uuid,
  unitCode,
  category: slug,
  domain: slug,
  occurredAt: dateTime,
  action: slug,
  fromStatus: statusSlug,
  toStatus: statusSlug,
  agency: slug,
  stage: stageSchema,
  // Optional and added within v1 (issue 24): old events stay valid, tolerant readers ignore it.
  // When the step was taken (a verdict keyed in days later carries the verdict's date); the
  // envelope's `occurredAt` is when it was recorded. Events without it: their `occurredAt`.
  takenAt: dateTime,
} as const;
const statusChangedRequired = (Object.keys(statusChangedProperties) as (keyof typeof statusChangedProperties)[]).filter(
  (key): key is Exclude<keyof typeof statusChangedProperties, 'takenAt'> => key !== 'takenAt',
);

function statusChanged<const T extends string, const X extends Record<string, JSONSchema> = Record<never, never>>(type: T, description: string, extra?: X) {
  return defineEvent({
    type,
    version: 1,
    aggregateType: AggregateTypes.incident,
    description,
    dataSchema: {
      type: 'object',
      additionalProperties: false,
      required: [...statusChangedRequired, ...(Object.keys(extra ?? {}) as (keyof X & string)[])],
      properties: { ...statusChangedProperties, ...(extra ?? ({} as X)) },
    },
  });
}

export const incidentLifecycleDefinitions = [
  statusChanged(IncidentEventTypes.verified, 'The police verified a report (stage reported→verified completed).'),
  statusChanged(IncidentEventTypes.rejected, 'The police rejected a report as unfounded.'),
  statusChanged(IncidentEventTypes.investigationStarted, 'The police opened an investigation.'),
  statusChanged(IncidentEventTypes.resolvedAtGrassroots, 'The commune People’s Committee resolved the case by grassroots mediation (hòa giải ở cơ sở).'),
  statusChanged(IncidentEventTypes.referredToProcuracy, 'The police referred the case to the procuracy (stage verified→referred completed).'),
  statusChanged(IncidentEventTypes.indicted, 'The procuracy indicted (stage referred→indicted completed).'),
  statusChanged(IncidentEventTypes.returnedForInvestigation, 'The procuracy returned the case for further investigation.'),
  statusChanged(IncidentEventTypes.notProsecuted, 'The procuracy decided not to prosecute.'),
  statusChanged(IncidentEventTypes.tried, 'The court tried the case (stage indicted→tried completed), with its verdict.', {
    verdict: { enum: ['convicted', 'acquitted'] },
    sentenceSummary: { oneOf: [{ type: 'null' }, { type: 'string', minLength: 1, maxLength: 1000 }] },
  }),
  statusChanged(IncidentEventTypes.closed, 'The case was closed, with the reason.', {
    reason: { enum: ['no-offence', 'insufficient-evidence', 'mediated', 'verdict-final', 'not-prosecuted'] },
  }),
] as const;

export const incidentTransferredV1 = defineEvent({
  type: IncidentEventTypes.transferred,
  version: 1,
  aggregateType: AggregateTypes.incident,
  description: 'The case moved to another unit (jurisdiction change); counts by area move with it. The envelope’s area is the new unit’s path.',
  dataSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['incidentId', 'category', 'domain', 'occurredAt', 'status', 'fromUnitId', 'fromUnitCode', 'fromArea', 'toUnitId', 'toUnitCode', 'toArea'],
    properties: {
      incidentId: uuid,
      category: slug,
      domain: slug,
      occurredAt: dateTime,
      status: statusSlug,
      fromUnitId: uuid,
      fromUnitCode: unitCode,
      fromArea: area,
      toUnitId: uuid,
      toUnitCode: unitCode,
      toArea: area,
    },
  },
});

/** Every incident event type and version. */
export const incidentEventDefinitions = [incidentReportedV1, incidentReportedV2, ...incidentLifecycleDefinitions, incidentTransferredV1] as const;

/** Every event of the `incident` topic, discriminated by `type` (and `version`). */
export type IncidentEvent = EventOf<(typeof incidentEventDefinitions)[number]>;

/** `incident.reported` v1 (the foundation skeleton): still read by consumers of old topics. */
export type IncidentReportedV1 = DataOf<IncidentEvent, 'incident.reported', 1>;
/** `incident.reported` v2: an incident entered the register (no summary, location or informant). */
export type IncidentReportedV2 = DataOf<IncidentEvent, 'incident.reported', 2>;
export type PeopleInvolvedV2 = IncidentReportedV2['people'];
/** Every lifecycle step (`incident.verified`, `.indicted`, `.closed`, ...) v1. */
export type IncidentStatusChangedV1 = DataOf<IncidentEvent, 'incident.verified', 1>;
/** A stage of the case completed by this step, for the report's durations. */
export type CaseStageV1 = NonNullable<IncidentStatusChangedV1['stage']>;
export type IncidentClosedV1 = DataOf<IncidentEvent, 'incident.closed', 1>;
export type IncidentTriedV1 = DataOf<IncidentEvent, 'incident.tried', 1>;
/** `incident.transferred` v1: the case moved to another unit's jurisdiction; the envelope's area is the new one. */
export type IncidentTransferredV1 = DataOf<IncidentEvent, 'incident.transferred', 1>;
