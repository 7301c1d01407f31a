import { AREA_PATH_PATTERN, UNIT_CODE_PATTERN } from '../envelope';
import type { JSONSchema } from 'json-schema-to-ts';
import { defineEvent, objectSchema, type DataOf, type EventOf } from '../json-schema';
import { AggregateTypes } from '../topics';

/**
 * Joint campaigns (clause 2) and the recognition of good people and deeds
 * (clause 6). Campaign events (topic `campaign`) are keyed by campaign id and
 * include its activities, pledges and reviews, so one campaign's history is in
 * order; agreements have their own topic; media stories and commendations go
 * to `recognition`, keyed by their own id. Activities and pledges carry the
 * unit's path (also their envelope's `area`), so reports count them under the
 * unit as it was then.
 */
export const CampaignEventTypes = {
  launched: 'campaign.launched',
  agreementLinked: 'campaign.agreement-linked',
  activated: 'campaign.activated',
  closed: 'campaign.closed',
  activityRecorded: 'campaign.activity-recorded',
  pledgeRecorded: 'campaign.pledge-recorded',
  reviewed: 'campaign.reviewed',
} as const;

export const AgreementEventTypes = {
  signed: 'agreement.signed',
} as const;

export const RecognitionEventTypes = {
  storyPublished: 'story.published',
  commendationAwarded: 'commendation.awarded',
} as const;

const uuid = { type: 'string', format: 'uuid' } as const;
const nullableUuid = { anyOf: [uuid, { type: 'null' }] } as const;
const code = { type: 'string', pattern: UNIT_CODE_PATTERN } as const;
const path = { type: 'string', pattern: AREA_PATH_PATTERN, maxLength: 512 } as const;
const date = { type: 'string', format: 'date' } as const;
const slug = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' } as const;
const party = { type: 'string', pattern: '^([a-z][a-z-]{1,40}|sector:[a-z][a-z0-9-]{1,40})$' } as const;
const count = { type: 'integer', minimum: 0, maximum: 10_000_000 } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const nullableText = (max: number) => ({ anyOf: [text(max), { type: 'null' }] }) as const;

function definition<const A extends string, const T extends string, const P extends Record<string, JSONSchema>>(aggregateType: A, type: T, description: string, properties: P) {
  return defineEvent({ type, version: 1, aggregateType, description, dataSchema: objectSchema(properties) });
}

const unitRef = objectSchema({ unitId: uuid, code, path });
const scope = { type: 'array', items: unitRef, minItems: 1, maxItems: 500 } as const;
const parties = { type: 'array', items: party, maxItems: 50 } as const;

