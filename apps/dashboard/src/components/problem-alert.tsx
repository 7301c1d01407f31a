import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** A failed load, said plainly: a 403 explains area and role scoping instead of showing a raw error. */
export function ProblemAlert({ error, onRetry, onHome }: { error: unknown; onRetry?: () => void; onHome?: () => void }): JSX.Element {
  const { t } = useI18n();
  const forbidden = error instanceof ApiError && (error.status === 403 || error.status === 404);
  const detail = error instanceof ApiError ? error.detail || error.title : error instanceof Error ? error.message : String(error);
  return (
    <div className={`alert ${forbidden ? 'alert-warning' : 'alert-error'}`} role="alert" data-testid={forbidden ? 'forbidden' : 'load-error'}>
      <strong>{forbidden ? t('forbiddenTitle') : t('errorTitle')}</strong>
      {forbidden && <p>{t('forbiddenHint')}</p>}
      <p className="muted">{detail}</p>
      <div className="button-row">
        {onHome && forbidden && (
          <button type="button" onClick={onHome}>
            {t('backToMyArea')}
          </button>
        )}
        {onRetry && !forbidden && (
          <button type="button" onClick={onRetry}>
            {t('retry')}
          </button>
        )}
      </div>
    </div>
  );
}
