import { vietnamDate, periodsOverlap, type CalendarDate } from './calendar';
import { CampaignRuleViolation } from './campaign-rule-violation';
import { commonAncestor } from './area-paths';
import { checkGoals, type Goal } from './goals';
import { checkDistinctParties, isParty } from './parties';

export const CampaignStatuses = ['planned', 'active', 'closed'] as const;
export type CampaignStatus = (typeof CampaignStatuses)[number];

/** What the rules need to know about a campaign. */
export interface CampaignState {
  status: CampaignStatus;
  leadAgency: string;
  partnerAgencies: readonly string[];
  scopePaths: readonly string[];
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  reviews: readonly { kind: 'interim' | 'final' }[];
}

export interface CampaignPlan {
  leadAgency: string;
  partnerAgencies: readonly string[];
  scopePaths: readonly string[];
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  goals: readonly Goal[];
}

/**
 * A campaign's area is the deepest unit above every unit of its scope: a
 * campaign in two communes of Việt Trì belongs to Việt Trì, and appears in
 * Việt Trì's and the province's reports.
 */
export function campaignArea(scopePaths: readonly string[]): string {
  const area = commonAncestor(scopePaths);
  if (area === null) throw new CampaignRuleViolation('scopeUnitCodes', 'scope-without-common-unit', 'the units of a campaign lie under one province');
  return area;
}

export function checkPlan(plan: CampaignPlan): void {
  if (plan.endsOn < plan.startsOn) throw new CampaignRuleViolation('endsOn', 'period-reversed', `endsOn (${plan.endsOn}) is before startsOn (${plan.startsOn})`);
  if (!isParty(plan.leadAgency)) throw new CampaignRuleViolation('leadAgency', 'unknown-party', `${plan.leadAgency} is not an agency or a sector`);
  checkDistinctParties(plan.partnerAgencies, 'partnerAgencies');
  const lead = plan.partnerAgencies.indexOf(plan.leadAgency);
  if (lead >= 0) throw new CampaignRuleViolation(`partnerAgencies[${lead}]`, 'lead-as-partner', `${plan.leadAgency} leads the campaign; list only the other agencies as partners`);
  checkGoals(plan.goals);
  campaignArea(plan.scopePaths);
}

/** The agencies of a campaign: its lead and its partners. */
export function isCampaignParty(campaign: Pick<CampaignState, 'leadAgency' | 'partnerAgencies'>, agency: string): boolean {
  return agency === campaign.leadAgency || campaign.partnerAgencies.includes(agency);
}

/** The lead agency runs the campaign; the People's Committee of its area directs it. */
function mayDirect(campaign: Pick<CampaignState, 'leadAgency'>, agency: string): boolean {
  return agency === campaign.leadAgency || agency === 'people-committee';
}

/** Launching is the first act of directing: by the agency that will lead, or the People's Committee. */
export function assertMayLaunch(plan: Pick<CampaignPlan, 'leadAgency'>, agency: string): void {
  if (!mayDirect(plan, agency)) {
    throw new CampaignRuleViolation('leadAgency', 'not-lead-agency', `a campaign is launched by its lead agency or the People's Committee; you are ${agency}`, 403);
  }
}

export function assertMayDirect(campaign: Pick<CampaignState, 'leadAgency'>, agency: string): void {
  if (!mayDirect(campaign, agency)) {
    throw new CampaignRuleViolation('authorization', 'not-lead-agency', `only the lead agency (${campaign.leadAgency}) or the People's Committee directs this campaign`, 403);
  }
}

export function assertParty(campaign: Pick<CampaignState, 'leadAgency' | 'partnerAgencies'>, agency: string): void {
  if (!isCampaignParty(campaign, agency)) {
    throw new CampaignRuleViolation('authorization', 'not-a-party', `${agency} is neither the lead nor a partner of this campaign`, 403);
  }
}

const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  planned: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

/**
 * planned → active → closed; a planned campaign may be called off (closed).
 * An active campaign closes only after its final review (tổng kết), and a
 * campaign is activated once its period has begun.
 */
export function checkTransition(campaign: CampaignState, to: CampaignStatus, on: CalendarDate, now: Date): void {
  if (!TRANSITIONS[campaign.status].includes(to)) {
    throw new CampaignRuleViolation('status', 'invalid-transition', `a ${campaign.status} campaign cannot become ${to}`, 409);
  }
  if (on > vietnamDate(now)) throw new CampaignRuleViolation('on', 'in-future', `${on} has not come yet`);
  if (to === 'active' && on < campaign.startsOn) {
    throw new CampaignRuleViolation('on', 'before-start', `the campaign starts on ${campaign.startsOn}; activate it from then`);
  }
  if (to === 'closed' && campaign.status === 'active' && !campaign.reviews.some((review) => review.kind === 'final')) {
    throw new CampaignRuleViolation('status', 'final-review-missing', 'close the campaign after its final review (tổng kết)', 409);
  }
}

/** A campaign implements an agreement its lead signed, in force during part of its period. */
export function checkAgreementLink(
  campaign: CampaignState,
  agreement: { parties: readonly string[]; effectiveFrom: CalendarDate; effectiveTo: CalendarDate | null },
  alreadyLinked: boolean,
  field = 'agreementId',
): void {
  if (campaign.status === 'closed') throw new CampaignRuleViolation('campaignId', 'closed', 'the campaign is closed', 409);
  if (alreadyLinked) throw new CampaignRuleViolation(field, 'already-linked', 'the campaign already implements this agreement', 409);
  if (!agreement.parties.includes(campaign.leadAgency)) {
    throw new CampaignRuleViolation(field, 'lead-not-party', `the campaign's lead agency (${campaign.leadAgency}) is not a party of this agreement`);
  }
  if (!periodsOverlap({ from: campaign.startsOn, to: campaign.endsOn }, { from: agreement.effectiveFrom, to: agreement.effectiveTo })) {
    throw new CampaignRuleViolation(field, 'agreement-not-in-force', "the agreement is not in force during any part of the campaign's period");
  }
}