export const campaignEventDefinitions = [
  definition(AggregateTypes.campaign, CampaignEventTypes.launched, 'A joint campaign was launched (planned), with its lead, partners, scope, period and goals.', {
    campaignId: uuid,
    name: text(300),
    kind: slug,
    leadAgency: party,
    partnerAgencies: parties,
    scope,
    startsOn: date,
    endsOn: date,
    goals: { type: 'array', maxItems: 20, items: objectSchema({ measure: slug, target: { type: 'integer', minimum: 1, maximum: 10_000_000 } }) },
    agreementIds: { type: 'array', items: uuid, maxItems: 50 },
    status: { const: 'planned' },
  }),
  definition(AggregateTypes.campaign, CampaignEventTypes.agreementLinked, 'A campaign now implements a joint coordination agreement.', { campaignId: uuid, agreementId: uuid }),
  definition(AggregateTypes.campaign, CampaignEventTypes.activated, 'A planned campaign became active.', { campaignId: uuid, activatedOn: date }),
  definition(AggregateTypes.campaign, CampaignEventTypes.closed, 'A campaign was closed (after its final review), or a planned one called off.', {
    campaignId: uuid,
    previousStatus: { enum: ['planned', 'active'] },
    closedOn: date,
    note: nullableText(2000),
  }),
  definition(AggregateTypes.campaign, CampaignEventTypes.activityRecorded, 'An activity of a campaign was held in a unit of its scope.', {
    campaignId: uuid,
    activityId: uuid,
    kind: { enum: ['meeting', 'propaganda-session', 'training', 'patrol', 'mediation-session', 'inspection'] },
    heldOn: date,
    unitId: uuid,
    unitCode: code,
    path,
    organisingAgency: party,
    participants: objectSchema({
      total: count,
      byGroup: { type: 'object', maxProperties: 20, propertyNames: slug, additionalProperties: count },
    }),
    notes: { type: 'string', maxLength: 4000 },
  }),
  definition(AggregateTypes.campaign, CampaignEventTypes.pledgeRecorded, 'Households of a unit pledged to keep security and order for a period.', {
    campaignId: uuid,
    pledgeId: uuid,
    unitId: uuid,
    unitCode: code,
    path,
    households: { type: 'integer', minimum: 1, maximum: 10_000_000 },
    validFrom: date,
    validTo: date,
  }),
  definition(AggregateTypes.campaign, CampaignEventTypes.reviewed, 'A campaign had its interim (sơ kết) or final (tổng kết) review.', {
    campaignId: uuid,
    reviewId: uuid,
    kind: { enum: ['interim', 'final'] },
    reviewedOn: date,
    outcome: { enum: ['achieved', 'partly-achieved', 'not-achieved'] },
    lessons: { type: 'string', maxLength: 8000 },
    recommendedModelIds: { type: 'array', items: uuid, maxItems: 50 },
    progress: { type: 'array', maxItems: 20, items: objectSchema({ measure: slug, target: count, achieved: count }) },
  }),
  definition(AggregateTypes.agreement, AgreementEventTypes.signed, 'A joint coordination agreement (quy chế phối hợp liên tịch) was signed and recorded.', {
    agreementId: uuid,
    title: text(300),
    parties: { type: 'array', items: party, minItems: 2, maxItems: 50 },
    signedOn: date,
    effectiveFrom: date,
    effectiveTo: { anyOf: [date, { type: 'null' }] },
    scope,
    obligations: { type: 'array', minItems: 1, maxItems: 200, items: objectSchema({ party, text: text(2000) }) },
  }),
  definition(AggregateTypes.recognition, RecognitionEventTypes.storyPublished, 'Radio, press, television or an online outlet told of a good person, a collective or an advanced model.', {
    storyId: uuid,
    outlet: objectSchema({ name: text(200), kind: { enum: ['radio', 'newspaper', 'television', 'online'] } }),
    publishedOn: date,
    title: text(500),
    link: { anyOf: [{ type: 'string', format: 'uri', maxLength: 2000 }, { type: 'null' }] },
    about: objectSchema({ kind: { enum: ['person', 'collective', 'model'] }, name: nullableText(300), modelId: nullableUuid }),
    unitId: uuid,
    unitCode: code,
    path,
    campaignId: nullableUuid,
  }),
  definition(AggregateTypes.recognition, RecognitionEventTypes.commendationAwarded, 'A person, collective or unit was commended (khen thưởng).', {
    commendationId: uuid,
    recipient: objectSchema({ kind: { enum: ['person', 'collective', 'unit'] }, name: nullableText(300) }),
    unitId: uuid,
    unitCode: code,
    path,
    level: { enum: ['province', 'district', 'commune'] },
    reason: text(2000),
    awardedOn: date,
    awardingAgency: party,
    campaignId: nullableUuid,
    modelId: nullableUuid,
    storyId: nullableUuid,
  }),
] as const;

type CampaignFileEvent = EventOf<(typeof campaignEventDefinitions)[number]>;
/** Every event of the `campaign` topic, discriminated by `type` (and `version`). */
export type CampaignEvent = Extract<CampaignFileEvent, { aggregate: { type: 'campaign' } }>;
/** Every event of the `agreement` topic. */
export type AgreementEvent = Extract<CampaignFileEvent, { aggregate: { type: 'agreement' } }>;
/** Every event of the `recognition` topic. */
export type RecognitionEvent = Extract<CampaignFileEvent, { aggregate: { type: 'recognition' } }>;

export type CampaignLaunchedV1 = DataOf<CampaignEvent, 'campaign.launched', 1>;
export type CampaignUnitRefV1 = CampaignLaunchedV1['scope'][number];
export type CampaignGoalV1 = CampaignLaunchedV1['goals'][number];
export type CampaignAgreementLinkedV1 = DataOf<CampaignEvent, 'campaign.agreement-linked', 1>;
export type CampaignActivatedV1 = DataOf<CampaignEvent, 'campaign.activated', 1>;
export type CampaignClosedV1 = DataOf<CampaignEvent, 'campaign.closed', 1>;
export type CampaignActivityRecordedV1 = DataOf<CampaignEvent, 'campaign.activity-recorded', 1>;
export type CampaignPledgeRecordedV1 = DataOf<CampaignEvent, 'campaign.pledge-recorded', 1>;
export type CampaignReviewedV1 = DataOf<CampaignEvent, 'campaign.reviewed', 1>;
export type AgreementSignedV1 = DataOf<AgreementEvent, 'agreement.signed', 1>;
export type StoryPublishedV1 = DataOf<RecognitionEvent, 'story.published', 1>;
export type CommendationAwardedV1 = DataOf<RecognitionEvent, 'commendation.awarded', 1>;
