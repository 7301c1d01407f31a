import { IncidentRuleViolation } from './incident-rule-violation';
import { stepDate } from './step-date';

describe('the date of a lifecycle step', () => {
  const now = new Date('2026-10-20T03:00:00Z');
  const previous = { action: 'indict', takenAt: new Date('2026-08-14T02:00:00Z') };

  it('is the date given: a verdict keyed in days after the court gave it', () => {
    expect(stepDate(new Date('2026-10-02T01:30:00Z'), previous, now)).toEqual(new Date('2026-10-02T01:30:00Z'));
  });

  it('is now when none is given', () => {
    expect(stepDate(undefined, previous, now)).toEqual(now);
  });

  it('may fall on the previous step’s very moment, never before it', () => {
    expect(stepDate(previous.takenAt, previous, now)).toEqual(previous.takenAt);
    expect(() => stepDate(new Date('2026-08-13T23:59:59Z'), previous, now)).toThrow(
      expect.objectContaining({ field: 'takenAt', rule: 'step-before-previous', message: expect.stringContaining('indict') }),
    );
    expect(new IncidentRuleViolation('takenAt', 'step-before-previous', '').toProblem()).toMatchObject({ status: 422, errors: [{ field: 'takenAt' }] });
  });

  it('refuses the future beyond a few minutes of clock skew', () => {
    expect(stepDate(new Date(now.getTime() + 60_000), previous, now)).toEqual(new Date(now.getTime() + 60_000));
    expect(() => stepDate(new Date('2026-10-21T00:00:00Z'), previous, now)).toThrow(expect.objectContaining({ field: 'takenAt', rule: 'step-in-future' }));
  });

  it('defaults to the previous step when that one was dated a moment ahead of this clock', () => {
    const ahead = { action: 'verify', takenAt: new Date(now.getTime() + 120_000) };
    expect(stepDate(undefined, ahead, now)).toEqual(ahead.takenAt);
  });
});

