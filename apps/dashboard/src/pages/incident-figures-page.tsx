import { useState } from 'react';
import { isWithinArea, type Session } from '../api/session';
import { incidentsApi, INCIDENT_SOURCES } from '../api/incidents-api';
import '../analysis/analysis.css';
import { STATUS_ORDER } from '../analysis/comparison';
import { downloadFigures, figurePage, filtersOf, type FigureFilters, type IncidentFigure } from '../analysis/incident-figures';
import { loadChildren } from '../analysis/load-comparison';
import { ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n/i18n';
import { currentQuarter, quartersUpTo } from '../quarters';
import { routeHref, useRoute } from '../state/route';
import { useResource } from '../state/use-resource';

const PAGE_SIZE = 100;
const SELECTS = ['category', 'domain', 'source', 'status'] as const;

/**
 * The incident rows behind a figure (the drill-through of issue 21): the reporting service's
 * incidents query with the filters of the URL (area, period, category, domain, source,
 * status), so a drill-through is a link that can be bookmarked, shared and gone back from.
 */
export function IncidentFiguresPage({ session }: { session: Session }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [route, navigate] = useRoute();
  const asked = filtersOf(route.params);
  const area = asked.area && isWithinArea(asked.area, session.area) ? asked.area : session.area;
  const filters: FigureFilters = { ...asked, area };
  const key = JSON.stringify(filters);
  const [more, setMore] = useState<{ key: string; rows: IncidentFigure[]; cursor: string | null } | null>(null);
  const [exporting, setExporting] = useState<unknown>(null);
  const first = useResource((signal) => figurePage(session, filters, null, PAGE_SIZE, signal), [session.token, key]);
  const taxonomy = useResource((signal) => incidentsApi.taxonomy(session, signal), [session.token], { live: false });
  const place = useResource((signal) => loadChildren(session, area, signal), [session.token, area], { live: false });
  const extra = more?.key === key ? more : null;
  const rows = [...(first.data?.items ?? []), ...(extra?.rows ?? [])];
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);
  const categoryName = new Map((taxonomy.data?.categories ?? []).map((c) => [c.slug, i18n.language === 'vi' ? c.nameVi : c.nameEn]));
  const unitName = new Map([place.data?.area, ...(place.data?.children ?? [])].filter((u) => u !== undefined).map((u) => [u.path, u.name]));
  // A row's unit: the child of the area it lies in (the comparison's row), or its code.
  const unitOf = (path: string): string => [...unitName.entries()].filter(([p]) => isWithinArea(path, p)).sort((a, b) => b[0].length - a[0].length)[0]?.[1] ?? path;
  const quarters = quartersUpTo(currentQuarter(), 12).reverse();
  const options: Record<(typeof SELECTS)[number], { value: string; label: string }[]> = {
    category: (taxonomy.data?.categories ?? []).map((c) => ({ value: c.slug, label: i18n.language === 'vi' ? c.nameVi : c.nameEn })),
    domain: (taxonomy.data?.domains ?? []).map((d) => ({ value: d.slug, label: i18n.language === 'vi' ? d.nameVi : d.nameEn })),
    source: INCIDENT_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) })),
    status: STATUS_ORDER.map((s) => ({ value: s, label: t(`status.${s}`) })),
  };

  const loadMore = async (): Promise<void> => {
    if (!cursor) return;
    const page = await figurePage(session, filters, cursor, PAGE_SIZE);
    setMore({ key, rows: [...(extra?.rows ?? []), ...page.items], cursor: page.nextCursor });
  };
  const apply = (event: React.FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = Object.fromEntries([...form.entries()].filter(([, value]) => value !== '').map(([name, value]) => [name, String(value)]));
    navigate('incidents', { ...next, area });
  };

  return (
    <>
      <h1>
        {t('drill.title')}
        {place.data ? ` — ${place.data.area.name}` : ''}
      </h1>
      <p>
        <a href={routeHref('compare', { area, quarter: filters.to ?? filters.from })}>{t('drill.backToCompare')}</a>
      </p>
      {/* Keyed by the URL (and the taxonomy's arrival, which brings the options): the fields show the filters of the link followed, and the back button restores them. */}
      <form key={`${key}-${taxonomy.data ? 'options' : 'loading'}`} className="card filters-form" onSubmit={apply} aria-labelledby="filters-heading" data-testid="drill-filters">
        <h2 id="filters-heading">{t('drill.filters')}</h2>
        <div className="filters-grid">
          {(['from', 'to'] as const).map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`filter-${name}`}>{t(`drill.${name}`)}</label>
              <select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ''}>
                <option value="">{t('drill.any')}</option>
                {quarters.map((q) => (
                  <option key={q} value={q}>
                    {i18n.quarter(q)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          {SELECTS.map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`filter-${name}`}>{t(`drill.${name}`)}</label>
              <select id={`filter-${name}`} name={name} defaultValue={filters[name] ?? ''} data-testid={`filter-${name}`}>
                <option value="">{t('drill.any')}</option>
                {options[name].map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        <div className="button-row">
          <button type="submit" data-testid="drill-apply">
            {t('drill.apply')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setExporting(null);
              downloadFigures(session, filters).catch(setExporting);
            }}
            data-testid="drill-csv"
          >
            {t('drill.exportCsv')}
          </button>
        </div>
      </form>
      {exporting ? <ProblemAlert error={exporting} /> : null}
      {first.error ? <ProblemAlert error={first.error} onRetry={first.reload} /> : null}
      <section aria-labelledby="rows-heading" aria-busy={first.loading}>
        <h2 id="rows-heading">
          {t('drill.rows')}{' '}
          <span className="muted" data-testid="drill-count">
            {first.data ? `${i18n.number(rows.length)}${cursor ? '+' : ''}` : '…'}
          </span>
        </h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rows-heading">
          <table data-testid="drill-table">
            <caption className="visually-hidden">{t('drill.rows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drill.incident')}</th>
                <th scope="col">{t('cmp.unit')}</th>
                <th scope="col">{t('quarter')}</th>
                <th scope="col">{t('drill.category')}</th>
                <th scope="col">{t('drill.domain')}</th>
                <th scope="col">{t('drill.source')}</th>
                <th scope="col">{t('drill.status')}</th>
              </tr>
            </thead>
            <tbody>
              {first.data && rows.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted">
                    {t('drill.none')}
                  </td>
                </tr>
              ) : (
                rows.map((row) => (
                  <tr key={row.incident_id} data-testid="drill-row" data-domain={row.domain} data-status={row.status} data-path={row.path}>
                    <th scope="row">
                      <a href={routeHref('incident', { id: row.incident_id })}>{row.incident_id.slice(0, 8)}</a>
                    </th>
                    <td>{unitOf(row.path)}</td>
                    <td>{i18n.quarter(row.quarter)}</td>
                    <td>{categoryName.get(row.category) ?? row.category}</td>
                    <td>{t(`domain.${row.domain}`)}</td>
                    <td>{t(`source.${row.source}`)}</td>
                    <td>{t(`status.${row.status}`)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        {cursor && (
          <button type="button" className="secondary" onClick={() => void loadMore()} data-testid="drill-more">
            {t('drill.more')}
          </button>
        )}
      </section>
    </>
  );
}
