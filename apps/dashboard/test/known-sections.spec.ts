import type { QuarterlyReport, ReportRow } from '../src/api/types';
import { incidentCategoryRows, otherSections, pilotCompliance, ratingRows, trainingRows } from '../src/report/known-sections';

const row = (metric: string, current = 0, key = metric): ReportRow => ({ key, metric, better: null, current, previousQuarter: 0, sameQuarterLastYear: 0 });

/** The shape apps/reporting writes today, plus a section the dashboard has never heard of. */
function report(): QuarterlyReport {
  return {
    title: 'Báo cáo',
    area: { path: '25', name: 'Tỉnh Phú Thọ' },
    quarter: '2026-Q3',
    periodKind: 'quarter',
    view: 'as-at-time',
    language: 'vi',
    currentAsOf: {},
    text: { period: 'Quý III/2026', view: 'Theo địa giới tại thời điểm phát sinh', currentAsOf: [] },
    sections: [
      { key: 'movement', title: '1', rows: ['rated', 'strong', 'fair', 'average', 'weak', 'certified'].map((m) => row(m)), details: [] },
      { key: 'models', title: '2', rows: [row('registered')], details: [] },
      {
        key: 'pilots',
        title: '3',
        rows: [],
        details: [{ heading: 'pilots', columns: ['code', 'name', 'pilots'], rows: [['227', 'Việt Trì', '07882, 07894'], ['228', 'Phú Thọ', ''], ['230', 'Đoan Hùng', 'a, b, c']] }],
      },
      { key: 'incidents', title: '4', rows: [row('Tổng số vụ việc', 3, 'incidents.total'), row('Tội phạm hình sự', 2, 'category.criminal-offence'), row('Cháy, nổ', 1, 'category.fire'), row('Lĩnh vực: Trật tự an toàn xã hội', 3, 'domain.social-order')], details: [] },
      { key: 'forces', title: '5', rows: ['sessions', 'trainees', 'hours', 'teams', 'members'].map((m) => row(m)), details: [] },
      { key: 'cases', title: '6. Cases', rows: [row('indicted', 4)], details: [] },
    ],
  };
}

describe('the known sections of the quarterly report', () => {
  it('picks the ratings, the incident categories and the training rows by position', () => {
    const sections = report().sections;
    expect(ratingRows(sections[0]).map((r) => r.metric)).toEqual(['strong', 'fair', 'average', 'weak']);
    expect(incidentCategoryRows(sections[3]).map((r) => r.metric)).toEqual(['Tội phạm hình sự', 'Cháy, nổ']);
    expect(trainingRows(sections[4]).map((r) => r.metric)).toEqual(['sessions', 'trainees', 'hours']);
  });

  it('judges pilot compliance as the directive asks: one or two per district', () => {
    expect(pilotCompliance(report().sections[2]).map((d) => d.state)).toEqual(['compliant', 'missing', 'too-many']);
  });

  it('keeps every other section, including ones added later, for the generic view', () => {
    expect(otherSections(report()).map((s) => s.key)).toEqual(['models', 'cases']);
  });
});
