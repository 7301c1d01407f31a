import { compareQuarters, parseQuarter, quarterContaining } from './quarter';
import { UnitRuleViolation } from './unit-rule-violation';

/** xếp loại phong trào: vững mạnh / khá / trung bình / yếu */
export const MovementRatings = ['strong', 'fair', 'average', 'weak'] as const;
export type MovementRating = (typeof MovementRatings)[number];

export interface ImprovementPlan {
  actions: string[];
  responsibleAgency: string;
  targetQuarter: string;
}

export interface RatingDecision {
  unitStatus: 'active' | 'merged' | 'split' | 'dissolved';
  quarter: string;
  rating: MovementRating;
  improvementPlan?: ImprovementPlan | null;
}

/**
 * A quarter can be rated from the day it starts; a unit no longer active cannot
 * be rated; a weak rating must come with a plan to improve by a later quarter.
 */
export function checkRating(decision: RatingDecision, now: Date): void {
  if (decision.unitStatus !== 'active') {
    throw new UnitRuleViolation('unitId', 'unit-not-active', `the unit is ${decision.unitStatus}; only active units are rated`);
  }
  const quarter = parseQuarter(decision.quarter);
  if (compareQuarters(quarter, quarterContaining(now)) > 0) {
    throw new UnitRuleViolation('quarter', 'future-quarter', `${decision.quarter} has not begun; rate a quarter that has started`);
  }
  if (decision.rating === 'weak') {
    const plan = decision.improvementPlan;
    if (!plan || plan.actions.length === 0) {
      throw new UnitRuleViolation('improvementPlan', 'plan-required', 'a weak rating needs an improvement plan: actions, responsible agency and target quarter');
    }
    if (compareQuarters(parseQuarter(plan.targetQuarter), quarter) <= 0) {
      throw new UnitRuleViolation('improvementPlan.targetQuarter', 'target-not-later', 'the target quarter must come after the rated quarter');
    }
  }
}
