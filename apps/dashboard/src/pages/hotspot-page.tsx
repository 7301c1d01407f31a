import { useState, type FormEvent } from 'react';
import type { Session } from '../api/session';
import { unitsApi } from '../api/units-api';
import { Field, FormStatus, useSubmission } from '../forms/form-kit';
import { UnitPicker } from '../forms/unit-picker';
import { useI18n } from '../i18n/i18n';
import { quartersUpTo, shiftQuarter } from '../quarters';

/** Địa bàn trọng điểm: designate a unit a hotspot for a run of quarters (ADR 0050). */
export function HotspotPage({ session, quarter }: { session: Session; quarter: string }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const submission = useSubmission<Awaited<ReturnType<typeof unitsApi.designateHotspot>>>();
  const [unitCode, setUnitCode] = useState('');
  const [reason, setReason] = useState('');
  const [fromQuarter, setFromQuarter] = useState(quarter);
  const [toQuarter, setToQuarter] = useState(() => shiftQuarter(quarter, 3));
  const errors = submission.fieldErrors;
  const choices = quartersUpTo(shiftQuarter(quarter, 8), 12);
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    await submission.submit((key) => unitsApi.designateHotspot(session, unitCode, { reason, fromQuarter, toQuarter }, key));
  };
  return (
    <form className="card stack officer-form" onSubmit={(event) => void onSubmit(event)} aria-labelledby="hotspot-heading" noValidate>
      <h1 id="hotspot-heading">{t('form.hotspot')}</h1>
      <FormStatus submission={submission} success={submission.done ? t('form.hotspotDone') : null} />
      <UnitPicker session={session} id="hotspot-unitCode" label={t('form.unit')} value={unitCode} onChange={setUnitCode} error={errors['unitCode'] ?? errors['code']} />
      <Field id="hotspot-reason" label={t('form.hotspotReason')} error={errors['reason']}>
        {(props) => <textarea {...props} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} data-testid="hotspot-reason" />}
      </Field>
      {(
        [
          ['hotspot-from', 'form.fromQuarter', fromQuarter, setFromQuarter, 'fromQuarter'],
          ['hotspot-to', 'form.toQuarter', toQuarter, setToQuarter, 'toQuarter'],
        ] as const
      ).map(([id, label, value, set, field]) => (
        <Field key={id} id={id} label={t(label)} error={errors[field]}>
          {(props) => (
            <select {...props} value={value} onChange={(event) => set(event.target.value)} data-testid={id}>
              {choices.map((q) => (
                <option key={q} value={q}>
                  {i18n.quarter(q)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <button type="submit" disabled={submission.submitting} data-testid="submit-hotspot">
        {submission.submitting ? t('form.sending') : t('form.hotspotSubmit')}
      </button>
    </form>
  );
}
