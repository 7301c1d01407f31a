import { UnitRuleViolation } from './unit-rule-violation';

/** Clause 4: the core forces of the movement. */
export const ForceTypes = ['commune-police', 'neighbourhood-guard', 'agency-guard', 'enterprise-guard', 'mass-security-team'] as const;
export type ForceType = (typeof ForceTypes)[number];

export function checkTrainingSession(session: { startsOn: string; endsOn: string; trainees: number; hours: number }): void {
  if (session.endsOn < session.startsOn) throw new UnitRuleViolation('endsOn', 'ends-before-start', 'endsOn is before startsOn');
  if (session.trainees < 1) throw new UnitRuleViolation('trainees', 'no-trainees', 'a session needs at least one trainee');
  if (session.hours <= 0) throw new UnitRuleViolation('hours', 'no-hours', 'hours must be positive');
}
