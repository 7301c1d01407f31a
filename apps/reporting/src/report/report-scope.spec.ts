import { sqlWithinArea } from '@binh-yen/auth';
import { inArea, lastQuarterOf, previousPeriod, previousQuarter, quartersOf, samePeriodLastYear, sameQuarterLastYear } from './report-scope';

describe('report scope', () => {
  it('steps back a quarter and a year', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(sameQuarterLastYear('2026-Q3')).toBe('2025-Q3');
  });

  it('rolls a year up from its four quarters and compares it with the year before', () => {
    expect(quartersOf('2026')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(quartersOf('2026-Q2')).toEqual(['2026-Q2']);
    expect(lastQuarterOf('2026')).toBe('2026-Q4');
    expect(lastQuarterOf('2026-Q2')).toBe('2026-Q2');
    expect(previousPeriod('2026')).toBe('2025');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(samePeriodLastYear('2026')).toBe('2025');
    expect(samePeriodLastYear('2026-Q1')).toBe('2025-Q1');
  });

  it('filters by path prefix as at the time, and through lineage as today', () => {
    expect(inArea('r', 'as-at-time')).toBe(sqlWithinArea('r.path', '$1'));
    expect(inArea('r', 'as-today', 2)).toContain('unit_today_v1');
    expect(inArea('r', 'as-today', 2)).toContain('$2');
  });
});
