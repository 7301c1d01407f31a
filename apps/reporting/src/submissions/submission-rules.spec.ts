import { submissionDeadline, submissionState } from './submission-rules';

describe('report submission rules', () => {
  it('puts the deadline N days after the quarter ends in Vietnam', () => {
    // Q3 ends 30 Sep 24:00 in Việt Trì = 30 Sep 17:00 UTC; ten days later.
    expect(submissionDeadline('2026-Q3', 10).toISOString()).toBe('2026-10-10T17:00:00.000Z');
    expect(submissionDeadline('2026-Q4', 0).toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  it('classifies on time, late, missing and overdue', () => {
    const deadline = new Date('2026-10-10T17:00:00Z');
    const before = new Date('2026-10-05T00:00:00Z');
    const after = new Date('2026-10-12T00:00:00Z');
    expect(submissionState({ status: 'submitted', submittedAt: before }, deadline, after)).toBe('submitted-on-time');
    expect(submissionState({ status: 'submitted', submittedAt: after }, deadline, after)).toBe('submitted-late');
    expect(submissionState({ status: 'approved', submittedAt: after }, deadline, after)).toBe('approved');
    expect(submissionState({ status: 'returned', submittedAt: before }, deadline, after)).toBe('returned');
    expect(submissionState(null, deadline, before)).toBe('missing');
    expect(submissionState(null, deadline, after)).toBe('overdue');
  });
});
