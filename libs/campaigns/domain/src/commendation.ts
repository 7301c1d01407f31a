import { vietnamDate, type CalendarDate } from './calendar';
import { CampaignRuleViolation } from './campaign-rule-violation';

export const CommendationLevels = ['province', 'district', 'commune'] as const;
export type CommendationLevel = (typeof CommendationLevels)[number];

export const RecipientKinds = ['person', 'collective', 'unit'] as const;
export type RecipientKind = (typeof RecipientKinds)[number];

export interface Recipient {
  kind: RecipientKind;
  /** The person's or collective's name; a unit is named by its code. */
  name: string | null;
}

const RANK: Record<CommendationLevel, number> = { province: 3, district: 2, commune: 1 };

/** The level an issuer's area can award at: its own and the ones below. */
function levelOfArea(unitKind: string): number {
  if (unitKind === 'province') return RANK.province;
  if (unitKind === 'district') return RANK.district;
  if (unitKind === 'commune') return RANK.commune;
  return 0;
}

export function checkRecipient(recipient: Recipient): void {
  if (recipient.kind !== 'unit' && (recipient.name === null || recipient.name.trim() === '')) {
    throw new CampaignRuleViolation('recipient.name', 'name-missing', `a commendation to a ${recipient.kind} names them`);
  }
  if (recipient.kind === 'unit' && recipient.name !== null) {
    throw new CampaignRuleViolation('recipient.name', 'name-unexpected', 'a unit is named by recipient.unitCode; leave recipient.name out');
  }
}

/**
 * A commendation names its recipient and is awarded at the issuer's level or
 * below: a district cannot award a provincial certificate of merit (bằng khen).
 * The issuer's level is the kind of the unit its area is.
 */
export function checkCommendation(
  commendation: { level: CommendationLevel; recipient: Recipient; awardedOn: CalendarDate },
  issuerAreaKind: string,
  now: Date,
): void {
  checkRecipient(commendation.recipient);
  if (commendation.awardedOn > vietnamDate(now)) throw new CampaignRuleViolation('awardedOn', 'in-future', `${commendation.awardedOn} has not come yet`);
  if (RANK[commendation.level] > levelOfArea(issuerAreaKind)) {
    throw new CampaignRuleViolation('level', 'level-above-issuer', `a ${issuerAreaKind} area cannot award a ${commendation.level}-level commendation`, 403);
  }
}
