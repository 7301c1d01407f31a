import { useState, type FormEvent } from 'react';
import { ACTIVITY_KINDS, campaignsApi, PARTICIPANT_GROUPS, type ParticipantGroup, type RecordActivityBody } from '../api/campaigns-api';
import type { Session } from '../api/session';
import { Field, FormStatus, countOf, useSubmission, vietnamToday } from '../forms/form-kit';
import { UnitPicker } from '../forms/unit-picker';
import { useI18n } from '../i18n/i18n';
import { useResource } from '../state/use-resource';

/** An activity of a campaign (a meeting, a propaganda session…) with its participants by group (ADR 0050). */
export function CampaignActivityPage({ session }: { session: Session }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const campaigns = useResource((signal) => campaignsApi.list(session, signal), [session.token], { live: false });
  const submission = useSubmission<Awaited<ReturnType<typeof campaignsApi.recordActivity>>>();
  const [campaignId, setCampaignId] = useState('');
  const [kind, setKind] = useState<RecordActivityBody['kind']>('meeting');
  const [heldOn, setHeldOn] = useState(() => vietnamToday());
  const [unitCode, setUnitCode] = useState('');
  const [total, setTotal] = useState('');
  const [groups, setGroups] = useState<Partial<Record<ParticipantGroup, string>>>({});
  const [notes, setNotes] = useState('');
  const errors = submission.fieldErrors;

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const byGroup = Object.fromEntries(PARTICIPANT_GROUPS.map((group) => [group, countOf(groups[group] ?? '')]).filter(([, n]) => n !== undefined));
    const body = { kind, heldOn, unitCode, organisingAgency: session.agency, participants: { total: countOf(total), byGroup }, notes } as RecordActivityBody;
    await submission.submit((key) => campaignsApi.recordActivity(session, campaignId, body, key));
  };

  return (
    <form className="card stack officer-form" onSubmit={(event) => void onSubmit(event)} aria-labelledby="activity-heading" noValidate>
      <h1 id="activity-heading">{t('form.campaignActivity')}</h1>
      <FormStatus submission={submission} success={submission.done ? t('form.activityRecorded') : null} />
      <Field id="campaign" label={t('form.campaign')} error={errors['id']}>
        {(props) => (
          <select {...props} value={campaignId} onChange={(event) => setCampaignId(event.target.value)} data-testid="campaign">
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
      <Field id="activity-kind" label={t('form.activityKind')} error={errors['kind']}>
        {(props) => (
          <select {...props} value={kind} onChange={(event) => setKind(event.target.value as RecordActivityBody['kind'])} data-testid="activity-kind">
            {ACTIVITY_KINDS.map((slug) => (
              <option key={slug} value={slug}>
                {t(`activity.${slug}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="heldOn" label={t('form.heldOn')} error={errors['heldOn']}>
        {(props) => <input {...props} type="date" value={heldOn} onChange={(event) => setHeldOn(event.target.value)} data-testid="heldOn" />}
      </Field>
      <UnitPicker session={session} id="activity-unitCode" label={t('form.heldAt')} value={unitCode} onChange={setUnitCode} error={errors['unitCode']} />
      <Field id="participants-total" label={t('form.participantsTotal')} error={errors['participants.total'] ?? errors['participants']}>
        {(props) => <input {...props} type="number" min={0} inputMode="numeric" value={total} onChange={(event) => setTotal(event.target.value)} data-testid="participants-total" />}
      </Field>
      <fieldset className="counts">
        <legend>{t('form.participantsByGroup')}</legend>
        {PARTICIPANT_GROUPS.map((group) => (
          <Field key={group} id={`group-${group}`} label={t(`group.${group}`)} error={errors[`participants.byGroup.${group}`]}>
            {(props) => (
              <input {...props} type="number" min={0} inputMode="numeric" value={groups[group] ?? ''} onChange={(event) => setGroups((previous) => ({ ...previous, [group]: event.target.value }))} data-testid={`group-${group}`} />
            )}
          </Field>
        ))}
      </fieldset>
      <Field id="notes" label={t('form.notes')} error={errors['notes']}>
        {(props) => <textarea {...props} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} data-testid="notes" />}
      </Field>
      <button type="submit" disabled={submission.submitting} data-testid="submit-activity">
        {submission.submitting ? t('form.sending') : t('form.activitySubmit')}
      </button>
    </form>
  );
}
