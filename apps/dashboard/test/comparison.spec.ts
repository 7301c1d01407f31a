import type { QuarterlyReport, UnitView } from '../src/api/types';
import { buildComparison, comparisonCsv, sortRows } from '../src/analysis/comparison';
import type { IncidentFigure } from '../src/analysis/figure-filters';

const unit = (code: string, name: string, path: string, parentId: string | null): UnitView => ({ id: code, code, name, kind: 'district', subkind: '', parentId, path, status: 'active', effectiveFrom: '1999-01-01', effectiveTo: null, version: 1, location: null });
const province = unit('25', 'Tỉnh Phú Thọ', '25', null);
const vietTri = unit('227', 'Thành phố Việt Trì', '25.227', '25');
const doanHung = unit('230', 'Huyện Đoan Hùng', '25.230', '25');

function report(figures: Record<string, number>): QuarterlyReport {
  return { sections: [{ key: 'movement', title: '', rows: Object.entries(figures).map(([key, current]) => ({ key, metric: key, better: null, current, previousQuarter: null, sameQuarterLastYear: null })), details: [] }] } as unknown as QuarterlyReport;
}

function incident(path: string, domain: string, status: string): IncidentFigure {
  return { incident_id: `${path}-${domain}-${status}`, path, quarter: '2026-Q4', category: 'theft', domain, source: 'patrol', status, reported_verified: null, verified_referred: null, referred_indicted: null, indicted_tried: null };
}

describe('the comparison of the units one level down', () => {
  const comparison = buildComparison({
    area: province,
    children: [vietTri, doanHung],
    reports: new Map([
      ['25.227', report({ 'movement.strong': 3, 'movement.weak': 1, 'forces.trainees': 40 })],
      ['25.230', report({ 'movement.strong': 1, 'movement.weak': 2 })],
    ]),
    incidents: [incident('25.227.1', 'social-order', 'tried'), incident('25.227', 'social-order', 'reported'), incident('25.230.9', 'rural-security', 'reported'), incident('25', 'social-order', 'verified')],
    submissions: [{ area: '25.230', state: 'overdue' }],
  });

  it('counts each child’s incidents by domain and current stage, and keeps those of the area itself in a row of their own so the totals add up', () => {
    const [doan, viet, own] = comparison.rows;
    expect([doan?.name, viet?.name, own?.own]).toEqual(['Huyện Đoan Hùng', 'Thành phố Việt Trì', true]);
    expect(viet?.values).toMatchObject({ incidents: 2, 'domain.social-order': 2, 'domain.rural-security': 0, 'status.reported': 1, 'status.tried': 1, 'rating.strong': 3, 'rating.weak': 1, trainees: 40 });
    expect(doan?.values).toMatchObject({ incidents: 1, 'rating.fair': null, trainees: null });
    expect(own?.values['incidents']).toBe(1);
    expect(comparison.totals).toMatchObject({ incidents: 4, 'domain.social-order': 3, 'status.reported': 2, 'rating.strong': 4, trainees: 40 });
    // Stages in the order a case moves, whatever order the rows came in.
    expect(comparison.columns.filter((c) => c.group === 'statuses').map((c) => c.key)).toEqual(['status.reported', 'status.verified', 'status.tried']);
    expect(comparison.columns.find((c) => c.key === 'domain.rural-security')?.drill).toEqual({ domain: 'rural-security' });
    expect(doan?.submission).toBe('overdue');
  });

  it('sorts by a figure either way with no figure last, and by name in Vietnamese order', () => {
    expect(sortRows(comparison.rows, 'incidents', 'desc').map((r) => r.code)).toEqual(['227', '230', '25']);
    expect(sortRows(comparison.rows, 'trainees', 'asc').map((r) => r.code)).toEqual(['227', '230', '25']);
    expect(sortRows(comparison.rows, 'trainees', 'desc').map((r) => r.code)).toEqual(['227', '230', '25']);
    expect(sortRows(comparison.rows, 'rating.weak', 'asc').map((r) => r.code)).toEqual(['227', '230', '25']);
    expect(sortRows(comparison.rows, 'name', 'desc').map((r) => r.code)).toEqual(['25', '227', '230']);
  });

  it('exports the table as shown, with the totals, as a CSV a spreadsheet opens safely', () => {
    const csv = comparisonCsv(comparison, sortRows(comparison.rows, 'incidents', 'desc'), (key) => key);
    const lines = csv.replace('\ufeff', '').trimEnd().split('\r\n');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^227,Thành phố Việt Trì,3,,,1,2,/);
    expect(lines[4]).toMatch(/^,cmp.total,4,0,0,3,4,/);
  });
});
