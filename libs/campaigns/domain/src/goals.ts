import { elapsedShare, type CalendarDate } from './calendar';
import { CampaignRuleViolation } from './campaign-rule-violation';
import type { ActivityKind } from './activity';

/**
 * What a campaign can measure itself by; each is computed from what was
 * recorded (activities, pledges, stories), never typed in by hand.
 */
export const GoalMeasures = [
  'households-pledged',
  'activities-held',
  'participants',
  'meetings-held',
  'propaganda-sessions-held',
  'people-trained',
  'patrols-held',
  'mediation-sessions-held',
  'inspections-held',
  'stories-published',
] as const;
export type GoalMeasure = (typeof GoalMeasures)[number];

export interface Goal {
  measure: GoalMeasure;
  target: number;
}

/** What was recorded for a campaign, reduced to what the measures need. */
export interface CampaignFacts {
  activities: readonly { kind: ActivityKind; participantsTotal: number }[];
  pledgedHouseholds: readonly number[];
  storiesPublished: number;
}

const COUNT_OF_KIND: Partial<Record<GoalMeasure, ActivityKind>> = {
  'meetings-held': 'meeting',
  'propaganda-sessions-held': 'propaganda-session',
  'patrols-held': 'patrol',
  'mediation-sessions-held': 'mediation-session',
  'inspections-held': 'inspection',
};

export function achieved(measure: GoalMeasure, facts: CampaignFacts): number {
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
  switch (measure) {
    case 'households-pledged':
      return sum(facts.pledgedHouseholds);
    case 'activities-held':
      return facts.activities.length;
    case 'participants':
      return sum(facts.activities.map((activity) => activity.participantsTotal));
    case 'people-trained':
      return sum(facts.activities.filter((activity) => activity.kind === 'training').map((activity) => activity.participantsTotal));
    case 'stories-published':
      return facts.storiesPublished;
    default:
      return facts.activities.filter((activity) => activity.kind === COUNT_OF_KIND[measure]).length;
  }
}

export function checkGoals(goals: readonly Goal[]): void {
  const seen = new Set<GoalMeasure>();
  goals.forEach((goal, index) => {
    if (seen.has(goal.measure)) throw new CampaignRuleViolation(`goals[${index}].measure`, 'duplicate-goal', `${goal.measure} has two targets; give one`);
    seen.add(goal.measure);
  });
}

export interface GoalProgress extends Goal {
  achieved: number;
  /** achieved / target, not capped: 1.25 means a quarter above target. */
  ratio: number;
  met: boolean;
  /** At least as far along as the share of the period gone by. */
  onTrack: boolean;
}

export interface CampaignProgress {
  asOf: CalendarDate;
  elapsedShare: number;
  goals: GoalProgress[];
  goalsMet: number;
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Progress of each goal on a day, against the share of the period gone by. */
export function computeProgress(campaign: { startsOn: CalendarDate; endsOn: CalendarDate; goals: readonly Goal[] }, facts: CampaignFacts, today: CalendarDate): CampaignProgress {
  const elapsed = round(elapsedShare(campaign.startsOn, campaign.endsOn, today));
  const goals = campaign.goals.map((goal) => {
    const value = achieved(goal.measure, facts);
    const ratio = round(value / goal.target);
    return { ...goal, achieved: value, ratio, met: value >= goal.target, onTrack: ratio >= elapsed };
  });
  return { asOf: today, elapsedShare: elapsed, goals, goalsMet: goals.filter((goal) => goal.met).length };
}
