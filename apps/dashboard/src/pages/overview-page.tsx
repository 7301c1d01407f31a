import { changeText, compareVietnamese, previousOf } from '@binh-yen/report-model';
import { reportingApi } from '../api/reporting-api';
import { unitsApi } from '../api/units-api';
import { isWithinArea, type Session } from '../api/session';
import type { ReportRow } from '../api/types';
import { BarChart } from '../components/bar-chart';
import { codeOf } from '../components/area-toolbar';
import { CompareTable, DetailTable } from '../components/compare-table';
import { RATING_COLOURS, SERIES_COLOURS } from '../components/palette';
import { ProblemAlert } from '../components/problem-alert';
import { StackedColumns } from '../components/stacked-columns';
import { useI18n } from '../i18n/i18n';
import { quartersUpTo } from '../quarters';
import {
  incidentCategoryRows,
  otherSections,
  pilotCompliance,
  ratedRow,
  ratingRows,
  sectionOf,
  trainingRows,
  weakUnits,
} from '../report/known-sections';
import { routeHref } from '../state/route';
import { useResource } from '../state/use-resource';

const DRILLABLE = ['province', 'district', 'commune'];
const TREND_QUARTERS = 4;

interface Props {
  session: Session;
  area: string;
  quarter: string;
}

function compareSeries(rows: ReportRow[], t: (key: string) => string): { name: string; colour: string; values: (number | null)[] }[] {
  return [
    { name: t('current'), colour: SERIES_COLOURS.current, values: rows.map((r) => r.current) },
    { name: t('previousQuarter'), colour: SERIES_COLOURS.previousQuarter, values: rows.map(previousOf) },
    { name: t('sameQuarterLastYear'), colour: SERIES_COLOURS.sameQuarterLastYear, values: rows.map((r) => ('sameQuarterLastYear' in r ? r.sameQuarterLastYear : null)) },
  ];
}

function Kpi({ label, value, delta, testId }: { label: string; value: string; delta?: string; testId: string }): JSX.Element {
  return (
    <div className="kpi">
      <span className="kpi-label">{label}</span>
      <span className="kpi-value" data-testid={testId}>
        {value}
      </span>
      {delta && <span className="kpi-delta">{delta}</span>}
    </div>
  );
}

