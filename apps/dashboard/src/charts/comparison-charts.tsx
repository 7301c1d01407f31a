import type { Comparison, ComparisonRow } from '../analysis/comparison';
import { RATING_KEYS } from '../analysis/comparison';
import { distinctColours, RATING_COLOURS } from '../components/palette';
import { useI18n } from '../i18n/i18n';
import { EChart, type ChartOption } from './echart';

/** Horizontal stacked bars, one bar per unit: unit names on the left, kept whole (the grid holds the labels). */
function stackedBars(units: string[], series: { name: string; colour: string; values: number[] }[], number: (n: number) => string): ChartOption {
  return {
    color: series.map((s) => s.colour),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: unknown) => (typeof value === 'number' ? number(value) : String(value)) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: units, axisLabel: { width: 150, overflow: 'break', interval: 0 } },
    series: series.map((s) => ({ type: 'bar', stack: 'total', name: s.name, data: s.values, emphasis: { focus: 'series' }, barMaxWidth: 22 })),
  };
}

/** The comparison's ratings and incidents by domain as charts, in the table's order. */
export function ComparisonCharts({ comparison, rows, fileStem }: { comparison: Comparison; rows: ComparisonRow[]; fileStem: string }): JSX.Element {
  const { t, number } = useI18n();
  const units = rows.map((row) => (row.own ? `${row.name} (${t('cmp.ownUnit')})` : row.name));
  const height = Math.max(220, 60 + rows.length * 30);
  const ratingSeries = RATING_KEYS.map((rating, i) => ({ name: t(rating), colour: RATING_COLOURS[i] ?? '#444444', values: rows.map((row) => row.values[`rating.${rating}`] ?? 0) }));
  const domainColumns = comparison.columns.filter((column) => column.group === 'domains');
  const colours = distinctColours(domainColumns.length);
  const domainSeries = domainColumns.map((column, i) => ({ name: t(column.label), colour: colours[i] ?? '#444444', values: rows.map((row) => row.values[column.key] ?? 0) }));
  const table = (series: { name: string; values: number[] }[]): { columns: string[]; rows: (string | number)[][] } => ({
    columns: [t('cmp.unit'), ...series.map((s) => s.name)],
    rows: units.map((unit, i) => [unit, ...series.map((s) => number(s.values[i] ?? 0))]),
  });
  return (
    <div className="grid">
      <section className="card" aria-labelledby="cmp-ratings-heading">
        <h2 id="cmp-ratings-heading">{t('cmp.chartRatings')}</h2>
        <EChart title={t('cmp.chartRatings')} option={stackedBars(units, ratingSeries, number)} table={table(ratingSeries)} height={height} fileName={`${fileStem}-xep-loai`} testId="chart-compare-ratings" />
      </section>
      <section className="card" aria-labelledby="cmp-domains-heading">
        <h2 id="cmp-domains-heading">{t('cmp.chartDomains')}</h2>
        {domainSeries.length === 0 ? (
          <p className="muted">{t('noData')}</p>
        ) : (
          <EChart title={t('cmp.chartDomains')} option={stackedBars(units, domainSeries, number)} table={table(domainSeries)} height={height} fileName={`${fileStem}-linh-vuc`} testId="chart-compare-domains" />
        )}
      </section>
    </div>
  );
}
