import { EChart } from '../charts/echart';
import { useI18n } from '../i18n/i18n';

export interface Series {
  name: string;
  colour: string;
  values: (number | null)[];
}

/**
 * Grouped horizontal bars, drawn by ECharts (ADR 0051): tooltips, a legend, PNG/SVG download,
 * and the figures as a table for screen readers. A missing figure is a gap, shown as "—".
 */
export function BarChart({ title, categories, series, testId }: { title: string; categories: string[]; series: Series[]; testId?: string }): JSX.Element {
  const { number, t } = useI18n();
  if (categories.length === 0) {
    return (
      <figure className="chart" data-testid={testId}>
        <figcaption>{title}</figcaption>
        <p className="muted">{t('noData')}</p>
      </figure>
    );
  }
  const format = (value: unknown): string => (typeof value === 'number' ? number(value) : '—');
  const option = {
    color: series.map((s) => s.colour),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
    legend: { show: series.length > 1, top: 0, type: 'scroll' },
    grid: { left: 8, right: 40, top: series.length > 1 ? 36 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { width: 170, overflow: 'break', interval: 0 } },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, label: { show: true, position: 'right', formatter: (p: { value: unknown }) => format(p.value), fontSize: 11 }, barMaxWidth: 14 })),
  };
  return (
    <EChart
      title={title}
      option={option}
      height={Math.max(160, (series.length > 1 ? 44 : 16) + categories.length * (series.length * 16 + 14))}
      fileName={testId ?? 'bieu-do'}
      testId={testId}
      table={{ columns: ['', ...series.map((s) => s.name)], rows: categories.map((category, i) => [category, ...series.map((s) => format(s.values[i]))]) }}
    />
  );
}
