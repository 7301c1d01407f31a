import { countOf, vietnamDateTime, vietnamNowLocal, vietnamToday } from '../src/forms/vietnam-time';

describe("the forms' times, in Vietnam's zone", () => {
  it('sends a time typed in Vietnam with its +07:00 offset: the same instant the officer meant', () => {
    expect(vietnamDateTime('2026-10-05T08:30')).toBe('2026-10-05T08:30:00+07:00');
    expect(new Date(vietnamDateTime('2026-10-05T08:30')).toISOString()).toBe('2026-10-05T01:30:00.000Z');
    expect(vietnamDateTime('2026-10-05T08:30:15')).toBe('2026-10-05T08:30:15+07:00');
  });

  it("starts the fields at now and today in Vietnam, whatever the browser's zone (23:30 UTC is the next day there)", () => {
    const lateUtc = Date.parse('2026-12-31T23:30:00Z');
    expect(vietnamNowLocal(lateUtc)).toBe('2027-01-01T06:30');
    expect(vietnamToday(lateUtc)).toBe('2027-01-01');
  });

  it('reads an empty count as absent and a typed one as a number (0 included)', () => {
    expect(countOf('')).toBeUndefined();
    expect(countOf('  ')).toBeUndefined();
    expect(countOf('0')).toBe(0);
    expect(countOf('40')).toBe(40);
  });
});
