import { useState, type FormEvent } from 'react';
import { incidentsApi, type Incident, type NextAction, type TransitionBody } from '../api/incidents-api';
import type { Session } from '../api/session';
import { ProblemAlert } from '../components/problem-alert';
import { Field, FormStatus, useSubmission } from '../forms/form-kit';
import { UnitPicker } from '../forms/unit-picker';
import { useI18n } from '../i18n/i18n';
import { useCategoryName } from '../state/category-names';
import { useMe } from '../state/me';
import { useResource } from '../state/use-resource';

/** One step the caller's agency may take now (from the incident's nextActions), with what it needs. */
function StepForm({ session, incident, step, onDone, onReload }: { session: Session; incident: Incident; step: NextAction; onDone(next: Incident): void; onReload(): void }): JSX.Element {
  const { t } = useI18n();
  const submission = useSubmission<Awaited<ReturnType<typeof incidentsApi.transition>>>();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<NonNullable<TransitionBody['reason']> | ''>(step.reasons?.[0] ?? '');
  const [verdict, setVerdict] = useState<'convicted' | 'acquitted'>('convicted');
  const [sentence, setSentence] = useState('');
  const id = `step-${step.action}`;
  const errors = submission.fieldErrors;
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const body: TransitionBody = {
      action: step.action,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(step.action === 'close' && reason ? { reason } : {}),
      ...(step.action === 'record-verdict' ? { verdict, ...(sentence.trim() ? { sentenceSummary: sentence.trim() } : {}) } : {}),
    };
    const answer = await submission.submit((key) => incidentsApi.transition(session, incident.id, incident.version, body, key));
    if (answer) onDone(answer.data);
  };
  return (
    <form className="card stack step-form" onSubmit={(event) => void onSubmit(event)} aria-labelledby={`${id}-heading`} data-testid={id} noValidate>
      <h3 id={`${id}-heading`}>{t(`action.${step.action}`)}</h3>
      <FormStatus submission={submission} onReload={onReload} />
      {step.action === 'close' && step.reasons && step.reasons.length > 0 && (
        <Field id={`${id}-reason`} label={t('form.closeReason')} error={errors['reason']}>
          {(props) => (
            <select {...props} value={reason} onChange={(event) => setReason(event.target.value as NonNullable<TransitionBody['reason']>)}>
              {(step.reasons ?? []).map((slug) => (
                <option key={slug} value={slug}>
                  {t(`reason.${slug}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {step.action === 'record-verdict' && (
        <>
          <Field id={`${id}-verdict`} label={t('form.verdict')} error={errors['verdict']}>
            {(props) => (
              <select {...props} value={verdict} onChange={(event) => setVerdict(event.target.value as 'convicted' | 'acquitted')} data-testid="verdict">
                <option value="convicted">{t('verdict.convicted')}</option>
                <option value="acquitted">{t('verdict.acquitted')}</option>
              </select>
            )}
          </Field>
          {verdict === 'convicted' && (
            <Field id={`${id}-sentence`} label={t('form.sentence')} error={errors['sentenceSummary']}>
              {(props) => <input {...props} type="text" value={sentence} onChange={(event) => setSentence(event.target.value)} data-testid="sentence" />}
            </Field>
          )}
        </>
      )}
      <Field id={`${id}-note`} label={t('form.note')} error={errors['note']}>
        {(props) => <textarea {...props} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <button type="submit" disabled={submission.submitting} data-testid={`${id}-submit`}>
        {t(`action.${step.action}`)}
      </button>
    </form>
  );
}

function TransferForm({ session, incident, onDone, onReload }: { session: Session; incident: Incident; onDone(next: Incident): void; onReload(): void }): JSX.Element {
  const { t } = useI18n();
  const submission = useSubmission<Awaited<ReturnType<typeof incidentsApi.transfer>>>();
  const [toUnitCode, setToUnitCode] = useState('');
  const [note, setNote] = useState('');
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const answer = await submission.submit((key) => incidentsApi.transfer(session, incident.id, incident.version, { toUnitCode, ...(note.trim() ? { note: note.trim() } : {}) }, key));
    if (answer) onDone(answer.data);
  };
  return (
    <form className="card stack" onSubmit={(event) => void onSubmit(event)} aria-labelledby="transfer-heading" data-testid="transfer-form" noValidate>
      <h3 id="transfer-heading">{t('form.transfer')}</h3>
      <FormStatus submission={submission} onReload={onReload} />
      <UnitPicker session={session} id="toUnitCode" label={t('form.transferTo')} value={toUnitCode} onChange={setToUnitCode} error={submission.fieldErrors['toUnitCode']} />
      <Field id="transfer-note" label={t('form.note')} error={submission.fieldErrors['note']}>
        {(props) => <textarea {...props} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
      <button type="submit" disabled={submission.submitting}>
        {t('form.transferSubmit')}
      </button>
    </form>
  );
}

/** The incident's page: what it is, its timeline, the steps the caller's agency may take next, a transfer (ADR 0050). */
export function IncidentPage({ session, id }: { session: Session; id: string }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const [version, setVersion] = useState(0);
  const incident = useResource((signal) => incidentsApi.get(session, id, signal), [id, version], { live: false });
  const timeline = useResource((signal) => incidentsApi.timeline(session, id, signal), [id, version], { live: false });
  const categoryName = useCategoryName(session);
  const reload = (): void => setVersion((n) => n + 1);
  if (incident.error) return <ProblemAlert error={incident.error} onRetry={incident.reload} />;
  const data = incident.data;
  if (!data) return <p className="muted">{t('loading')}</p>;
  const mayStep = me?.actions.includes('incident.transition') ?? false;
  const steps = mayStep ? data.nextActions.filter((step) => me !== undefined && (step.agencies as readonly string[]).includes(me.agency)) : [];
  const mayTransfer = (me?.actions.includes('incident.transfer') ?? false) && !['closed', 'rejected'].includes(data.status);
  return (
    <div className="stack incident-page">
      <h1>
        {t('form.incident')} <span className="subtitle">{data.unitName}</span>
      </h1>
      <dl className="card facts" data-testid="incident-facts">
        <dt>{t('form.status')}</dt>
        <dd data-testid="incident-status">{t(`status.${data.status}`)}</dd>
        <dt>{t('form.category')}</dt>
        <dd>{categoryName(data.category)}</dd>
        <dt>{t('form.source')}</dt>
        <dd>{t(`source.${data.source}`)}</dd>
        <dt>{t('form.occurredAt')}</dt>
        <dd>{i18n.dateTime(data.occurredAt)}</dd>
        <dt>{t('form.summary')}</dt>
        <dd>{data.summary}</dd>
        <dt>{t('form.informant')}</dt>
        <dd data-testid="incident-informant">{data.hasInformant ? t('form.informantKept') : t('form.noInformant')}</dd>
        {data.verdict && (
          <>
            <dt>{t('form.verdict')}</dt>
            <dd data-testid="incident-verdict">{`${t(`verdict.${data.verdict}`)}${data.sentenceSummary ? ` — ${data.sentenceSummary}` : ''}`}</dd>
          </>
        )}
      </dl>
      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('form.timeline')}</h2>
        <ol className="timeline" data-testid="timeline">
          {(timeline.data?.entries ?? []).map((entry) => (
            <li key={entry.sequence}>
              <strong>{t(`action.${entry.action}`)}</strong> — {i18n.agency(entry.agency)} · {i18n.dateTime(entry.takenAt)}
              {entry.note && <span className="muted"> · {entry.note}</span>}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="next-heading" className="stack" data-testid="next-actions">
        <h2 id="next-heading">{t('form.nextActions')}</h2>
        {steps.length === 0 && <p className="muted">{data.nextActions.length === 0 ? t('form.noFurtherSteps') : t('form.notYourStep')}</p>}
        {steps.map((step) => (
          <StepForm key={`${step.action}-${data.version}`} session={session} incident={data} step={step} onDone={reload} onReload={reload} />
        ))}
      </section>
      {mayTransfer && <TransferForm key={data.version} session={session} incident={data} onDone={reload} onReload={reload} />}
    </div>
  );
}
