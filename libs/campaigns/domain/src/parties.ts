import { PlatformAgencies } from '@binh-yen/shared-kernel';
import { CampaignRuleViolation } from './campaign-rule-violation';

/**
 * Agencies that can take part in campaigns and agreements (clause 2): the
 * platform's agencies, plus sectors of the People's Committee written
 * `sector:<slug>` (e.g. `sector:education`), which sign agreements but have no
 * accounts of their own.
 */
export const PARTY_PATTERN = `^(${PlatformAgencies.join('|')}|sector:[a-z][a-z0-9-]{1,40})$`;

const PARTY = new RegExp(PARTY_PATTERN);

export function isParty(value: string): boolean {
  return PARTY.test(value);
}

/** Every party is a known agency or a sector, listed once. */
export function checkDistinctParties(parties: readonly string[], field: string): void {
  const seen = new Set<string>();
  parties.forEach((party, index) => {
    if (!isParty(party)) throw new CampaignRuleViolation(`${field}[${index}]`, 'unknown-party', `${party} is not an agency or a sector ("sector:education")`);
    if (seen.has(party)) throw new CampaignRuleViolation(`${field}[${index}]`, 'duplicate-party', `${party} is listed twice`);
    seen.add(party);
  });
}
