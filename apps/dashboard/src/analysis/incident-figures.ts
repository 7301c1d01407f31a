import { fileNameOf, saveBlob } from '../api/downloads';
import { reportingApi } from '../api/reporting-api';
import type { Session } from '../api/session';
import type { FigureFilters, IncidentFigure } from './figure-filters';

export { filtersOf, FIGURE_FILTERS, type FigureFilters, type IncidentFigure } from './figure-filters';

// The reporting service's incidents query (GET /api/v1/reports/incidents,
// apps/reporting/src/cases/incident-figures.controller.ts): the rows behind every incident figure.

const PAGE = 1000;
/** A province's quarter holds a few thousand incidents; beyond this the comparison would rather use the CSV export. */
const MAX_PAGES = 20;

export async function figurePage(session: Session, filters: FigureFilters, cursor: string | null, limit: number, signal?: AbortSignal): Promise<{ items: IncidentFigure[]; nextCursor: string | null }> {
  const page = await reportingApi.incidentRows(session, { ...filters, limit, cursor: cursor ?? undefined }, signal);
  return page as unknown as { items: IncidentFigure[]; nextCursor: string | null };
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
  const { data: blob, response } = await reportingApi.incidentRowsCsv(session, filters);
  const fileName = fileNameOf(response, 'vu-viec.csv');
  saveBlob(blob, fileName);
  return fileName;
}
