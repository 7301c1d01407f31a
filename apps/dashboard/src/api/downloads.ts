import type { ReportingOperations as operations } from '@binh-yen/api-client';
import { answered, api, bearer } from './client';
import type { Session } from './session';

type QuarterlyQuery = NonNullable<operations['QuarterlyReportController_get']['parameters']['query']>;

/** A quarter's report, or the year's roll-up (`year` instead of `quarter`). */
type ReportQuery = Pick<QuarterlyQuery, 'area' | 'view' | 'lang' | 'submission'> & ({ quarter: string } | { year: string });

/** The report as a file: the generated client's call, its answer read as a blob or as text. */
const reportFile = <As extends 'blob' | 'text'>(session: Session, query: QuarterlyQuery, parseAs: As) =>
  answered(api.reporting.GET('/api/v1/reports/quarterly', { params: { query }, headers: bearer(session), parseAs }));

/** The report as a file (XLSX, CSV, or the official document as DOCX or PDF): fetched with the bearer token, saved through a link. */
export async function downloadReport(session: Session, query: ReportQuery, format: 'xlsx' | 'csv' | 'docx' | 'pdf'): Promise<string> {
  const { data: blob, response } = await reportFile(session, { ...query, format }, 'blob');
  const fileName = fileNameOf(response, `bao-cao-${query.area}-${'year' in query ? query.year : query.quarter}.${format}`);
  saveBlob(blob, fileName);
  return fileName;
}

/** The file name a service's answer gives in its Content-Disposition, or `fallback`. */
export function fileNameOf(response: Response, fallback: string): string {
  return /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
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

/**
 * The printable HTML in a new tab. The tab is opened during the click (browsers
 * block pop-ups opened later) and filled once the report has arrived.
 */
export async function openPrintable(session: Session, query: ReportQuery): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const { data: html } = await reportFile(session, { ...query, format: 'html' }, 'text');
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    if (tab) {
      tab.opener = null;
      tab.location.href = url;
    } else {
      window.location.href = url;
    }
  } catch (error) {
    tab?.close();
    throw error;
  }
}
