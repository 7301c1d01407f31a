import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AgreementEventTypes,
  type AggregateType,
  CampaignEventTypes,
  RecognitionEventTypes,
  Topics,
  type AgreementEvent,
  type CampaignEvent,
  type RecognitionEvent,
} from '@binh-yen/contracts';
import { EventDispatch, IGNORED, ProjectionContext } from '@binh-yen/messaging';
import type { EntityManager } from 'typeorm';
import { quarterOfDate } from '../movement/date-quarter';

export const CAMPAIGN_FIGURES = { name: 'campaign-figures', version: 1 } as const;
export const CAMPAIGN_TOPICS: readonly AggregateType[] = ['campaign', 'agreement', 'recognition'];

type CampaignFiguresEvent = CampaignEvent | AgreementEvent | RecognitionEvent;

/** What each campaign, agreement and recognition event does to the campaign figures. */
const appliers = new EventDispatch<CampaignFiguresEvent, [EntityManager]>({
  [CampaignEventTypes.launched]: (event, tx) => {
    const campaign = event.data;
    return tx.query(
      `INSERT INTO campaigns_v1 (campaign_id, name, kind, lead_agency, partner_agencies, status, starts_on, ends_on, goals)
       VALUES ($1, $2, $3, $4, $5, 'planned', $6, $7, $8::jsonb) ON CONFLICT (campaign_id) DO NOTHING`,
      [campaign.campaignId, campaign.name, campaign.kind, campaign.leadAgency, campaign.partnerAgencies, campaign.startsOn, campaign.endsOn, JSON.stringify(campaign.goals)],
    );
  },
  [CampaignEventTypes.activated]: (event, tx) =>
    tx.query(`UPDATE campaigns_v1 SET status = 'active' WHERE campaign_id = $1 AND status = 'planned'`, [event.data.campaignId]),
  [CampaignEventTypes.closed]: (event, tx) => tx.query(`UPDATE campaigns_v1 SET status = 'closed' WHERE campaign_id = $1`, [event.data.campaignId]),
  [CampaignEventTypes.agreementLinked]: IGNORED,
  [CampaignEventTypes.activityRecorded]: (event, tx) => {
    const activity = event.data;
    return tx.query(
      `INSERT INTO campaign_activities_v1 (activity_id, campaign_id, quarter, path, organising_agency, kind, participants, by_group)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) ON CONFLICT (activity_id) DO NOTHING`,
      [activity.activityId, activity.campaignId, quarterOfDate(activity.heldOn), activity.path, activity.organisingAgency, activity.kind, activity.participants.total, JSON.stringify(activity.participants.byGroup)],
    );
  },
  [CampaignEventTypes.pledgeRecorded]: (event, tx) => {
    const pledge = event.data;
    return tx.query(
      `INSERT INTO campaign_pledges_v1 (pledge_id, campaign_id, quarter, path, households) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pledge_id) DO NOTHING`,
      [pledge.pledgeId, pledge.campaignId, quarterOfDate(pledge.validFrom), pledge.path, pledge.households],
    );
  },
  [CampaignEventTypes.reviewed]: (event, tx) => {
    const review = event.data;
    // The latest review says where the campaign stands against its goals.
    return tx.query(
      `UPDATE campaigns_v1 SET latest_review = $2::jsonb
        WHERE campaign_id = $1 AND (latest_review IS NULL OR latest_review->>'reviewedOn' <= $3)`,
      [review.campaignId, JSON.stringify({ reviewedOn: review.reviewedOn, kind: review.kind, outcome: review.outcome, progress: review.progress }), review.reviewedOn],
    );
  },
  [AgreementEventTypes.signed]: (event, tx) => {
    const agreement = event.data;
    return tx.query(`INSERT INTO agreements_v1 (agreement_id, quarter, parties, paths) VALUES ($1, $2, $3, $4) ON CONFLICT (agreement_id) DO NOTHING`, [
      agreement.agreementId,
      quarterOfDate(agreement.signedOn),
      agreement.parties,
      agreement.scope.map((unit) => unit.path),
    ]);
  },
  [RecognitionEventTypes.storyPublished]: (event, tx) => {
    const story = event.data;
    return tx.query(`INSERT INTO media_stories_v1 (story_id, quarter, path, outlet_kind, campaign_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (story_id) DO NOTHING`, [
      story.storyId,
      quarterOfDate(story.publishedOn),
      story.path,
      story.outlet.kind,
      story.campaignId,
    ]);
  },
  [RecognitionEventTypes.commendationAwarded]: (event, tx) => {
    const award = event.data;
    return tx.query(
      `INSERT INTO commendations_v1 (commendation_id, quarter, path, level, awarding_agency, campaign_id) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (commendation_id) DO NOTHING`,
      [award.commendationId, quarterOfDate(award.awardedOn), award.path, award.level, award.awardingAgency, award.campaignId],
    );
  },
});

/**
 * Linked campaigns, coordination, press and commendations (clauses 2 and 6), each
 * figure under the unit's path at the time of its event.
 */
@Controller()
export class CampaignFiguresProjection {
  @EventPattern(CAMPAIGN_TOPICS.map((aggregate) => Topics[aggregate]), { projection: CAMPAIGN_FIGURES.name, version: CAMPAIGN_FIGURES.version, eventTypes: appliers.eventTypes })
  async apply(@Payload() events: readonly CampaignFiguresEvent[], @Ctx() { manager }: ProjectionContext): Promise<void> {
    for (const event of events) await appliers.apply(event, manager);
  }
}
