import { ProblemException, problemType } from '@binh-yen/http';
import type { Period } from '../report-scope';

/** The period a report query names: its quarter, or its year for the year's roll-up; exactly one of them. */
export function periodOf(query: { quarter?: string; year?: string }): Period {
  if (query.quarter !== undefined && query.year !== undefined) {
    throw new ProblemException({
      type: problemType('validation'),
      title: 'Chỉ chọn quý hoặc năm (Give a quarter or a year, not both)',
      status: 400,
      detail: 'quarter and year exclude each other: quarter=2026-Q3 for a quarter, year=2026 for the year’s roll-up',
      errors: [{ field: 'year', message: 'give either quarter or year' }],
    });
  }
  return (query.quarter ?? query.year)!;
}
