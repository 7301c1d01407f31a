import { useState } from 'react';
import { downloadReport, openPrintable } from '../api/downloads';
import type { Session } from '../api/session';
import { reportingApi } from '../api/reporting-api';
import { CompareTable, DetailTable } from '../components/compare-table';
import { ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n/i18n';
import { routeHref } from '../state/route';
import { useResource } from '../state/use-resource';

type View = 'as-at-time' | 'as-today';
type PeriodKind = 'quarter' | 'year';

/** The quarterly report, every section rendered from its rows and details, with its downloads. */
export function ReportPage({ session, area, quarter }: { session: Session; area: string; quarter: string }): JSX.Element {
  const i18n = useI18n();
  const { t, language } = i18n;
  const [view, setView] = useState<View>('as-at-time');
  const [periodKind, setPeriodKind] = useState<PeriodKind>('quarter');
  const year = quarter.slice(0, 4);
  const query = periodKind === 'year' ? { area, year, view, lang: language } : { area, quarter, view, lang: language };
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const report = useResource(
    (signal) => reportingApi.quarterly(session, query, signal),
    [session.token, area, quarter, view, language, periodKind],
  );
  const run = (name: string, work: () => Promise<unknown>): void => {
    setBusy(name);
    setActionError(null);
    work()
      .catch((error: unknown) => setActionError(error))
      .finally(() => setBusy(null));
  };
  /** The area's submitted report of this quarter, whose issuer and signatory the official document carries; none: a draft. */
  const submissionOf = async (): Promise<{ submission?: string }> => {
    if (periodKind === 'year' || view !== 'as-at-time') return {};
    const status = await reportingApi.submissionStatus(session, quarter).catch(() => null);
    const id = status?.districts.find((district) => district.area === area)?.submissionId;
    return id ? { submission: id } : {};
  };
  const data = report.data;
  return (
    <>
      <h1>
        {data?.title ?? t('reportTitle')} <span className="subtitle">{[data?.area.name, periodKind === 'year' ? `${t('period.year')} ${year}` : i18n.quarter(quarter)].filter(Boolean).join(' · ')}</span>
      </h1>
      <div className="card report-controls">
        <div className="field-inline">
          <label htmlFor="period-select">{t('period')}</label>
          <select id="period-select" value={periodKind} onChange={(event) => setPeriodKind(event.target.value as PeriodKind)} data-testid="period-select">
            <option value="quarter">{`${t('period.quarter')} · ${i18n.quarter(quarter)}`}</option>
            <option value="year">{`${t('period.year')} ${year}`}</option>
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor="view-select">{t('view')}</label>
          <select id="view-select" value={view} onChange={(event) => setView(event.target.value as View)}>
            <option value="as-at-time">{t('view.as-at-time')}</option>
            <option value="as-today">{t('view.as-today')}</option>
          </select>
        </div>
        <div role="group" aria-label={t('downloads')} className="button-row">
          <button type="button" onClick={() => run('xlsx', () => downloadReport(session, query, 'xlsx'))} disabled={busy !== null} data-testid="download-xlsx">
            {busy === 'xlsx' ? t('downloading') : t('downloadXlsx')}
          </button>
          <button type="button" onClick={() => run('csv', () => downloadReport(session, query, 'csv'))} disabled={busy !== null} data-testid="download-csv">
            {busy === 'csv' ? t('downloading') : t('downloadCsv')}
          </button>
          <button type="button" onClick={() => run('docx', async () => downloadReport(session, { ...query, ...(await submissionOf()) }, 'docx'))} disabled={busy !== null} data-testid="download-docx" title={t('officialHint')}>
            {busy === 'docx' ? t('downloading') : t('downloadDocx')}
          </button>
          <button type="button" onClick={() => run('pdf', async () => downloadReport(session, { ...query, ...(await submissionOf()) }, 'pdf'))} disabled={busy !== null} data-testid="download-pdf" title={t('officialHint')}>
            {busy === 'pdf' ? t('downloading') : t('downloadPdf')}
          </button>
          <button type="button" onClick={() => run('print', () => openPrintable(session, query))} disabled={busy !== null} data-testid="print">
            {t('print')}
          </button>
        </div>
      </div>
      {actionError ? <ProblemAlert error={actionError} /> : null}
      {report.error ? <ProblemAlert error={report.error} onRetry={report.reload} onHome={() => (window.location.hash = routeHref('report', { area: session.area, quarter }))} /> : null}
      {!data && !report.error && <p className="muted">{t('loading')}</p>}
      {data && (
        <div aria-busy={report.loading} data-testid="report-sections">
          {data.sections.map((section) => (
            <section key={section.key} className="card report-section" aria-labelledby={`report-${section.key}`} data-testid={`report-section-${section.key}`}>
              <h2 id={`report-${section.key}`}>{section.title}</h2>
              <CompareTable caption={section.title} rows={section.rows} year={data.periodKind === 'year'} />
              {section.details.map((detail) => (
                <DetailTable key={detail.heading} detail={detail} />
              ))}
            </section>
          ))}
          <p className="muted">
            {data.text.currentAsOf.map(({ name, at }) => `${name} — ${t('currentAsOf')}: ${at}`).join(' · ')}
          </p>
        </div>
      )}
    </>
  );
}
