import { reportingApi } from '../api/reporting-api';
import { unitsApi } from '../api/units-api';
import type { Session } from '../api/session';
import '../analysis/analysis.css';
import { allFigures } from '../analysis/incident-figures';
import { buildUnitMap, mapBounds, type MapPoint } from '../analysis/unit-map';
import { EChart, type ChartOption } from '../charts/echart';
import { codeOf } from '../components/area-toolbar';
import { RATING_COLOURS } from '../components/palette';
import { ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../state/use-resource';
import { drillHref } from './compare-page';

interface Props {
  session: Session;
  area: string;
  quarter: string;
}

const RATINGS = ['strong', 'fair', 'average', 'weak'] as const;
// Apart from the ratings' colours, each at least 3:1 on white (WCAG 1.4.11), told apart by shape too.
const UNRATED_COLOUR = '#767676';
const HOTSPOT_COLOUR = '#6f3fa0';
const INCIDENT_COLOUR = '#00798c';

async function loadMap(session: Session, area: string, quarter: string, signal: AbortSignal) {
  const [subtree, standings, incidents] = await Promise.all([
    unitsApi.subtree(session, codeOf(area), signal),
    reportingApi.unitStandings(session, { area, quarter }, signal),
    allFigures(session, { area, from: quarter, to: quarter }, signal),
  ]);
  const self = subtree.find((unit) => unit.path === area);
  if (!self) throw new Error(`No unit at ${area}`);
  return { area: self, ...buildUnitMap(self, subtree, standings.items, incidents) };
}

function mapOption(points: MapPoint[], t: (key: string) => string, number: (n: number) => string): ChartOption {
  const bounds = mapBounds(points);
  const item = (p: MapPoint): { name: string; value: [number, number]; point: MapPoint } => ({ name: p.name, value: [p.longitude, p.latitude], point: p });
  const ratingSeries = [...RATINGS, null].map((rating, i) => ({
    type: 'scatter',
    name: rating ? t(rating) : t('map.unrated'),
    symbol: 'circle',
    symbolSize: (_: unknown, params: { data: { point: MapPoint } }) => (params.data.point.child ? 16 : 9),
    itemStyle: { color: rating ? RATING_COLOURS[i] : UNRATED_COLOUR, borderColor: '#ffffff', borderWidth: 1 },
    label: { show: true, position: 'right', formatter: (params: { data: { point: MapPoint } }) => (params.data.point.child ? params.data.point.name : ''), color: '#1a1a1a', fontSize: 11 },
    labelLayout: { hideOverlap: true },
    data: points.filter((p) => p.rating === rating).map(item),
    z: 3,
  }));
  return {
    color: [...RATING_COLOURS, UNRATED_COLOUR, HOTSPOT_COLOUR, INCIDENT_COLOUR],
    tooltip: {
      trigger: 'item',
      formatter: (params: { data: { point: MapPoint } }) => {
        const p = params.data.point;
        return [
          `<strong>${p.name}</strong>`,
          `${t('map.rating')}: ${p.rating ? t(p.rating) : t('map.unrated')}`,
          `${t('incidentsTotal')}: ${number(p.incidents)}`,
          ...(p.hotspot ? [`${t('map.hotspot')}: ${p.hotspot.replace(/[<>&]/g, '')}`] : []),
        ].join('<br/>');
      },
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: t('map.longitude'), nameLocation: 'middle', nameGap: 24, min: bounds.minLon, max: bounds.maxLon, splitLine: { lineStyle: { color: '#e3e6ea' } }, axisLabel: { formatter: (v: number) => `${v.toFixed(2)}°` } },
    yAxis: { type: 'value', name: t('map.latitude'), min: bounds.minLat, max: bounds.maxLat, splitLine: { lineStyle: { color: '#e3e6ea' } }, axisLabel: { formatter: (v: number) => `${v.toFixed(2)}°` } },
    series: [
      ...ratingSeries,
      {
        type: 'scatter',
        name: t('map.hotspot'),
        symbol: 'triangle',
        symbolSize: 14,
        symbolOffset: [-9, -9],
        itemStyle: { color: HOTSPOT_COLOUR },
        data: points.filter((p) => p.hotspot).map(item),
        z: 4,
      },
      {
        type: 'scatter',
        name: t('map.incidents'),
        symbol: 'diamond',
        symbolSize: (_: unknown, params: { data: { point: MapPoint } }) => 8 + Math.sqrt(params.data.point.incidents) * 4,
        symbolOffset: [9, -9],
        itemStyle: { color: INCIDENT_COLOUR, opacity: 0.85 },
        data: points.filter((p) => p.incidents > 0).map(item),
        z: 5,
      },
    ],
  };
}

/**
 * The area on a plain map (no tiles from the internet): each unit at its seat from the registry,
 * coloured by its rating of the quarter, hotspots and incidents beside it. A point opens the
 * incident rows of its unit; the table below holds the same, for the keyboard and screen readers.
 */
export function MapPage({ session, area, quarter }: Props): JSX.Element {
  const i18n = useI18n();
  const { t, number } = i18n;
  const map = useResource((signal) => loadMap(session, area, quarter, signal), [session.token, area, quarter]);
  const data = map.data;
  return (
    <>
      <h1>
        {t('map.title')}
        {data ? ` — ${data.area.name}` : ''} <span className="subtitle">{i18n.quarter(quarter)}</span>
      </h1>
      <p className="muted">{t('map.intro')}</p>
      {map.error ? <ProblemAlert error={map.error} onRetry={map.reload} /> : null}
      {!data ? (
        !map.error && <p className="muted">{t('loading')}</p>
      ) : data.points.length === 0 ? (
        <p className="muted">{t('map.noPoints')}</p>
      ) : (
        <section className="card" aria-labelledby="map-heading">
          <h2 id="map-heading" className="visually-hidden">
            {t('map.title')}
          </h2>
          <EChart
            title={`${t('map.title')} — ${data.area.name}, ${i18n.quarter(quarter)}`}
            option={mapOption(data.points, t, number)}
            height={560}
            fileName={`ban-do-${area}-${quarter}`}
            testId="unit-map"
            onItemClick={({ data: item }) => {
              const point = (item as { point?: MapPoint } | undefined)?.point;
              if (point) window.location.hash = drillHref(point.path, quarter, {});
            }}
            table={{
              columns: [t('cmp.unit'), t('map.rating'), t('map.hotspot'), t('incidentsTotal'), t('map.latitude'), t('map.longitude')],
              rows: data.points.map((p) => [
                p.name,
                p.rating ? t(p.rating) : t('map.unrated'),
                p.hotspot ?? '—',
                p.incidents > 0 ? (
                  <a href={drillHref(p.path, quarter, {})} data-testid={`map-drill-${p.code}`}>
                    {number(p.incidents)}
                  </a>
                ) : (
                  number(0)
                ),
                p.latitude.toFixed(4),
                p.longitude.toFixed(4),
              ]),
            }}
          >
            <p className="muted" data-testid="map-summary">
              {`${t('map.onMap')}: ${number(data.points.length)} · ${t('map.rated')}: ${number(data.points.filter((p) => p.rating).length)} · ${t('map.hotspots')}: ${number(data.points.filter((p) => p.hotspot).length)} · ${t('incidentsTotal')}: ${number(data.points.reduce((sum, p) => sum + p.incidents, 0) + data.unplacedIncidents)}`}
            </p>
          </EChart>
          {data.unplaced.length > 0 && (
            <details>
              <summary>{`${t('map.unplaced')} (${number(data.unplaced.length)})`}</summary>
              <ul data-testid="map-unplaced">
                {data.unplaced.map((unit) => (
                  <li key={unit.code}>{unit.name}</li>
                ))}
              </ul>
              {data.unplacedIncidents > 0 && <p>{`${t('map.unplacedIncidents')}: ${number(data.unplacedIncidents)}`}</p>}
            </details>
          )}
        </section>
      )}
    </>
  );
}
