import { useCallback, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export { countOf, vietnamDateTime, vietnamNowLocal, vietnamToday } from './vietnam-time';

export type FieldErrors = Record<string, string>;

export interface Submission<T> {
  submitting: boolean;
  /** Problem-details errors by field ("informant.name"), shown beside their fields. */
  fieldErrors: FieldErrors;
  /** What is not about one field: a refusal, a conflict, a failure. */
  formError: string | null;
  /** 412: someone changed the record since it was read. */
  stale: boolean;
  done: T | null;
  submit(send: (idempotencyKey: string) => Promise<T>): Promise<T | null>;
  reset(): void;
}

const newKey = (): string => crypto.randomUUID();

/**
 * One submission of a form: a fresh Idempotency-Key for each record the form makes (kept across
 * retries and double clicks of the same one, so the service records it once), the button held
 * while it is under way, and the service's problem details spread over the fields.
 */
export function useSubmission<T>(): Submission<T> {
  const { t } = useI18n();
  const key = useRef(newKey());
  const busy = useRef(false);
  const [state, setState] = useState<{ submitting: boolean; fieldErrors: FieldErrors; formError: string | null; stale: boolean; done: T | null }>({
    submitting: false,
    fieldErrors: {},
    formError: null,
    stale: false,
    done: null,
  });
  const submit = useCallback(
    async (send: (idempotencyKey: string) => Promise<T>): Promise<T | null> => {
      if (busy.current) return null;
      busy.current = true;
      setState((previous) => ({ ...previous, submitting: true, formError: null, stale: false }));
      try {
        const result = await send(key.current);
        key.current = newKey();
        setState({ submitting: false, fieldErrors: {}, formError: null, stale: false, done: result });
        return result;
      } catch (error) {
        const fieldErrors: FieldErrors = {};
        let formError: string | null = null;
        let stale = false;
        if (error instanceof ApiError) {
          for (const { field, message } of error.errors) fieldErrors[field] ??= message;
          if (error.status === 412) stale = true;
          else if (error.status === 403) formError = `${t('form.forbidden')} ${error.detail}`;
          else if (error.errors.length === 0) formError = `${error.title}${error.detail ? `: ${error.detail}` : ''}`;
          else formError = t('form.fixFields');
        } else {
          formError = error instanceof Error ? error.message : String(error);
        }
        setState({ submitting: false, fieldErrors, formError, stale, done: null });
        return null;
      } finally {
        busy.current = false;
      }
    },
    [t],
  );
  const reset = useCallback(() => setState({ submitting: false, fieldErrors: {}, formError: null, stale: false, done: null }), []);
  return { ...state, submit, reset };
}

/** A labelled control with its error beside it (aria-describedby, aria-invalid). */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: string; children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode }): JSX.Element {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="muted field-hint">
          {hint}
        </span>
      )}
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
      {error && (
        <span id={`${id}-error`} className="field-error" data-testid={`error-${id}`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** The form's own messages: a refusal or failure, or the "someone changed this" of a 412. */
export function FormStatus({ submission, onReload, success }: { submission: Submission<unknown>; onReload?: () => void; success?: string | null }): JSX.Element | null {
  const { t } = useI18n();
  if (submission.stale) {
    return (
      <div className="alert alert-warning" role="alert" data-testid="stale-alert">
        <p>{t('form.stale')}</p>
        {onReload && (
          <button type="button" className="secondary" onClick={onReload}>
            {t('form.reload')}
          </button>
        )}
      </div>
    );
  }
  if (submission.formError) {
    return (
      <p className="alert alert-error" role="alert" data-testid="form-error">
        {submission.formError}
      </p>
    );
  }
  if (success) {
    return (
      <p className="alert alert-success" role="status" data-testid="form-success">
        {success}
      </p>
    );
  }
  return null;
}
