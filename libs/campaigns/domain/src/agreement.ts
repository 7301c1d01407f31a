import { vietnamDate, type CalendarDate } from './calendar';
import { CampaignRuleViolation } from './campaign-rule-violation';
import { commonAncestor } from './area-paths';
import { checkDistinctParties } from './parties';

/** Quy chế phối hợp liên tịch: who signed, when, where it applies, for how long, who does what. */
export interface AgreementTerms {
  parties: readonly string[];
  signedOn: CalendarDate;
  effectiveFrom: CalendarDate;
  /** null: until replaced. */
  effectiveTo: CalendarDate | null;
  scopePaths: readonly string[];
  obligations: readonly { party: string; text: string }[];
}

/**
 * A joint agreement has at least two parties, is recorded by one of them once
 * signed, and binds each party to something (an obligation names a party).
 */
export function checkAgreement(terms: AgreementTerms, recordingAgency: string, now: Date): void {
  checkDistinctParties(terms.parties, 'parties');
  if (terms.parties.length < 2) throw new CampaignRuleViolation('parties', 'too-few-parties', 'a joint agreement has at least two parties');
  if (!terms.parties.includes(recordingAgency)) {
    throw new CampaignRuleViolation('parties', 'recorder-not-party', `only a party of the agreement records it; ${recordingAgency} is not among its parties`, 403);
  }
  if (terms.signedOn > vietnamDate(now)) throw new CampaignRuleViolation('signedOn', 'in-future', `${terms.signedOn} has not come yet; record an agreement once it is signed`);
  if (terms.effectiveFrom < terms.signedOn) throw new CampaignRuleViolation('effectiveFrom', 'before-signing', 'an agreement takes effect on or after the day it is signed');
  if (terms.effectiveTo !== null && terms.effectiveTo < terms.effectiveFrom) {
    throw new CampaignRuleViolation('effectiveTo', 'period-reversed', `effectiveTo (${terms.effectiveTo}) is before effectiveFrom (${terms.effectiveFrom})`);
  }
  terms.obligations.forEach((obligation, index) => {
    if (!terms.parties.includes(obligation.party)) {
      throw new CampaignRuleViolation(`obligations[${index}].party`, 'obligation-of-non-party', `${obligation.party} is not a party of the agreement`);
    }
  });
  const bound = new Set(terms.obligations.map((obligation) => obligation.party));
  const idle = terms.parties.find((party) => !bound.has(party));
  if (idle) throw new CampaignRuleViolation('obligations', 'party-without-obligation', `${idle} signs the agreement but has no obligation in it`);
  agreementArea(terms.scopePaths);
}

/** Like a campaign's, an agreement's area is the deepest unit above all of its scope. */
export function agreementArea(scopePaths: readonly string[]): string {
  const area = commonAncestor(scopePaths);
  if (area === null) throw new CampaignRuleViolation('scopeUnitCodes', 'scope-without-common-unit', 'the units of an agreement lie under one province');
  return area;
}
