import { isWithinPeriod, vietnamDate, type CalendarDate } from './calendar';
import { CampaignRuleViolation } from './campaign-rule-violation';
import { isWithinPath } from './area-paths';
import type { CampaignState } from './campaign';

export const ActivityKinds = ['meeting', 'propaganda-session', 'training', 'patrol', 'mediation-session', 'inspection'] as const;
export type ActivityKind = (typeof ActivityKinds)[number];

/** Groups of people counted among the participants (a person may be in none of them). */
export const ParticipantGroups = ['youth', 'women', 'veterans', 'farmers', 'elderly', 'students', 'workers', 'ethnic-minorities', 'religious-followers', 'officials'] as const;
export type ParticipantGroup = (typeof ParticipantGroups)[number];

export interface Participants {
  total: number;
  byGroup: Partial<Record<ParticipantGroup, number>>;
}

export interface ActivityRecord {
  kind: ActivityKind;
  heldOn: CalendarDate;
  unitPath: string;
  organisingAgency: string;
  participants: Participants;
}

/** The unit lies in the campaign's scope: one of its units or anywhere below one. */
export function isInScope(campaign: Pick<CampaignState, 'scopePaths'>, unitPath: string): boolean {
  return campaign.scopePaths.some((scopePath) => isWithinPath(unitPath, scopePath));
}

export function assertInScope(campaign: Pick<CampaignState, 'scopePaths'>, unitPath: string, field: string): void {
  if (!isInScope(campaign, unitPath)) {
    throw new CampaignRuleViolation(field, 'outside-scope', `the unit (${unitPath}) is outside the campaign's scope (${campaign.scopePaths.join(', ')})`);
  }
}

export function assertRunning(campaign: Pick<CampaignState, 'status'>, what: string): void {
  if (campaign.status !== 'active') {
    throw new CampaignRuleViolation('campaignId', 'not-active', `${what} is recorded while the campaign is active; it is ${campaign.status}`, 409);
  }
}

/** Groups may overlap (a young woman counts in both) but none exceeds the total. */
export function checkParticipants(participants: Participants, field = 'participants'): void {
  for (const [group, count] of Object.entries(participants.byGroup)) {
    if (count !== undefined && count > participants.total) {
      throw new CampaignRuleViolation(`${field}.byGroup.${group}`, 'group-exceeds-total', `${count} ${group} is more than the ${participants.total} participants in total`);
    }
  }
}

/** An activity belongs to the campaign only inside its scope and period, by one of its agencies. */
export function checkActivity(campaign: CampaignState, activity: ActivityRecord, now: Date): void {
  assertRunning(campaign, 'an activity');
  if (!isWithinPeriod(activity.heldOn, campaign.startsOn, campaign.endsOn)) {
    throw new CampaignRuleViolation('heldOn', 'outside-period', `${activity.heldOn} is outside the campaign's period (${campaign.startsOn} to ${campaign.endsOn})`);
  }
  if (activity.heldOn > vietnamDate(now)) throw new CampaignRuleViolation('heldOn', 'in-future', `${activity.heldOn} has not come yet; record an activity once it was held`);
  assertInScope(campaign, activity.unitPath, 'unitCode');
  if (activity.organisingAgency !== campaign.leadAgency && !campaign.partnerAgencies.includes(activity.organisingAgency)) {
    throw new CampaignRuleViolation('organisingAgency', 'not-a-party', `${activity.organisingAgency} is neither the lead nor a partner of the campaign`);
  }
  checkParticipants(activity.participants);
}
