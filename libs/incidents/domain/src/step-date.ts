import { IncidentRuleViolation } from './incident-rule-violation';
import { CLOCK_SKEW_MS } from './report-incident';

/** The step before this one (the report itself counts, on its `reportedAt`). */
export interface PreviousStep {
  action: string;
  takenAt: Date;
}

/**
 * When a lifecycle step happened (issue 24): the date given — the court's verdict is
 * often keyed in days after it was pronounced — or now. A step never precedes the
 * one before it, and never lies in the future (a few minutes of clock skew aside).
 * With no date given and the previous step dated a moment ahead of this clock, the
 * step takes the previous one's moment rather than be refused.
 */
export function stepDate(given: Date | undefined, previous: PreviousStep, now: Date): Date {
  if (given === undefined) return now < previous.takenAt ? previous.takenAt : now;
  if (given.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new IncidentRuleViolation('takenAt', 'step-in-future', `takenAt ${given.toISOString()} lies in the future; give the date the step was taken (thời điểm thực hiện ở tương lai).`);
  }
  if (given < previous.takenAt) {
    throw new IncidentRuleViolation(
      'takenAt',
      'step-before-previous',
      `takenAt ${given.toISOString()} is before the previous step (${previous.action}, ${previous.takenAt.toISOString()}); each step follows the one before (bước sau không thể trước bước trước).`,
    );
  }
  return given;
}
