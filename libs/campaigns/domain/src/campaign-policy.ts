import { CampaignRuleViolation } from './campaign-rule-violation';

const WRITERS = ['officer', 'approver', 'administrator'];
const EVERYONE = ['administrator', 'officer', 'approver', 'analyst', 'auditor'];
const MASS_ORGANISATIONS = ['fatherland-front', 'womens-union', 'youth-union', 'farmers-association', 'veterans-association'];

interface CampaignPermission {
  roles: readonly string[];
  agencies: readonly string[] | 'any';
}

/**
 * Who may do what in the campaigns service (roles × agencies), in one screen.
 * Rules that depend on the record (lead or partner of this campaign, party of
 * this agreement) and the area scope are checked by the use cases on top.
 */
export const campaignPolicy = {
  'campaign.read': { roles: EVERYONE, agencies: 'any' },
  // Mass organisations and sectors run campaigns (clause 2); the committee and police direct them.
  'campaign.manage': { roles: WRITERS, agencies: ['people-committee', 'police', ...MASS_ORGANISATIONS] },
  'campaign.record': { roles: WRITERS, agencies: ['people-committee', 'police', 'justice', ...MASS_ORGANISATIONS] },
  'agreement.record': { roles: WRITERS, agencies: ['people-committee', 'police', 'procuracy', 'court', 'justice', 'press', ...MASS_ORGANISATIONS] },
  // Clause 6: radio and newspapers tell the examples.
  'story.record': { roles: WRITERS, agencies: ['press'] },
  'commendation.award': { roles: WRITERS, agencies: ['people-committee', 'police', ...MASS_ORGANISATIONS] },
} as const satisfies Record<string, CampaignPermission>;

export type CampaignAction = keyof typeof campaignPolicy;

export interface Actor {
  agency: string;
  roles: readonly string[];
}

export function mayPerform(actor: Actor, action: CampaignAction): boolean {
  const permission: CampaignPermission = campaignPolicy[action];
  return actor.roles.some((role) => permission.roles.includes(role)) && (permission.agencies === 'any' || permission.agencies.includes(actor.agency));
}

export function assertMayPerform(actor: Actor, action: CampaignAction): void {
  if (mayPerform(actor, action)) return;
  const permission: CampaignPermission = campaignPolicy[action];
  throw new CampaignRuleViolation(
    'authorization',
    'not-allowed',
    `${action} is for ${permission.roles.join('/')} of ${permission.agencies === 'any' ? 'any agency' : permission.agencies.join(', ')}; you are ${actor.roles.join('/')} of ${actor.agency}.`,
    403,
  );
}
