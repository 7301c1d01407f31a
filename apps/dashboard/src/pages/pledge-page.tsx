import { useState, type FormEvent } from 'react';
import { campaignsApi } from '../api/campaigns-api';
import type { Session } from '../api/session';
import { Field, FormStatus, countOf, useSubmission, vietnamToday } from '../forms/form-kit';
import { UnitPicker } from '../forms/unit-picker';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../state/use-resource';

/** Households of a unit pledging for a campaign (cam kết), for a period (ADR 0050). */
export function PledgePage({ session }: { session: Session }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const campaigns = useResource((signal) => campaignsApi.list(session, signal), [session.token], { live: false });
  const submission = useSubmission<Awaited<ReturnType<typeof campaignsApi.recordPledge>>>();
  const [campaignId, setCampaignId] = useState('');
  const [unitCode, setUnitCode] = useState('');
  const [households, setHouseholds] = useState('');
  const [validFrom, setValidFrom] = useState(() => vietnamToday());
  const [validTo, setValidTo] = useState('');
  const errors = submission.fieldErrors;
  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const body = { unitCode, households: countOf(households) as number, validFrom, validTo };
    await submission.submit((key) => campaignsApi.recordPledge(session, campaignId, body, key));
  };
  return (
    <form className="card stack officer-form" onSubmit={(event) => void onSubmit(event)} aria-labelledby="pledge-heading" noValidate>
      <h1 id="pledge-heading">{t('form.pledge')}</h1>
      <FormStatus submission={submission} success={submission.done ? t('form.pledgeDone') : null} />
      <Field id="pledge-campaign" label={t('form.campaign')} error={errors['id']}>
        {(props) => (
          <select {...props} value={campaignId} onChange={(event) => setCampaignId(event.target.value)} data-testid="pledge-campaign">
            <option value="">{t('form.choose')}</option>
            {(campaigns.data?.items ?? [])
              .filter((campaign) => campaign.status !== 'closed')
              .map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {`${campaign.name} — ${i18n.agency(campaign.leadAgency)}`}
                </option>
              ))}
          </select>
        )}
      </Field>
      <UnitPicker session={session} id="pledge-unitCode" label={t('form.unit')} value={unitCode} onChange={setUnitCode} error={errors['unitCode']} />
      <Field id="households" label={t('form.households')} error={errors['households']}>
        {(props) => <input {...props} type="number" min={1} inputMode="numeric" value={households} onChange={(event) => setHouseholds(event.target.value)} data-testid="households" />}
      </Field>
      <Field id="validFrom" label={t('form.validFrom')} error={errors['validFrom']}>
        {(props) => <input {...props} type="date" value={validFrom} onChange={(event) => setValidFrom(event.target.value)} data-testid="validFrom" />}
      </Field>
      <Field id="validTo" label={t('form.validTo')} error={errors['validTo']}>
        {(props) => <input {...props} type="date" value={validTo} onChange={(event) => setValidTo(event.target.value)} data-testid="validTo" />}
      </Field>
      <button type="submit" disabled={submission.submitting} data-testid="submit-pledge">
        {submission.submitting ? t('form.sending') : t('form.pledgeSubmit')}
      </button>
    </form>
  );
}
