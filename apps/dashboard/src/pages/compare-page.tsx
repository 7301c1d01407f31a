import type { Session } from '../api/session';
import { comparisonCsv, sortRows, type ComparisonColumn, type ComparisonRow, type SortDirection } from '../analysis/comparison';
import { saveBlob } from '../api/downloads';
import { loadComparison } from '../analysis/load-comparison';
import '../analysis/analysis.css';
import { ComparisonCharts } from '../charts/comparison-charts';
import { ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n/i18n';
import { routeHref, useRoute } from '../state/route';
import { useResource } from '../state/use-resource';

interface Props {
  session: Session;
  area: string;
  quarter: string;
}

const GROUPS = ['ratings', 'incidents', 'domains', 'statuses', 'forces'] as const;

/** The link to the incident rows behind a figure: the drill-through page with the incidents query's filters. */
export function drillHref(area: string, quarter: string, drill: { domain?: string; status?: string }): string {
  return routeHref('incidents', { area, from: quarter, to: quarter, ...drill });
}

function SortHeader({ label, sortKey, sort, direction, onSort, className }: { label: string; sortKey: string; sort: string; direction: SortDirection; onSort(key: string): void; className?: string }): JSX.Element {
  const { t } = useI18n();
  const active = sort === sortKey;
  return (
    <th scope="col" className={className} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)} data-testid={`sort-${sortKey}`}>
        {label}
        <span aria-hidden="true">{active ? (direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
        <span className="visually-hidden">{active ? `, ${t(direction === 'asc' ? 'cmp.sortedAsc' : 'cmp.sortedDesc')}` : `, ${t('cmp.sortable')}`}</span>
      </button>
    </th>
  );
}

/**
 * Every unit one level down side by side (DHIS2's pivot, issue 21): ratings, incidents by
 * domain and by where each case stands, people trained, submission state. Sorting is in the
 * URL (a view is a bookmark); each incident figure links to the rows behind it.
 */
export function ComparePage({ session, area, quarter }: Props): JSX.Element {
  const i18n = useI18n();
  const { t, number, language } = i18n;
  const [route, navigate] = useRoute();
  const sort = route.params['sort'] ?? 'name';
  const direction: SortDirection = route.params['dir'] === 'desc' ? 'desc' : 'asc';
  const comparison = useResource((signal) => loadComparison(session, area, quarter, language, signal), [session.token, area, quarter, language]);
  const data = comparison.data;
  const onSort = (key: string): void => navigate('compare', { ...route.params, area, quarter, sort: key, dir: sort === key ? (direction === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc' });
  const rows = data ? sortRows(data.rows, sort, direction) : [];
  const columnsOf = (group: (typeof GROUPS)[number]): ComparisonColumn[] => data?.columns.filter((column) => column.group === group) ?? [];
  const figure = (row: ComparisonRow, column: ComparisonColumn): JSX.Element | string => {
    const value = row.values[column.key] ?? null;
    if (value === null) return '—';
    // The area's own row has no area of its own to filter by: its figures are not links.
    if (!column.drill || row.own || value === 0) return number(value);
    return (
      <a href={drillHref(row.path, quarter, column.drill)} data-testid={`drill-${row.code}-${column.key}`} aria-label={`${number(value)} ${t(column.label)} — ${row.name}`}>
        {number(value)}
      </a>
    );
  };
  const exportCsv = (): void => {
    if (data) saveBlob(new Blob([comparisonCsv(data, rows, t)], { type: 'text/csv;charset=utf-8' }), `so-sanh-${area}-${quarter}.csv`);
  };

  return (
    <>
      <h1>
        {t('cmp.title')}
        {data ? ` — ${data.area.name}` : ''} <span className="subtitle">{i18n.quarter(quarter)}</span>
      </h1>
      <p className="muted">{t('cmp.intro')}</p>
      {comparison.error ? <ProblemAlert error={comparison.error} onRetry={comparison.reload} /> : null}
      {!data ? (
        !comparison.error && <p className="muted">{t('loading')}</p>
      ) : data.rows.length === 0 ? (
        <p className="muted">{t('noSubunits')}</p>
      ) : (
        <>
          <div className="report-controls">
            <p className="muted" id="compare-hint">
              {t('cmp.hint')}
            </p>
            <button type="button" onClick={exportCsv} data-testid="compare-csv">
              {t('cmp.exportCsv')}
            </button>
          </div>
          <div className="table-scroll compare-scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
            <table className="compare-table" data-testid="compare-table" aria-describedby="compare-hint">
              <caption id="compare-caption">{`${t('cmp.title')} — ${data.area.name}, ${i18n.quarter(quarter)}`}</caption>
              <thead>
                <tr>
                  <td />
                  {GROUPS.map((group) =>
                    columnsOf(group).length > 0 ? (
                      <th key={group} scope="colgroup" colSpan={columnsOf(group).length} className="group">
                        {t(`cmp.group.${group}`)}
                      </th>
                    ) : null,
                  )}
                  <td />
                </tr>
                <tr>
                  <SortHeader label={t('cmp.unit')} sortKey="name" sort={sort} direction={direction} onSort={onSort} />
                  {GROUPS.flatMap(columnsOf).map((column) => (
                    <SortHeader key={column.key} label={t(column.label)} sortKey={column.key} sort={sort} direction={direction} onSort={onSort} className="num" />
                  ))}
                  <SortHeader label={t('cmp.submission')} sortKey="submission" sort={sort} direction={direction} onSort={onSort} />
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.path}-${row.own}`} data-testid={`compare-row-${row.code}`}>
                    <th scope="row">
                      {row.own ? (
                        <span>
                          {row.name} <span className="muted">({t('cmp.ownUnit')})</span>
                        </span>
                      ) : (
                        <a href={routeHref('compare', { ...route.params, area: row.path, quarter })}>{row.name}</a>
                      )}
                    </th>
                    {GROUPS.flatMap(columnsOf).map((column) => (
                      <td key={column.key} className="num">
                        {figure(row, column)}
                      </td>
                    ))}
                    <td>{row.submission ? <span className={`badge badge-${row.submission}`}>{t(`state.${row.submission}`)}</span> : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="compare-totals">
                  <th scope="row">{t('cmp.total')}</th>
                  {GROUPS.flatMap(columnsOf).map((column) => {
                    const value = data.totals[column.key] ?? 0;
                    return (
                      <td key={column.key} className="num">
                        {column.drill && value > 0 ? (
                          <a href={drillHref(area, quarter, column.drill)} data-testid={`drill-total-${column.key}`} aria-label={`${number(value)} ${t(column.label)} — ${t('cmp.total')}`}>
                            {number(value)}
                          </a>
                        ) : (
                          number(value)
                        )}
                      </td>
                    );
                  })}
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
          <ComparisonCharts comparison={data} rows={rows} fileStem={`so-sanh-${area}-${quarter}`} />
        </>
      )}
    </>
  );
}
