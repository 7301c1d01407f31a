import { useState, type FormEvent } from 'react';
import { reportingApi } from '../api/reporting-api';
import { isWithinArea, may, type Session } from '../api/session';
import type { SubmissionStatus } from '../api/types';
import { ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../state/use-resource';

type District = SubmissionStatus['districts'][number];
const SUBMITTABLE = ['missing', 'overdue', 'returned'];
const REVIEWABLE = ['submitted-on-time', 'submitted-late'];

function SubmitForm({ session, quarter, districts, onDone }: { session: Session; quarter: string; districts: District[]; onDone(message: string): void }): JSX.Element {
  const { t } = useI18n();
  const [area, setArea] = useState(districts[0]?.area ?? '');
  const [narrative, setNarrative] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    reportingApi
      .submit(session, { area, quarter, narrative })
      .then(() => {
        setNarrative('');
        onDone(t('submitted'));
      })
      .catch((failure: unknown) => setError(failure))
      .finally(() => setBusy(false));
  };
  if (districts.length === 0) return <p className="muted">{t('nothingToSubmit')}</p>;
  return (
    <form onSubmit={submit} className="stack" data-testid="submit-form">
      <div className="field">
        <label htmlFor="submit-area">{t('submitFor')}</label>
        <select id="submit-area" value={area} onChange={(event) => setArea(event.target.value)}>
          {districts.map((district) => (
            <option key={district.area} value={district.area}>
              {district.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="submit-narrative">{t('narrative')}</label>
        <textarea id="submit-narrative" rows={5} required maxLength={20_000} value={narrative} onChange={(event) => setNarrative(event.target.value)} aria-describedby="narrative-hint" />
        <span id="narrative-hint" className="muted">
          {t('narrativeHint')}
        </span>
      </div>
      {error ? <ProblemAlert error={error} /> : null}
      <button type="submit" disabled={busy || narrative.trim() === ''}>
        {t('submitReport')}
      </button>
    </form>
  );
}

function ReviewActions({ session, district, onDone }: { session: Session; district: District; onDone(message: string): void }): JSX.Element {
  const { t } = useI18n();
  const [returning, setReturning] = useState(false);
  const [comments, setComments] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = (review: (id: string) => Promise<unknown>, message: string): void => {
    setError(null);
    if (!district.submissionId) return;
    review(district.submissionId)
      .then(() => onDone(message))
      .catch((failure: unknown) => setError(failure));
  };
  return (
    <div className="stack">
      {!returning ? (
        <div className="button-row">
          <button type="button" onClick={() => act((id) => reportingApi.approve(session, id), t('approved'))}>
            {t('approve')} <span className="visually-hidden">{district.name}</span>
          </button>
          <button type="button" className="secondary" onClick={() => setReturning(true)}>
            {t('returnReport')} <span className="visually-hidden">{district.name}</span>
          </button>
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            act((id) => reportingApi.returnForChanges(session, id, comments), t('returned'));
          }}
        >
          <label htmlFor={`comments-${district.code}`}>{t('returnComments')}</label>
          <textarea id={`comments-${district.code}`} rows={3} required maxLength={4000} value={comments} onChange={(event) => setComments(event.target.value)} />
          <div className="button-row">
            <button type="submit" disabled={comments.trim() === ''}>
              {t('confirmReturn')}
            </button>
            <button type="button" className="secondary" onClick={() => setReturning(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {error ? <ProblemAlert error={error} /> : null}
    </div>
  );
}

/** Where each district's quarterly report stands; submit, approve and return for the roles that may. */
export function SubmissionsPage({ session, area, quarter }: { session: Session; area: string; quarter: string }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [message, setMessage] = useState<string | null>(null);
  const status = useResource((signal) => reportingApi.submissionStatus(session, quarter, signal), [session.token, quarter]);
  const districts = status.data?.districts.filter((d) => isWithinArea(d.area, area) || isWithinArea(area, d.area)) ?? [];
  const canSubmit = may(session, 'submit');
  const canReview = may(session, 'review');
  const done = (text: string): void => {
    setMessage(text);
    status.reload();
  };
  return (
    <>
      <h1>
        {t('submissionsTitle')} <span className="subtitle">{i18n.quarter(quarter)}</span>
      </h1>
      <p role="status" className="status-message">
        {message}
      </p>
      {status.error ? <ProblemAlert error={status.error} onRetry={status.reload} /> : null}
      {status.data && (
        <section className="card" aria-labelledby="status-heading">
          <h2 id="status-heading">
            {t('submissionCompliance')} <span className="subtitle">{`${t('deadline')}: ${i18n.deadline(status.data.deadline)}`}</span>
          </h2>
          <div className="table-scroll">
            <table data-testid="submission-table">
              <thead>
                <tr>
                  <th scope="col">{t('district')}</th>
                  <th scope="col">{t('code')}</th>
                  <th scope="col">{t('state')}</th>
                  {canReview && <th scope="col">{t('actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {districts.map((district) => (
                  <tr key={district.code}>
                    <th scope="row">{district.name}</th>
                    <td>{district.code}</td>
                    <td>
                      <span className={`badge badge-${district.state}`}>{t(`state.${district.state}`)}</span>
                    </td>
                    {canReview && (
                      <td>{district.submissionId && REVIEWABLE.includes(district.state) && district.area !== session.area ? <ReviewActions session={session} district={district} onDone={done} /> : null}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section className="card" aria-labelledby="submit-heading">
        <h2 id="submit-heading">{t('submitReport')}</h2>
        {canSubmit && status.data ? (
          <SubmitForm key={`${quarter}-${districts.length}`} session={session} quarter={quarter} districts={districts.filter((d) => SUBMITTABLE.includes(d.state))} onDone={done} />
        ) : (
          <p className="muted">{canReview ? '' : t('noActions')}</p>
        )}
      </section>
    </>
  );
}
