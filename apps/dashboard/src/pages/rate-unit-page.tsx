import { useState, type FormEvent } from 'react';
import type { Session } from '../api/session';
import { MOVEMENT_RATINGS, unitsApi, type MovementRating, type RateUnitBody } from '../api/units-api';
import { Field, FormStatus, useSubmission, vietnamToday } from '../forms/form-kit';
import { UnitPicker } from '../forms/unit-picker';
import { useI18n } from '../i18n/i18n';
import { quartersUpTo, shiftQuarter } from '../quarters';

const AGENCIES = ['police', 'people-committee', 'fatherland-front', 'womens-union', 'youth-union', 'farmers-association', 'veterans-association', 'justice'];

/** Xếp loại phong trào: rate a unit for a quarter; a weak rating needs its improvement plan (ADR 0050). */
export function RateUnitPage({ session, quarter: shown }: { session: Session; quarter: string }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const submission = useSubmission<Awaited<ReturnType<typeof unitsApi.rate>>>();
  const [unitCode, setUnitCode] = useState('');
  const [quarter, setQuarter] = useState(shown);
  const [rating, setRating] = useState<MovementRating | ''>('');
  const [assessor, setAssessor] = useState('');
  const [assessedOn, setAssessedOn] = useState(() => vietnamToday());
  const [justification, setJustification] = useState('');
  const [planActions, setPlanActions] = useState('');
  const [responsibleAgency, setResponsibleAgency] = useState(session.agency);
  const [targetQuarter, setTargetQuarter] = useState(() => shiftQuarter(shown, 1));
  const errors = submission.fieldErrors;
  const weak = rating === 'weak';

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const body = {
      rating,
      assessor,
      assessedOn,
      justification,
      ...(weak ? { improvementPlan: { actions: planActions.split('\n').map((line) => line.trim()).filter(Boolean), responsibleAgency, targetQuarter } } : {}),
    } as RateUnitBody;
    await submission.submit((key) => unitsApi.rate(session, unitCode, quarter, body, key));
  };

  return (
    <form className="card stack officer-form" onSubmit={(event) => void onSubmit(event)} aria-labelledby="rate-heading" noValidate>
      <h1 id="rate-heading">{t('form.rateUnit')}</h1>
      <FormStatus submission={submission} success={submission.done ? t('form.rated') : null} />
      <UnitPicker session={session} id="rate-unitCode" label={t('form.unit')} value={unitCode} onChange={setUnitCode} error={errors['unitCode'] ?? errors['code']} />
      <Field id="rate-quarter" label={t('quarter')} error={errors['quarter']}>
        {(props) => (
          <select {...props} value={quarter} onChange={(event) => setQuarter(event.target.value)}>
            {quartersUpTo(shiftQuarter(shown, 1), 6)
              .reverse()
              .map((q) => (
                <option key={q} value={q}>
                  {i18n.quarter(q)}
                </option>
              ))}
          </select>
        )}
      </Field>
      <fieldset aria-describedby={errors['rating'] ? 'rating-error' : undefined}>
        <legend>{t('form.rating')}</legend>
        <div className="radio-row">
          {MOVEMENT_RATINGS.map((slug) => (
            <label key={slug} className="field-inline">
              <input type="radio" name="rating" value={slug} checked={rating === slug} onChange={() => setRating(slug)} data-testid={`rating-${slug}`} />
              {t(`rating.${slug}`)}
            </label>
          ))}
        </div>
        {errors['rating'] && (
          <span id="rating-error" className="field-error">
            {errors['rating']}
          </span>
        )}
      </fieldset>
      <Field id="assessor" label={t('form.assessor')} error={errors['assessor']}>
        {(props) => <input {...props} type="text" value={assessor} onChange={(event) => setAssessor(event.target.value)} data-testid="assessor" />}
      </Field>
      <Field id="assessedOn" label={t('form.assessedOn')} error={errors['assessedOn']}>
        {(props) => <input {...props} type="date" value={assessedOn} onChange={(event) => setAssessedOn(event.target.value)} />}
      </Field>
      <Field id="justification" label={t('form.justification')} error={errors['justification']}>
        {(props) => <textarea {...props} rows={3} value={justification} onChange={(event) => setJustification(event.target.value)} data-testid="justification" />}
      </Field>
      {weak && (
        <fieldset className="stack" data-testid="improvement-plan">
          <legend>{t('form.improvementPlan')}</legend>
          <p className="muted">{t('form.improvementPlanWhy')}</p>
          <Field id="plan-actions" label={t('form.planActions')} hint={t('form.onePerLine')} error={errors['improvementPlan.actions'] ?? errors['improvementPlan']}>
            {(props) => <textarea {...props} rows={3} value={planActions} onChange={(event) => setPlanActions(event.target.value)} data-testid="plan-actions" />}
          </Field>
          <Field id="plan-agency" label={t('form.responsibleAgency')} error={errors['improvementPlan.responsibleAgency']}>
            {(props) => (
              <select {...props} value={responsibleAgency} onChange={(event) => setResponsibleAgency(event.target.value)}>
                {AGENCIES.map((slug) => (
                  <option key={slug} value={slug}>
                    {i18n.agency(slug)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="plan-target" label={t('form.targetQuarter')} error={errors['improvementPlan.targetQuarter']}>
            {(props) => (
              <select {...props} value={targetQuarter} onChange={(event) => setTargetQuarter(event.target.value)}>
                {[1, 2, 3, 4].map((n) => shiftQuarter(quarter, n)).map((q) => (
                  <option key={q} value={q}>
                    {i18n.quarter(q)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
      )}
      <button type="submit" disabled={submission.submitting} data-testid="submit-rating">
        {submission.submitting ? t('form.sending') : t('form.rateSubmit')}
      </button>
    </form>
  );
}
