import { call, getJson } from '../api/client';
import type { Session } from '../api/session';
import type { FigureFilters, IncidentFigure } from './figure-filters';

export { filtersOf, FIGURE_FILTERS, type FigureFilters, type IncidentFigure } from './figure-filters';

// The reporting service's incidents query (GET /api/v1/reports/incidents,
// apps/reporting/src/cases/incident-figures.controller.ts): the rows behind every incident figure.

const PAGE = 1000;
/** A province's quarter holds a few thousand incidents; beyond this the comparison would rather use the CSV export. */
const MAX_PAGES = 20;

export async function figurePage(session: Session, filters: FigureFilters, cursor: string | null, limit: number, signal?: AbortSignal): Promise<{ items: IncidentFigure[]; nextCursor: string | null }> {
  return getJson(session, 'reporting', 'reports/incidents', { ...filters, limit: String(limit), cursor: cursor ?? undefined }, signal);
}

/** Every row the filters select, page by page. */
export async function allFigures(session: Session, filters: FigureFilters, signal?: AbortSignal): Promise<IncidentFigure[]> {
  const rows: IncidentFigure[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer = await figurePage(session, filters, cursor, PAGE, signal);
    rows.push(...answer.items);
    cursor = answer.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error(`More than ${PAGE * MAX_PAGES} incidents: narrow the period or the area`);
}

/** The service's own CSV export of the rows (streamed, however many), saved through a link. */
export async function downloadFigures(session: Session, filters: FigureFilters): Promise<string> {
  const response = await call(session, 'reporting', 'reports/incidents', { query: { ...filters, format: 'csv' } });
  const fileName = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'vu-viec.csv';
  saveBlob(await response.blob(), fileName);
  return fileName;
}

/** Hands a file the page made or fetched to the browser's download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
