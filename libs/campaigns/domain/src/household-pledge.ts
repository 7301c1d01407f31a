import { periodsOverlap, type CalendarDate } from './calendar';
import { CampaignRuleViolation } from './campaign-rule-violation';
import { assertInScope, assertRunning } from './activity';
import type { CampaignState } from './campaign';

/** Cam kết đảm bảo an ninh trật tự: households of a unit pledge for a period. */
export interface HouseholdPledge {
  unitPath: string;
  households: number;
  validFrom: CalendarDate;
  validTo: CalendarDate;
}

/**
 * A pledge counts toward the campaign once: its period starts inside the
 * campaign's, and a unit has no two pledges for overlapping periods (a renewal
 * follows the previous one).
 */
export function checkPledge(campaign: CampaignState, pledge: HouseholdPledge, existing: readonly { unitPath: string; validFrom: CalendarDate; validTo: CalendarDate }[]): void {
  assertRunning(campaign, 'a pledge');
  assertInScope(campaign, pledge.unitPath, 'unitCode');
  if (pledge.validTo < pledge.validFrom) throw new CampaignRuleViolation('validTo', 'period-reversed', `validTo (${pledge.validTo}) is before validFrom (${pledge.validFrom})`);
  if (pledge.validFrom < campaign.startsOn || pledge.validFrom > campaign.endsOn) {
    throw new CampaignRuleViolation('validFrom', 'outside-period', `a pledge for this campaign starts within its period (${campaign.startsOn} to ${campaign.endsOn})`);
  }
  const clash = existing.find(
    (other) => other.unitPath === pledge.unitPath && periodsOverlap({ from: other.validFrom, to: other.validTo }, { from: pledge.validFrom, to: pledge.validTo }),
  );
  if (clash) {
    throw new CampaignRuleViolation('validFrom', 'pledge-overlaps', `the unit already pledged for ${clash.validFrom} to ${clash.validTo}; a new pledge starts after it`, 409);
  }
}
