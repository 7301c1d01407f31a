import { vietnamDate, type CalendarDate } from './calendar';
import { CampaignRuleViolation } from './campaign-rule-violation';
import type { CampaignState } from './campaign';

export const ReviewKinds = ['interim', 'final'] as const;
export type ReviewKind = (typeof ReviewKinds)[number];

export const ReviewOutcomes = ['achieved', 'partly-achieved', 'not-achieved'] as const;
export type ReviewOutcome = (typeof ReviewOutcomes)[number];

/**
 * Sơ kết and tổng kết: interim reviews while the campaign runs, one final
 * review at its end (after which only closing remains).
 */
export function checkCampaignReview(campaign: CampaignState, kind: ReviewKind, reviewedOn: CalendarDate, now: Date): void {
  if (campaign.status !== 'active') {
    throw new CampaignRuleViolation('campaignId', 'not-active', `a campaign is reviewed while active; it is ${campaign.status}`, 409);
  }
  if (campaign.reviews.some((review) => review.kind === 'final')) {
    throw new CampaignRuleViolation('kind', 'final-review-exists', 'the campaign already has its final review (tổng kết)', 409);
  }
  if (reviewedOn > vietnamDate(now)) throw new CampaignRuleViolation('reviewedOn', 'in-future', `${reviewedOn} has not come yet`);
  if (reviewedOn < campaign.startsOn) throw new CampaignRuleViolation('reviewedOn', 'before-start', `the campaign starts on ${campaign.startsOn}`);
  if (kind === 'interim' && reviewedOn > campaign.endsOn) {
    throw new CampaignRuleViolation('kind', 'interim-after-end', 'the period is over: hold the final review (tổng kết)');
  }
}
