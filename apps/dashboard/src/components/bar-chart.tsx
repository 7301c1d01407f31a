import { useId } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Series {
  name: string;
  colour: string;
  values: (number | null)[];
}

/**
 * Grouped horizontal bars (hand-written SVG: no chart library). The figures are
 * also in the accessible name and beside each bar, so colour is never the only cue.
 */
export function BarChart({ title, categories, series, testId }: { title: string; categories: string[]; series: Series[]; testId?: string }): JSX.Element {
  const { number, t } = useI18n();
  const titleId = useId();
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const barHeight = 14;
  const groupGap = 12;
  const labelWidth = 190;
  const chartWidth = 330;
  const valueWidth = 60;
  const groupHeight = series.length * barHeight + groupGap;
  const height = Math.max(categories.length * groupHeight, groupHeight) + 4;
  const summary = categories
    .map((category, i) => `${category}: ${series.map((s) => `${s.name} ${s.values[i] === null || s.values[i] === undefined ? '—' : number(s.values[i] as number)}`).join(', ')}`)
    .join('; ');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={titleId}>{title}</figcaption>
      {categories.length === 0 ? (
        <p className="muted">{t('noData')}</p>
      ) : (
        <>
          <svg width={labelWidth + chartWidth + valueWidth} height={height} viewBox={`0 0 ${labelWidth + chartWidth + valueWidth} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`}>
            <desc id={`${titleId}-desc`}>{summary}</desc>
            {categories.map((category, i) => {
              const top = i * groupHeight;
              return (
                <g key={category} transform={`translate(0 ${top})`}>
                  <text x={labelWidth - 8} y={(series.length * barHeight) / 2 + 4} textAnchor="end" className="chart-label">
                    {category.length > 30 ? `${category.slice(0, 29)}…` : category}
                  </text>
                  {series.map((s, j) => {
                    const value = s.values[i];
                    const width = value ? Math.max(2, (value / max) * chartWidth) : 0;
                    return (
                      <g key={s.name}>
                        <rect x={labelWidth} y={j * barHeight + 1} width={width} height={barHeight - 2} fill={s.colour} />
                        <text x={labelWidth + width + 4} y={j * barHeight + barHeight - 3} className="chart-value">
                          {value === null || value === undefined ? '—' : number(value)}
                        </text>
                      </g>
                    );
                  })}
                </g>
              );
            })}
          </svg>
          {series.length > 1 && <Legend items={series.map((s) => ({ name: s.name, colour: s.colour }))} />}
        </>
      )}
    </figure>
  );
}

export function Legend({ items }: { items: { name: string; colour: string }[] }): JSX.Element {
  return (
    <ul className="legend">
      {items.map((item) => (
        <li key={item.name}>
          <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
