import { BarChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { saveBlob } from '../api/downloads';
import { useI18n } from '../i18n/i18n';

// Apache ECharts (ADR 0051), only the parts the dashboard draws: bars and points, with
// tooltips, legends and the aria description; canvas on screen, SVG for the export.
echarts.use([BarChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

export interface EChartProps {
  title: string;
  option: ChartOption;
  /** The figures as a table: the text alternative for screen readers and for anyone who wants the numbers. */
  table: { columns: string[]; rows: ReactNode[][] };
  /** Pixels; the width follows the card. */
  height: number;
  fileName: string;
  testId?: string;
  /** Below the chart, e.g. a legend of the map's symbols. */
  children?: ReactNode;
  /** A click on a bar or a point (its series' name and data item); the same targets must be in the table for the keyboard. */
  onItemClick?: (item: { seriesName: string; data: unknown }) => void;
}

/** A chart with PNG and SVG export and its data table; redrawn when its option or the card's width changes. */
export function EChart({ title, option, table, height, fileName, testId, children, onItemClick }: EChartProps): JSX.Element {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>();
  const clicked = useRef(onItemClick);
  clicked.current = onItemClick;
  const titleId = useId();
  const full: ChartOption = { textStyle: { fontFamily: FONT }, aria: { enabled: true, label: { description: `${title}. ${t('chart.seeTable')}` } }, animation: false, ...option };

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.({ seriesName: params.seriesName ?? '', data: params.data }));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(full, { notMerge: true });
  });

  const exportPng = (): void => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    // Decoded here: the page's CSP (connect-src 'self') lets no fetch read a data: URL.
    if (url) saveBlob(new Blob([Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0))], { type: 'image/png' }), `${fileName}.png`);
  };
  const exportSvg = (): void => {
    // A second, server-side-rendering instance draws the same option as SVG text.
    const width = box.current?.clientWidth ?? 800;
    const offscreen = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    offscreen.setOption(full);
    const svg = offscreen.renderToSVGString();
    offscreen.dispose();
    saveBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
  };

  return (
    <figure className="chart echart" data-testid={testId}>
      <figcaption id={titleId}>{title}</figcaption>
      <div ref={box} className="echart-canvas" style={{ height }} role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-table`} />
      {children}
      <div className="chart-actions">
        <button type="button" className="secondary" onClick={exportPng} data-testid={testId ? `${testId}-png` : undefined}>
          {t('chart.exportPng')}
        </button>
        <button type="button" className="secondary" onClick={exportSvg} data-testid={testId ? `${testId}-svg` : undefined}>
          {t('chart.exportSvg')}
        </button>
      </div>
      <details className="chart-table">
        <summary>{t('chart.dataTable')}</summary>
        <div className="table-scroll">
          <table id={`${titleId}-table`}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((column, i) => (
                  <th key={column} scope="col" className={i === 0 ? undefined : 'num'}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j} className="num">{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
