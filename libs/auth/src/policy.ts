import type { Agency, Caller, Role } from './caller';

// The people of the agencies; operators of the platform itself read no agency's data.
const ALL_ROLES: Role[] = ['administrator', 'officer', 'approver', 'analyst', 'auditor'];
const MASS_ORGANISATIONS: Agency[] = ['fatherland-front', 'womens-union', 'youth-union', 'farmers-association', 'veterans-association'];

export interface Permission {
  roles: Role[];
  /** Agencies allowed, or every agency. */
  agencies: Agency[] | 'any';
  /** Only callers whose area is the whole province: settings that apply to every area, and operations of the platform. */
  level?: 'province';
}

/**
 * Who may do what, in one place (roles × agencies × actions). Area scope is
 * separate: every action is further limited to the caller's area by the services.
 */
export const policy = {
  'unit.read': { roles: ALL_ROLES, agencies: 'any' },
  'unit.register': { roles: ['administrator', 'officer'], agencies: ['people-committee'] },
  'unit.reorganise': { roles: ['administrator', 'officer', 'approver'], agencies: ['people-committee'] },
  'unit.rate': { roles: ['officer', 'approver'], agencies: ['police', 'people-committee', 'fatherland-front'] },
  'unit.certify': { roles: ['officer', 'approver'], agencies: ['people-committee', 'police'] },
  'unit.designate': { roles: ['officer', 'approver'], agencies: ['police', 'people-committee'] },
  'unit.forces': { roles: ['officer'], agencies: ['police', 'people-committee'] },
  'model.manage': { roles: ['officer', 'approver'], agencies: ['people-committee', 'police', ...MASS_ORGANISATIONS] },
  'report.read': { roles: ALL_ROLES, agencies: 'any' },
  'report.submit': { roles: ['officer', 'approver'], agencies: ['people-committee', 'police'] },
  'report.review': { roles: ['approver'], agencies: ['police', 'fatherland-front', 'people-committee'] },
  // Operations of the platform: its operators (the `system` agency), for the whole province.
  'projection.rebuild': { roles: ['operator'], agencies: ['system'], level: 'province' },
  'audit.read': { roles: ['auditor', 'administrator'], agencies: 'any' },
  // Incidents (issue 4). Which agency takes which lifecycle step is the state machine's
  // (libs/incidents/domain); the policy admits the agencies that take any step.
  'incident.read': { roles: ALL_ROLES, agencies: ['police', 'procuracy', 'court', 'people-committee', 'justice'] },
  'incident.report': { roles: ['officer', 'approver'], agencies: ['police', 'people-committee'] },
  'incident.transition': { roles: ['officer', 'approver'], agencies: ['police', 'procuracy', 'court', 'people-committee'] },
  'incident.transfer': { roles: ['officer', 'approver'], agencies: ['police'] },
  'incident.informant.read': { roles: ['approver'], agencies: ['police', 'procuracy'] },
  // The taxonomy is the province's: retiring a category retires it in every district.
  'incident.taxonomy.manage': { roles: ['administrator'], agencies: ['police', 'people-committee'], level: 'province' },
  // Campaigns (clauses 2, 6): mass organisations and sectors run them; the committee and police direct them.
  // Rules that depend on the record (lead or partner of this campaign, party of this agreement) are the use cases'.
  'campaign.read': { roles: ALL_ROLES, agencies: 'any' },
  'campaign.manage': { roles: ['officer', 'approver', 'administrator'], agencies: ['people-committee', 'police', ...MASS_ORGANISATIONS] },
  'campaign.record': { roles: ['officer', 'approver', 'administrator'], agencies: ['people-committee', 'police', 'justice', ...MASS_ORGANISATIONS] },
  'agreement.record': { roles: ['officer', 'approver', 'administrator'], agencies: ['people-committee', 'police', 'procuracy', 'court', 'justice', 'press', ...MASS_ORGANISATIONS] },
  // Clause 6: radio and newspapers tell the examples.
  'story.record': { roles: ['officer', 'approver', 'administrator'], agencies: ['press'] },
  'commendation.award': { roles: ['officer', 'approver', 'administrator'], agencies: ['people-committee', 'police', ...MASS_ORGANISATIONS] },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof policy;

/** The province's own area: a path of one code (25), above every district and commune. */
export const isProvinceLevel = (area: string): boolean => !area.includes('.');

export function isAllowed(caller: Pick<Caller, 'roles' | 'agency' | 'area'>, action: Action): boolean {
  const permission: Permission = policy[action];
  const roleAllowed = caller.roles.some((role) => permission.roles.includes(role));
  const agencyAllowed = permission.agencies === 'any' || permission.agencies.includes(caller.agency);
  const levelAllowed = permission.level !== 'province' || isProvinceLevel(caller.area);
  return roleAllowed && agencyAllowed && levelAllowed;
}
