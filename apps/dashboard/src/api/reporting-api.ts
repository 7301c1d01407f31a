// The reporting service's operations the dashboard uses, through the generated client: the
// types are the published document's (@binh-yen/api-client).
import type { QuarterlyReport } from '@binh-yen/report-model';
import type { ReportingOperations as operations, ReportingSchemas as components } from '@binh-yen/api-client';
import { answered, api, bearer, dataOf } from './client';
import type { Session } from './session';

type QuarterlyQuery = NonNullable<operations['QuarterlyReportController_get']['parameters']['query']>;
type IncidentRowsQuery = Omit<NonNullable<operations['IncidentFiguresController_list']['parameters']['query']>, 'format'>;

export const reportingApi = {
  /**
   * The report as JSON. Read as libs/report-model's QuarterlyReport (its quarter/year union), the
   * model the document's QuarterlyReportDto describes and the dashboard's report helpers take.
   */
  quarterly: async (session: Session, query: Omit<QuarterlyQuery, 'format'>, signal?: AbortSignal): Promise<QuarterlyReport> =>
    (await dataOf(api.reporting.GET('/api/v1/reports/quarterly', { params: { query: { ...query, format: 'json' } }, headers: bearer(session), signal }))) as unknown as QuarterlyReport,
  incidentCounts: (session: Session, query: { quarter: string; area?: string }, signal?: AbortSignal) =>
    dataOf(api.reporting.GET('/api/v1/reports/incident-counts', { params: { query }, headers: bearer(session), signal })),
  submissionStatus: (session: Session, quarter: string, signal?: AbortSignal) =>
    dataOf(api.reporting.GET('/api/v1/reports/submissions/status', { params: { query: { quarter } }, headers: bearer(session), signal })),
  /** The rows behind every incident figure (the analysis' drill-through), a page at a time. */
  incidentRows: (session: Session, query: IncidentRowsQuery, signal?: AbortSignal) =>
    dataOf(api.reporting.GET('/api/v1/reports/incidents', { params: { query: { ...query, format: 'json' } }, headers: bearer(session), signal })),
  /** The same rows as the service's CSV export (streamed, however many). */
  incidentRowsCsv: (session: Session, query: IncidentRowsQuery) =>
    answered(api.reporting.GET('/api/v1/reports/incidents', { params: { query: { ...query, format: 'csv' } }, headers: bearer(session), parseAs: 'blob' })),
  /** Each unit's rating and hotspot in the quarter (the map). */
  unitStandings: (session: Session, query: { area: string; quarter: string }, signal?: AbortSignal) =>
    dataOf(api.reporting.GET('/api/v1/reports/unit-standings', { params: { query }, headers: bearer(session), signal })),
  submit: (session: Session, body: components['schemas']['SubmitReportDto']) => dataOf(api.reporting.POST('/api/v1/reports/submissions', { body, headers: bearer(session) })),
  approve: (session: Session, id: string) => dataOf(api.reporting.POST('/api/v1/reports/submissions/{id}/approve', { params: { path: { id } }, headers: bearer(session) })),
  returnForChanges: (session: Session, id: string, comments: string) =>
    dataOf(api.reporting.POST('/api/v1/reports/submissions/{id}/return', { params: { path: { id } }, body: { comments }, headers: bearer(session) })),
};
