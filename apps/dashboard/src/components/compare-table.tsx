import { changeText, changeTone, previousOf, type Better } from '@binh-yen/report-model';
import type { ReportDetail, ReportRow } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** The change, green where it is good news for this indicator and red where bad (more weak units is bad). */
function Change({ current, before, better }: { current: number; before: number | null; better: Better }): JSX.Element {
  const { number } = useI18n();
  if (before === null) return <span className="muted">—</span>;
  const tone = changeTone(better, current, before);
  return (
    <span className={tone === 'neutral' ? undefined : tone} data-tone={tone}>
      {changeText(current, before, number)}
    </span>
  );
}

/** A section's figures with the comparison columns, for any section the report has. */
export function CompareTable({
  caption,
  rows,
  year = false,
}: {
  caption: string;
  rows: ReportRow[];
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
            const before = previousOf(row);
            return (
              <tr key={`${row.metric}-${i}`}>
                <th scope="row">{row.metric}</th>
                <td className="num">{cell(row.current)}</td>
                <td className="num">{cell(before)}</td>
                {!year && <td className="num">{cell('sameQuarterLastYear' in row ? row.sameQuarterLastYear : null)}</td>}
                <td className="num">
                  <Change current={row.current} before={before} better={row.better} />
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
