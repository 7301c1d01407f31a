import { useState, type FormEvent } from 'react';
import { reportingApi } from '../api/reporting-api';
import { isWithinArea, may, type Session } from '../api/session';
import type { SubmissionStatus } from '../api/types';
import { ProblemAlert } from '../components/problem-alert';
import { documentOf, DocumentHeadingFields, EMPTY_DOCUMENT, type DocumentDraft } from '../forms/document-heading-fields';
import { Field, FormStatus, useSubmission } from '../forms/form-kit';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../state/use-resource';

type District = SubmissionStatus['districts'][number];
const SUBMITTABLE = ['missing', 'overdue', 'returned'];
const REVIEWABLE = ['submitted-on-time', 'submitted-late'];

/** The quarter's report of a unit that reports to the province, with the official document's heading if the officer gives it. */
function SubmitForm({ session, quarter, districts, onDone }: { session: Session; quarter: string; districts: District[]; onDone(message: string): void }): JSX.Element {
  const { t } = useI18n();
  const [area, setArea] = useState(districts[0]?.area ?? '');
  const [narrative, setNarrative] = useState('');
  const [withDocument, setWithDocument] = useState(false);
  const [document, setDocument] = useState<DocumentDraft>(EMPTY_DOCUMENT);
  const submission = useSubmission<unknown>();
  const errors = submission.fieldErrors;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const body = { area, quarter, narrative, ...(withDocument ? { document: documentOf(document) } : {}) };
    // A number that is not a whole number goes as typed (documentOf), so the service's problem names the field: wider than the document's type.
    if ((await submission.submit(() => reportingApi.submit(session, body as Parameters<typeof reportingApi.submit>[1]))) === null) return;
    setNarrative('');
    setDocument(EMPTY_DOCUMENT);
    setWithDocument(false);
    onDone(t('submitted'));
  };
  if (districts.length === 0) return <p className="muted">{t('nothingToSubmit')}</p>;
  return (
    <form onSubmit={(event) => void submit(event)} className="stack" data-testid="submit-form" noValidate>
      <FormStatus submission={submission} />
      <Field id="submit-area" label={t('submitFor')} error={errors['area']}>
        {(props) => (
          <select {...props} value={area} onChange={(event) => setArea(event.target.value)}>
            {districts.map((district) => (
              <option key={district.area} value={district.area}>
                {district.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="submit-narrative" label={t('narrative')} hint={t('narrativeHint')} error={errors['narrative']}>
        {(props) => <textarea {...props} rows={5} maxLength={20_000} value={narrative} onChange={(event) => setNarrative(event.target.value)} />}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" checked={withDocument} onChange={(event) => setWithDocument(event.target.checked)} aria-describedby="document-include-hint" data-testid="document-include" /> {t('document.include')}
        </label>
        <span id="document-include-hint" className="muted field-hint">
          {t('document.includeHint')}
        </span>
      </div>
      {withDocument && <DocumentHeadingFields draft={document} onChange={setDocument} errors={errors} />}
      <button type="submit" disabled={submission.submitting || narrative.trim() === ''}>
        {submission.submitting ? t('form.sending') : t('submitReport')}
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
