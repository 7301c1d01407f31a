import type { ReportDetail, ReportRow } from '../api/types';
import { useI18n } from '../i18n/i18n';

function Change({ current, before }: { current: number; before: number | null }): JSX.Element {
  const { number } = useI18n();
  if (before === null) return <span className="muted">—</span>;
  const delta = current - before;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return <span className={delta > 0 ? 'up' : delta < 0 ? 'down' : undefined}>{`${sign}${number(Math.abs(delta))}`}</span>;
}

/** A section's figures with the comparison columns, for any section the report has. */
export function CompareTable({
  caption,
  rows,
  label,
  year = false,
}: {
  caption: string;
  rows: ReportRow[];
  label?: (metric: string) => string;
  /** A year's roll-up compares with the year before only. */
  year?: boolean;
}): JSX.Element {
  const { t, number } = useI18n();
  const cell = (value: number | null): string => (value === null ? '—' : number(value));
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('metric')}</th>
            <th scope="col" className="num">{t(year ? 'currentYear' : 'current')}</th>
            <th scope="col" className="num">{t(year ? 'previousYear' : 'previousQuarter')}</th>
            {!year && <th scope="col" className="num">{t('sameQuarterLastYear')}</th>}
            <th scope="col" className="num">{t('change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const before = (year ? row.previousYear : row.previousQuarter) ?? null;
            return (
              <tr key={`${row.metric}-${i}`}>
                <th scope="row">{label ? label(row.metric) : row.metric}</th>
                <td className="num">{cell(row.current)}</td>
                <td className="num">{cell(before)}</td>
                {!year && <td className="num">{cell(row.sameQuarterLastYear ?? null)}</td>}
                <td className="num">
                  <Change current={row.current} before={before} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function DetailTable({ detail }: { detail: ReportDetail }): JSX.Element {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table>
        <caption>{detail.heading}</caption>
        <thead>
          <tr>
            {detail.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {detail.rows.length === 0 ? (
            <tr>
              <td colSpan={detail.columns.length} className="muted">
                {t('noData')}
              </td>
            </tr>
          ) : (
            detail.rows.map((row, i) => (
              <tr key={i}>
                {row.map((value, j) => (j === 0 ? <th key={j} scope="row">{value}</th> : <td key={j}>{value}</td>))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
