import { useId } from 'react';
import { useI18n } from '../i18n/i18n';
import { Legend } from './bar-chart';
import { CATEGORY_COLOURS } from './palette';

/** Columns (one per period) stacked by category, hand-written SVG. */
export function StackedColumns({ title, periods, stacks, testId }: { title: string; periods: { label: string; values: Record<string, number> }[]; stacks: { key: string; name: string }[]; testId?: string }): JSX.Element {
  const { number, t } = useI18n();
  const titleId = useId();
  const totals = periods.map((p) => stacks.reduce((sum, s) => sum + (p.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const width = 520;
  const height = 200;
  const top = 18;
  const bottom = 24;
  const columnWidth = Math.min(70, (width / Math.max(periods.length, 1)) * 0.6);
  const step = width / Math.max(periods.length, 1);
  const scale = (height - top - bottom) / max;
  const colour = (index: number): string => CATEGORY_COLOURS[index % CATEGORY_COLOURS.length] ?? '#444444';
  const summary = periods.map((p, i) => `${p.label}: ${number((totals[i] ?? 0))} (${stacks.map((s) => `${s.name} ${number(p.values[s.key] ?? 0)}`).join(', ')})`).join('; ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`}>
        <desc id={`${titleId}-desc`}>{summary}</desc>
        <line x1={0} x2={width} y1={height - bottom} y2={height - bottom} stroke="#767676" />
        {periods.map((period, i) => {
          const x = i * step + (step - columnWidth) / 2;
          let y = height - bottom;
          return (
            <g key={period.label}>
              {stacks.map((stack, s) => {
                const value = period.values[stack.key] ?? 0;
                const h = value * scale;
                y -= h;
                return value > 0 ? <rect key={stack.key} x={x} y={y} width={columnWidth} height={h} fill={colour(s)} /> : null;
              })}
              <text x={x + columnWidth / 2} y={height - bottom - (totals[i] ?? 0) * scale - 4} textAnchor="middle" className="chart-value">
                {number((totals[i] ?? 0))}
              </text>
              <text x={x + columnWidth / 2} y={height - 6} textAnchor="middle" className="chart-label">
                {period.label}
              </text>
            </g>
          );
        })}
      </svg>
      {stacks.length === 0 ? <p className="muted">{t('noData')}</p> : <Legend items={stacks.map((s, i) => ({ name: s.name, colour: colour(i) }))} />}
    </figure>
  );
}