/** Units one level down, to drill into (province → districts → communes). */
function SubunitNav({ session, area, quarter }: Props): JSX.Element {
  const { t } = useI18n();
  const children = useResource(
    async (signal) => {
      const subtree = await unitsApi.subtree(session, codeOf(area), signal);
      const self = subtree.find((unit) => unit.path === area);
      return subtree.filter((unit) => unit.parentId === self?.id && unit.status === 'active' && DRILLABLE.includes(unit.kind)).sort((a, b) => compareVietnamese(a.name, b.name));
    },
    [session.token, area],
    { live: false },
  );
  return (
    <nav aria-labelledby="subunits-heading" className="card subunits">
      <h2 id="subunits-heading">{t('subunits')}</h2>
      {children.error ? (
        <ProblemAlert error={children.error} onRetry={children.reload} />
      ) : !children.data ? (
        <p className="muted">{t('loading')}</p>
      ) : children.data.length === 0 ? (
        <p className="muted">{t('noSubunits')}</p>
      ) : (
        <ul className="chips" data-testid="subunits">
          {children.data.map((unit) => (
            <li key={unit.path}>
              <a href={routeHref('overview', { area: unit.path, quarter })} data-testid={`subunit-${unit.code}`}>
                {unit.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

export function OverviewPage({ session, area, quarter }: Props): JSX.Element {
  const i18n = useI18n();
  const { t, number, language } = i18n;
  const report = useResource(
    (signal) => reportingApi.quarterly(session, { area, quarter, lang: language }, signal),
    [session.token, area, quarter, language],
  );
  const trend = useResource(
    (signal) => Promise.all(quartersUpTo(quarter, TREND_QUARTERS).map((q) => reportingApi.incidentCounts(session, { quarter: q, area }, signal))),
    [session.token, area, quarter],
  );
  const submissions = useResource((signal) => reportingApi.submissionStatus(session, quarter, signal), [session.token, quarter]);

  const home = (): void => {
    window.location.hash = routeHref('overview', { area: session.area, quarter });
  };
  const data = report.data;
  const movement = sectionOf(data, 'movement');
  const incidents = sectionOf(data, 'incidents');
  const forces = sectionOf(data, 'forces');
  const pilots = pilotCompliance(sectionOf(data, 'pilots'));
  const ratings = ratingRows(movement);
  const categories = incidentCategoryRows(incidents);
  const rated = ratedRow(movement);
  const weak = ratings[3];
  const weakList = weakUnits(movement);
  const thisQuarter = trend.data?.[trend.data.length - 1];
  const lastQuarter = trend.data?.[trend.data.length - 2];
  const districts = submissions.data?.districts.filter((d) => isWithinArea(d.area, area) || isWithinArea(area, d.area)) ?? [];
  // Each category under the name the latest quarter gives it, sorted as Vietnamese is.
  const categoryNames = new Map(trend.data?.flatMap((counts) => counts.byCategory.map((c) => [c.category, c.name[i18n.language]] as const)) ?? []);
  const trendCategories = [...categoryNames.keys()].sort((a, b) => compareVietnamese(categoryNames.get(a)!, categoryNames.get(b)!));
  const delta = (now: number | undefined, before: number | null | undefined): string | undefined =>
    now === undefined || before === null || before === undefined ? undefined : `${now - before >= 0 ? '+' : '−'}${number(Math.abs(now - before))} ${t('vsPrevious')}`;

  return (
    <>
      <h1>
        {t('overviewTitle')}
        {data ? ` — ${data.area.name}` : ''} <span className="subtitle">{i18n.quarter(quarter)}</span>
      </h1>
      <SubunitNav session={session} area={area} quarter={quarter} />
      {report.error ? <ProblemAlert error={report.error} onRetry={report.reload} onHome={home} /> : null}
      <section aria-label={t('overviewTitle')} className="kpis" aria-busy={report.loading || trend.loading}>
        <Kpi label={t('kpiIncidents')} value={thisQuarter ? number(thisQuarter.total) : '…'} delta={delta(thisQuarter?.total, lastQuarter?.total)} testId="incidents-total" />
        <Kpi label={t('kpiRated')} value={rated ? number(rated.current) : '…'} delta={delta(rated?.current, rated && previousOf(rated))} testId="units-rated" />
        <Kpi label={t('kpiWeak')} value={weak ? number(weak.current) : '…'} delta={delta(weak?.current, weak && previousOf(weak))} testId="units-weak" />
        <Kpi
          label={t('kpiSubmissions')}
          value={submissions.data ? `${number(districts.filter((d) => d.state === 'approved').length)}/${number(districts.length)}` : '…'}
          testId="submissions-approved"
        />
      </section>
      {trend.error ? <ProblemAlert error={trend.error} onRetry={trend.reload} onHome={home} /> : null}

      <div className="grid">
        <section className="card" aria-labelledby="ratings-heading">
          <h2 id="ratings-heading">{t('chartRatings')}</h2>
          <BarChart title={t('chartRatings')} categories={ratings.map((r) => r.metric)} series={compareSeries(ratings, t)} testId="chart-ratings" />
          <h3>{t('chartRatingsChange')}</h3>
          <ul className="rating-changes">
            {ratings.map((row, i) => (
              <li key={row.metric}>
                <span className="swatch" style={{ background: RATING_COLOURS[i] }} aria-hidden="true" />
                {row.metric}: {number(row.current)} ({changeText(row.current, previousOf(row), number) || '—'})
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="incidents-heading">
          <h2 id="incidents-heading">{t('chartIncidentsByCategory')}</h2>
          <BarChart
            title={t('chartIncidentsByCategory')}
            categories={categories.map((r) => r.metric)}
            series={compareSeries(categories, t)}
            testId="chart-incidents"
          />
        </section>

        <section className="card" aria-labelledby="trend-heading">
          <h2 id="trend-heading">{t('chartIncidentsOverQuarters')}</h2>
          <StackedColumns
            title={t('chartIncidentsOverQuarters')}
            periods={(trend.data ?? []).map((counts) => ({ label: i18n.quarter(counts.quarter), values: Object.fromEntries(counts.byCategory.map((c) => [c.category, c.incidents])) }))}
            stacks={trendCategories.map((category) => ({ key: category, name: categoryNames.get(category)! }))}
            testId="chart-trend"
          />
        </section>

        <section className="card" aria-labelledby="forces-heading">
          <h2 id="forces-heading">{t('chartForces')}</h2>
          <BarChart title={t('chartForces')} categories={trainingRows(forces).map((r) => r.metric)} series={compareSeries(trainingRows(forces), t).slice(0, 2)} testId="chart-forces" />
        </section>

        <section className="card wide" aria-labelledby="weak-heading">
          <h2 id="weak-heading">{t('weakUnits')}</h2>
          {weakList?.rows.length ? <DetailTable detail={weakList} /> : <p className="muted">{t('noWeakUnits')}</p>}
        </section>

        <section className="card" aria-labelledby="pilots-heading">
          <h2 id="pilots-heading">{t('pilots')}</h2>
          {pilots.length === 0 ? (
            <p className="muted">{t('noData')}</p>
          ) : (
            <ul className="status-list" data-testid="pilot-compliance">
              {pilots.map((district) => (
                <li key={district.code}>
                  <span>{district.name}</span>
                  <span className={`badge badge-${district.state}`}>
                    {district.state === 'compliant' ? `${t('pilotCompliant')} (${district.pilots.length})` : district.state === 'missing' ? t('pilotMissing') : t('pilotTooMany')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="submissions-heading">
          <h2 id="submissions-heading">{t('submissionCompliance')}</h2>
          {submissions.error ? (
            <ProblemAlert error={submissions.error} onRetry={submissions.reload} />
          ) : districts.length === 0 ? (
            <p className="muted">{submissions.data ? t('noData') : t('loading')}</p>
          ) : (
            <ul className="status-list" data-testid="submission-compliance">
              {districts.map((district) => (
                <li key={district.code}>
                  <span>{district.name}</span>
                  <span className={`badge badge-${district.state}`}>{t(`state.${district.state}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {otherSections(data).length > 0 && (
        <>
          <h2 className="group-heading">{t('otherSections')}</h2>
          <div className="grid">
            {otherSections(data).map((section) => (
              <section key={section.key} className="card" aria-labelledby={`section-${section.key}`} data-testid={`section-${section.key}`}>
                <h3 id={`section-${section.key}`}>{section.title}</h3>
                <BarChart title={section.title} categories={section.rows.map((r) => r.metric)} series={compareSeries(section.rows, t).slice(0, 2)} />
                <CompareTable caption={section.title} rows={section.rows} />
                {section.details.map((detail) => (
                  <DetailTable key={detail.heading} detail={detail} />
                ))}
              </section>
            ))}
          </div>
        </>
      )}
    </>
  );
}
