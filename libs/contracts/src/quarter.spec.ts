import { isQuarter, quarterOf } from './quarter';

describe('quarterOf (Asia/Ho_Chi_Minh)', () => {
  it('puts an instant late on 30 June UTC into Q3 in Vietnam', () => {
    expect(quarterOf('2026-06-30T17:30:00Z')).toBe('2026-Q3');
  });

  it('keeps an instant just before Vietnamese midnight in Q2', () => {
    expect(quarterOf('2026-06-30T16:59:59Z')).toBe('2026-Q2');
  });

  it('moves New Year in Vietnam into the next year', () => {
    expect(quarterOf('2025-12-31T17:00:00Z')).toBe('2026-Q1');
  });

  it('refuses an invalid instant', () => {
    expect(() => quarterOf('not a date')).toThrow(RangeError);
  });

  it('recognises the quarter format', () => {
    expect(isQuarter('2026-Q4')).toBe(true);
    expect(isQuarter('2026-Q5')).toBe(false);
  });
});
