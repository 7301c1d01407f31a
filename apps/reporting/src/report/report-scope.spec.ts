import { inArea, previousQuarter, sameQuarterLastYear } from './report-scope';

describe('report scope', () => {
  it('steps back a quarter and a year', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(sameQuarterLastYear('2026-Q3')).toBe('2025-Q3');
  });

  it('filters by path prefix as at the time, and through lineage as today', () => {
    expect(inArea('r', 'as-at-time')).toBe(`(r.path = $1 OR r.path LIKE $1 || '.%')`);
    expect(inArea('r', 'as-today', 2)).toContain('unit_today_v1');
    expect(inArea('r', 'as-today', 2)).toContain('$2');
  });
});
