import { currentQuarter, isQuarter, quartersUpTo, shiftQuarter } from '../src/quarters';

describe('quarters in Vietnam time', () => {
  it('counts the quarter in UTC+7', () => {
    expect(currentQuarter(new Date('2026-09-30T16:59:59Z'))).toBe('2026-Q3');
    expect(currentQuarter(new Date('2026-09-30T17:00:00Z'))).toBe('2026-Q4');
  });

  it('moves across years and lists the quarters up to one, oldest first', () => {
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(quartersUpTo('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(isQuarter('2026-Q5')).toBe(false);
  });
});
