import {
  allowedTransitions,
  CASE_TRANSITIONS,
  CaseStatuses,
  completedStage,
  decideTransition,
  InvalidTransition,
  TERMINAL_STATUSES,
  WrongAgency,
  type CaseStatus,
} from './case-lifecycle';
import { IncidentRuleViolation } from './incident-rule-violation';

/** Walks a case through steps, each taken by the agency named, and returns where it ends. */
function walk(steps: [action: string, agency: string, extra?: Record<string, string>][]): CaseStatus {
  let status: CaseStatus = 'reported';
  for (const [action, agency, extra] of steps) status = decideTransition(status, { action, agency, ...extra }).transition.to;
  return status;
}

describe('case lifecycle', () => {
  it('takes a case from a tip to a verdict, each step by its own agency', () => {
    expect(
      walk([
        ['verify', 'police'],
        ['start-investigation', 'police'],
        ['refer-to-procuracy', 'police'],
        ['indict', 'procuracy'],
        ['record-verdict', 'court', { verdict: 'convicted', sentenceSummary: '3 năm tù' }],
        ['close', 'court', { reason: 'verdict-final' }],
      ]),
    ).toBe('closed');
  });

  it('mediates at the grassroots through the commune People’s Committee', () => {
    expect(walk([['verify', 'police'], ['resolve-at-grassroots', 'people-committee'], ['close', 'people-committee', { reason: 'mediated' }]])).toBe('closed');
  });

  it('lets the procuracy return a case for further investigation, and the police refer it again', () => {
    expect(
      walk([
        ['verify', 'police'],
        ['start-investigation', 'police'],
        ['refer-to-procuracy', 'police'],
        ['return-for-investigation', 'procuracy'],
        ['refer-to-procuracy', 'police'],
        ['decline-prosecution', 'procuracy'],
      ]),
    ).toBe('not-prosecuted');
  });

  it('closes an investigation for no offence or insufficient evidence, and nothing else', () => {
    const investigating = walk([['verify', 'police'], ['start-investigation', 'police']]);
    expect(decideTransition(investigating, { action: 'close', agency: 'police', reason: 'insufficient-evidence' }).reason).toBe('insufficient-evidence');
    expect(() => decideTransition(investigating, { action: 'close', agency: 'police', reason: 'mediated' })).toThrow(IncidentRuleViolation);
    expect(() => decideTransition(investigating, { action: 'close', agency: 'police' })).toThrow(IncidentRuleViolation);
  });

  it('refuses a step not allowed from the current status, listing the allowed ones', () => {
    const error = captured(() => decideTransition('reported', { action: 'indict', agency: 'procuracy' }));
    expect(error).toBeInstanceOf(InvalidTransition);
    const problem = (error as InvalidTransition).toProblem();
    expect(problem.status).toBe(409);
    expect(problem.allowedTransitions.map((step) => step.action)).toEqual(['verify', 'reject']);
    expect(problem.detail).toContain('verify → verified (police)');
  });

  it('refuses a step of another agency with 403, naming the agency allowed', () => {
    const error = captured(() => decideTransition('referred-to-procuracy', { action: 'indict', agency: 'police' }));
    expect(error).toBeInstanceOf(WrongAgency);
    expect((error as WrongAgency).toProblem()).toMatchObject({ status: 403, allowedAgencies: ['procuracy'] });
    expect(() => decideTransition('indicted', { action: 'record-verdict', agency: 'procuracy', verdict: 'acquitted' })).toThrow(WrongAgency);
    expect(() => decideTransition('verified', { action: 'resolve-at-grassroots', agency: 'police' })).toThrow(WrongAgency);
  });

  it('needs a verdict, and a sentence only for a conviction', () => {
    expect(decideTransition('indicted', { action: 'record-verdict', agency: 'court', verdict: 'acquitted' })).toMatchObject({ verdict: 'acquitted', sentenceSummary: null });
    expect(() => decideTransition('indicted', { action: 'record-verdict', agency: 'court' })).toThrow(IncidentRuleViolation);
    expect(() => decideTransition('indicted', { action: 'record-verdict', agency: 'court', verdict: 'convicted' })).toThrow(IncidentRuleViolation);
    expect(() => decideTransition('indicted', { action: 'record-verdict', agency: 'court', verdict: 'acquitted', sentenceSummary: '2 năm' })).toThrow(IncidentRuleViolation);
    expect(() => decideTransition('reported', { action: 'verify', agency: 'police', verdict: 'convicted' })).toThrow(IncidentRuleViolation);
  });

  it('has no step out of a rejected or closed case, and a step out of every other status', () => {
    for (const status of CaseStatuses) {
      expect([status, allowedTransitions(status).length > 0]).toEqual([status, !TERMINAL_STATUSES.includes(status)]);
    }
    expect(() => decideTransition('closed', { action: 'verify', agency: 'police' })).toThrow(/takes no further steps/);
  });

  it('reaches every status from "reported"', () => {
    const reached = new Set<CaseStatus>(['reported']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const transition of CASE_TRANSITIONS) {
        if (reached.has(transition.from) && !reached.has(transition.to)) {
          reached.add(transition.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CaseStatuses].sort());
  });

  it('measures the stage each step completes', () => {
    const reportedAt = new Date('2026-07-01T00:00:00Z');
    const now = new Date('2026-07-03T00:00:00Z');
    const milestones = { reportedAt, verifiedAt: new Date('2026-07-02T00:00:00Z'), referredAt: null, indictedAt: null };
    expect(completedStage('verified', milestones, now)).toEqual({ stage: 'reported-verified', startedAt: reportedAt, endedAt: now, seconds: 172_800 });
    expect(completedStage('referred-to-procuracy', milestones, now)?.seconds).toBe(86_400);
    expect(completedStage('under-investigation', milestones, now)).toBeNull();
  });
});

function captured(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
