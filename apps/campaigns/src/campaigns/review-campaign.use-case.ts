import { Injectable } from '@nestjs/common';
import { CommandPipeline, type CommandContext } from '@binh-yen/command-pipeline';
import type { AuditEntry } from '@binh-yen/audit';
import { assertInArea } from '@binh-yen/auth';
import { assertParty, checkCampaignReview, computeProgress } from '@binh-yen/campaigns-domain';
import { newEvent, CampaignEventTypes, uuidv7, type CampaignReviewedV1 } from '@binh-yen/contracts';
import { stateOf } from './campaign-record';
import { CampaignsRepository } from './campaigns.repository';
import type { ReviewCampaignDto } from './dto/campaign-commands.dto';
import type { CampaignReviewView } from './dto/campaign-views.dto';
import { normaliseText } from '@binh-yen/shared-kernel';

/**
 * Sơ kết / tổng kết: the agencies of the campaign review it; the review keeps
 * the progress as it stood on its date (what was held, pledged and published by
 * then), so neither later records nor records of later days change it.
 */
@Injectable()
export class ReviewCampaignUseCase {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly campaigns: CampaignsRepository,
  ) {}

  async execute(campaignId: string, input: ReviewCampaignDto, context: CommandContext): Promise<CampaignReviewView> {
    const { caller, now } = context;
    return this.pipeline.run({ name: 'review-campaign', request: { campaignId, ...input } }, context, async (tx) => {
      // Unseen outside the area it touches (404); seen but directed from higher up, refused (403).
      const campaign = await this.campaigns.requireVisible(tx, campaignId, caller, true);
      assertInArea(caller, campaign.area);
      assertParty(campaign, caller.agency);
      checkCampaignReview(stateOf(campaign), input.kind, input.reviewedOn, now);

      const progress = computeProgress(campaign, await this.campaigns.facts(tx, campaign.id, input.reviewedOn), input.reviewedOn);
      const id = uuidv7(now.getTime());
      const lessons = normaliseText(input.lessons);
      await tx.query(
        `INSERT INTO campaign_reviews (id, campaign_id, kind, reviewed_on, outcome, lessons, recommended_model_ids, progress, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::jsonb, $9, $10)`,
        [id, campaign.id, input.kind, input.reviewedOn, input.outcome, lessons, input.recommendedModelIds, JSON.stringify(progress.goals), caller.subject, now],
      );
      const sequence = await this.campaigns.nextSequence(tx, campaign.id);
      const data: CampaignReviewedV1 = {
        campaignId: campaign.id,
        reviewId: id,
        kind: input.kind,
        reviewedOn: input.reviewedOn,
        outcome: input.outcome,
        lessons,
        recommendedModelIds: input.recommendedModelIds,
        progress: progress.goals.map((goal) => ({ measure: goal.measure, target: goal.target, achieved: goal.achieved })),
      };
      const audit: AuditEntry = { action: 'campaign.manage', entityType: 'campaign', entityId: campaign.id, area: campaign.area, before: null, after: { review: input.kind, outcome: input.outcome } };
      const events = [newEvent({ type: 'campaign', id: campaign.id }, CampaignEventTypes.reviewed, sequence, campaign.area, caller, data, now)];
      return { view: { id, campaignId: campaign.id, kind: input.kind, reviewedOn: input.reviewedOn, outcome: input.outcome, lessons, recommendedModelIds: input.recommendedModelIds, progress: progress.goals }, audit, events };
    });
  }
}
