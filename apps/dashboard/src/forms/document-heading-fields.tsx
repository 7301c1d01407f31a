import { AUTHORITY_FORMS, type AuthorityForm, type DocumentHeading } from '@binh-yen/report-model';
import { useI18n } from '../i18n/i18n';
import { Field, type FieldErrors } from './form-kit';

/** What the officer types: every field as text until it is sent. */
export interface DocumentDraft {
  parentBody: string;
  issuingBody: string;
  number: string;
  symbol: string;
  place: string;
  form: AuthorityForm | '';
  authority: string;
  position: string;
  name: string;
  recipients: string;
}

export const EMPTY_DOCUMENT: DocumentDraft = { parentBody: '', issuingBody: '', number: '', symbol: '', place: '', form: '', authority: '', position: '', name: '', recipients: '' };

/** The heading as sent: a number that is not a whole number goes as typed, so the service names it. */
export type DocumentBody = Omit<DocumentHeading, 'number'> & { number: number | string | null };

/**
 * The heading as the submission carries it. Nothing is checked here: the reporting service
 * validates and answers problem details naming each field (`document.signatory.name`), shown
 * beside it.
 */
export function documentOf(draft: DocumentDraft): DocumentBody {
  const number = draft.number.trim();
  return {
    parentBody: draft.parentBody.trim(),
    issuingBody: draft.issuingBody.trim(),
    symbol: draft.symbol.trim(),
    number: number === '' ? null : /^\d+$/.test(number) ? Number(number) : number,
    place: draft.place.trim(),
    signatory: { form: draft.form === '' ? null : draft.form, authority: draft.authority.trim() === '' ? null : draft.authority.trim(), position: draft.position.trim(), name: draft.name.trim() },
    recipients: draft.recipients
      .split('\n')
      .map((line) => line.trim().replace(/^-\s*/, '').replace(/;$/, ''))
      .filter(Boolean),
  };
}

type TextKey = Exclude<keyof DocumentDraft, 'form' | 'recipients'>;

/** Where the service names each field (problem details), by the draft's key. */
const FIELD: Record<keyof DocumentDraft, string> = {
  parentBody: 'document.parentBody',
  issuingBody: 'document.issuingBody',
  number: 'document.number',
  symbol: 'document.symbol',
  place: 'document.place',
  form: 'document.signatory.form',
  authority: 'document.signatory.authority',
  position: 'document.signatory.position',
  name: 'document.signatory.name',
  recipients: 'document.recipients',
};

/** Issuer, number, place, signatory and recipients of the official document (Decree 30/2020/NĐ-CP, ADR 0043). */
export function DocumentHeadingFields({ draft, onChange, errors }: { draft: DocumentDraft; onChange(draft: DocumentDraft): void; errors: FieldErrors }): JSX.Element {
  const { t } = useI18n();
  const set = (key: keyof DocumentDraft, value: string): void => onChange({ ...draft, [key]: value });
  // The service explains in English; the officer reads first, in the chosen language, that the field needs fixing.
  const errorOf = (key: keyof DocumentDraft): string | undefined => (errors[FIELD[key]] ? `${t('document.invalid')} ${errors[FIELD[key]]}` : undefined);
  const text = (key: TextKey, hint?: string, inputMode?: 'numeric'): JSX.Element => (
    <Field key={key} id={`document-${key}`} label={t(`document.${key}`)} error={errorOf(key)} {...(hint ? { hint: t(hint) } : {})}>
      {(props) => <input {...props} type="text" inputMode={inputMode} value={draft[key]} onChange={(event) => set(key, event.target.value)} data-testid={`document-${key}`} />}
    </Field>
  );
  return (
    <fieldset className="stack" data-testid="document-heading">
      <legend>{t('document.heading')}</legend>
      {text('parentBody', 'document.parentBodyHint')}
      {text('issuingBody', 'document.issuingBodyHint')}
      {text('number', 'document.numberHint', 'numeric')}
      {text('symbol', 'document.symbolHint')}
      {text('place', 'document.placeHint')}
      <Field id="document-form" label={t('document.signatoryForm')} error={errorOf('form')}>
        {(props) => (
          <select {...props} value={draft.form} onChange={(event) => set('form', event.target.value)} data-testid="document-form">
            <option value="">{t('document.signsOwn')}</option>
            {AUTHORITY_FORMS.map((form) => (
              <option key={form} value={form}>
                {t(`document.form.${form}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('authority', 'document.authorityHint')}
      {text('position', 'document.positionHint')}
      {text('name')}
      <Field id="document-recipients" label={t('document.recipients')} error={errorOf('recipients')} hint={t('document.recipientsHint')}>
        {(props) => <textarea {...props} rows={4} value={draft.recipients} onChange={(event) => set('recipients', event.target.value)} data-testid="document-recipients" />}
      </Field>
    </fieldset>
  );
}
