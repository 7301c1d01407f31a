import { isWithin, type HierarchyNode } from './hierarchy';
import { UnitRuleViolation } from './unit-rule-violation';

/** Clause 3: each district-level unit pilots one or two grassroots units a year. */
export const MAX_PILOTS_PER_YEAR = 2;

const GRASSROOTS = new Set(['commune', 'residential-area', 'establishment']);

export function checkPilotDesignation(district: HierarchyNode, pilot: HierarchyNode, alreadyDesignated: string[]): void {
  if (district.kind !== 'district') {
    throw new UnitRuleViolation('unitId', 'not-district', `${district.code} is a ${district.kind}; pilots are designated by district-level units`);
  }
  if (!GRASSROOTS.has(pilot.kind) || !isWithin(pilot.path, district.path) || pilot.id === district.id) {
    throw new UnitRuleViolation('pilotUnitCode', 'not-grassroots-in-district', `${pilot.code} is not a grassroots unit of ${district.code}`);
  }
  if (pilot.status !== 'active') throw new UnitRuleViolation('pilotUnitCode', 'not-active', `${pilot.code} is ${pilot.status}`);
  if (alreadyDesignated.includes(pilot.id)) {
    throw new UnitRuleViolation('pilotUnitCode', 'already-pilot', `${pilot.code} is already a pilot unit this year`, 409);
  }
  if (alreadyDesignated.length >= MAX_PILOTS_PER_YEAR) {
    throw new UnitRuleViolation(
      'pilotUnitCode',
      'too-many-pilots',
      `${district.code} already has ${MAX_PILOTS_PER_YEAR} pilot units this year (directive clause 3: one or two)`,
      409,
    );
  }
}
