import { EChart } from '../charts/echart';
import { useI18n } from '../i18n/i18n';
import { distinctColours } from './palette';

/** Columns (one per period) stacked by category, drawn by ECharts (ADR 0051), the total above each. */
export function StackedColumns({ title, periods, stacks, testId }: { title: string; periods: { label: string; values: Record<string, number> }[]; stacks: { key: string; name: string }[]; testId?: string }): JSX.Element {
  const { number, t } = useI18n();
  if (stacks.length === 0) {
    return (
      <figure className="chart" data-testid={testId}>
        <figcaption>{title}</figcaption>
        <p className="muted">{t('noData')}</p>
      </figure>
    );
  }
  const totals = periods.map((p) => stacks.reduce((sum, s) => sum + (p.values[s.key] ?? 0), 0));
  const colours = distinctColours(stacks.length);
  const option = {
    color: colours,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: unknown) => (typeof value === 'number' ? number(value) : '—') },
    legend: { top: 0, type: 'scroll', data: stacks.map((s) => s.name) },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods.map((p) => p.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...stacks.map((stack) => ({ type: 'bar', stack: 'total', name: stack.name, data: periods.map((p) => p.values[stack.key] ?? 0), barMaxWidth: 60 })),
      // The totals, as labels over the columns (an invisible series, kept out of the legend and tooltip).
      { type: 'bar', stack: 'total', name: '', data: periods.map(() => 0), label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => number(totals[p.dataIndex] ?? 0) }, tooltip: { show: false }, legendHoverLink: false },
    ],
  };
  return (
    <EChart
      title={title}
      option={option}
      height={260}
      fileName={testId ?? 'bieu-do'}
      testId={testId}
      table={{
        columns: ['', ...stacks.map((s) => s.name), t('cmp.total')],
        rows: periods.map((p, i) => [p.label, ...stacks.map((s) => number(p.values[s.key] ?? 0)), number(totals[i] ?? 0)]),
      }}
    />
  );
}
