import { useState, type FormEvent } from 'react';
import { incidentsApi, INCIDENT_SOURCES, type IncidentSource, type ReportIncidentBody } from '../api/incidents-api';
import type { Session } from '../api/session';
import { Field, FormStatus, countOf, useSubmission, vietnamDateTime, vietnamNowLocal } from '../forms/form-kit';
import { UnitPicker } from '../forms/unit-picker';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../state/use-resource';
import { routeHref } from '../state/route';

const PEOPLE = ['suspects', 'victims', 'injured', 'deaths'] as const;

/** Tiếp nhận tin báo: an officer of the police or the People's Committee reports an incident (ADR 0050). */
export function ReportIncidentPage({ session }: { session: Session }): JSX.Element {
  const { t, language } = useI18n();
  const taxonomy = useResource((signal) => incidentsApi.taxonomy(session, signal), [session.token], { live: false });
  const submission = useSubmission<Awaited<ReturnType<typeof incidentsApi.report>>>();
  const [unitCode, setUnitCode] = useState('');
  const [category, setCategory] = useState('');
  const [source, setSource] = useState<IncidentSource>('agency-report');
  const [occurredAt, setOccurredAt] = useState(() => vietnamNowLocal());
  const [summary, setSummary] = useState('');
  const [locationText, setLocationText] = useState('');
  const [people, setPeople] = useState<Record<(typeof PEOPLE)[number], string>>({ suspects: '', victims: '', injured: '', deaths: '' });
  const [informantName, setInformantName] = useState('');
  const [informantContact, setInformantContact] = useState('');
  const errors = submission.fieldErrors;
  const tip = source === 'public-tip';

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const counts = Object.fromEntries(PEOPLE.map((key) => [key, countOf(people[key])]).filter(([, n]) => n !== undefined));
    const body: ReportIncidentBody = {
      unitCode,
      category,
      source,
      occurredAt: occurredAt ? vietnamDateTime(occurredAt) : '',
      summary,
      ...(locationText.trim() ? { locationText: locationText.trim() } : {}),
      ...(Object.keys(counts).length > 0 ? { people: counts } : {}),
      // Only a public tip carries an informant; switching the source away drops what was typed.
      ...(tip && informantName.trim() ? { informant: { name: informantName.trim(), ...(informantContact.trim() ? { contact: informantContact.trim() } : {}) } } : {}),
    };
    const answer = await submission.submit((key) => incidentsApi.report(session, body, key));
    if (answer) window.location.hash = routeHref('incident', { id: answer.data.id, created: '1' });
  };

  return (
    <form className="card stack officer-form" onSubmit={(event) => void onSubmit(event)} aria-labelledby="report-incident-heading" noValidate>
      <h1 id="report-incident-heading">{t('form.reportIncident')}</h1>
      <FormStatus submission={submission} />
      <UnitPicker session={session} id="unitCode" label={t('form.unit')} value={unitCode} onChange={setUnitCode} error={errors['unitCode']} />
      <Field id="category" label={t('form.category')} error={errors['category']}>
        {(props) => (
          <select {...props} value={category} onChange={(event) => setCategory(event.target.value)} data-testid="category">
            <option value="">{t('form.choose')}</option>
            {(taxonomy.data?.categories ?? [])
              .filter((entry) => entry.active)
              .map((entry) => (
                <option key={entry.slug} value={entry.slug}>
                  {language === 'vi' ? entry.nameVi : entry.nameEn}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field id="source" label={t('form.source')} error={errors['source']}>
        {(props) => (
          <select {...props} value={source} onChange={(event) => setSource(event.target.value as IncidentSource)} data-testid="source">
            {INCIDENT_SOURCES.map((slug) => (
              <option key={slug} value={slug}>
                {t(`source.${slug}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="occurredAt" label={t('form.occurredAt')} hint={t('form.vietnamTime')} error={errors['occurredAt']}>
        {(props) => <input {...props} type="datetime-local" value={occurredAt} onChange={(event) => setOccurredAt(event.target.value)} data-testid="occurredAt" />}
      </Field>
      <Field id="summary" label={t('form.summary')} error={errors['summary']}>
        {(props) => <textarea {...props} rows={3} value={summary} onChange={(event) => setSummary(event.target.value)} data-testid="summary" />}
      </Field>
      <Field id="locationText" label={t('form.location')} error={errors['locationText']}>
        {(props) => <input {...props} type="text" value={locationText} onChange={(event) => setLocationText(event.target.value)} />}
      </Field>
      <fieldset className="counts">
        <legend>{t('form.people')}</legend>
        {PEOPLE.map((key) => (
          <Field key={key} id={`people-${key}`} label={t(`people.${key}`)} error={errors[`people.${key}`]}>
            {(props) => <input {...props} type="number" min={0} inputMode="numeric" value={people[key]} onChange={(event) => setPeople((previous) => ({ ...previous, [key]: event.target.value }))} />}
          </Field>
        ))}
      </fieldset>
      {tip && (
        <fieldset className="informant" data-testid="informant-fields">
          <legend>{t('form.informant')}</legend>
          <p className="alert alert-warning" data-testid="informant-warning">
            {t('form.informantWarning')}
          </p>
          <Field id="informant-name" label={t('form.informantName')} error={errors['informant.name'] ?? errors['informant']}>
            {(props) => <input {...props} type="text" autoComplete="off" value={informantName} onChange={(event) => setInformantName(event.target.value)} data-testid="informant-name" />}
          </Field>
          <Field id="informant-contact" label={t('form.informantContact')} error={errors['informant.contact']}>
            {(props) => <input {...props} type="text" autoComplete="off" value={informantContact} onChange={(event) => setInformantContact(event.target.value)} data-testid="informant-contact" />}
          </Field>
        </fieldset>
      )}
      <button type="submit" disabled={submission.submitting} data-testid="submit-incident">
        {submission.submitting ? t('form.sending') : t('form.reportIncidentSubmit')}
      </button>
    </form>
  );
}
