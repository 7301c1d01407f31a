import { call } from './client';
import type { Session } from './session';

/** A quarter's report, or the year's roll-up (`year` instead of `quarter`). */
type ReportQuery = { area: string; view: string; lang: string; submission?: string } & ({ quarter: string } | { year: string });

/** The report as a file (XLSX, CSV, or the official document as DOCX or PDF): fetched with the bearer token, saved through a link. */
export async function downloadReport(session: Session, query: ReportQuery, format: 'xlsx' | 'csv' | 'docx' | 'pdf'): Promise<string> {
  const response = await call(session, 'reporting', 'reports/quarterly', { query: { ...query, format } });
  const blob = await response.blob();
  const fileName = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `bao-cao-${query.area}-${'year' in query ? query.year : query.quarter}.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}

/**
 * The printable HTML in a new tab. The tab is opened during the click (browsers
 * block pop-ups opened later) and filled once the report has arrived.
 */
export async function openPrintable(session: Session, query: ReportQuery): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const html = await (await call(session, 'reporting', 'reports/quarterly', { query: { ...query, format: 'html' } })).text();
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
