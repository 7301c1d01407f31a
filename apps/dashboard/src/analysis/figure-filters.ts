// The rows of the reporting service's incidents query and its filters (no browser API here: unit-tested).

export interface IncidentFigure {
  incident_id: string;
  path: string;
  quarter: string;
  category: string;
  domain: string;
  source: string;
  status: string;
  reported_verified: number | null;
  verified_referred: number | null;
  referred_indicted: number | null;
  indicted_tried: number | null;
}

/** The query's filters, as they stand in the dashboard's URL (a drill-through is a bookmarkable link). */
export const FIGURE_FILTERS = ['area', 'from', 'to', 'category', 'domain', 'source', 'status'] as const;
export type FigureFilters = Partial<Record<(typeof FIGURE_FILTERS)[number], string>>;

export function filtersOf(params: Record<string, string>): FigureFilters {
  return Object.fromEntries(FIGURE_FILTERS.filter((name) => params[name]).map((name) => [name, params[name]])) as FigureFilters;
}
