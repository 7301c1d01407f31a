import { useEffect, useState, type FormEvent } from 'react';
import type { DashboardConfig } from '../api/dashboard-config';
import { sessionFromToken, type Session } from '../api/session';
import { useI18n } from '../i18n/i18n';

interface DemoUser {
  label: string;
  agency: string;
  roles: string[];
  area: string;
  token: string;
}

interface SignInProps {
  notice: string | null;
  config: DashboardConfig | null;
  /** The provider's answer is being read. */
  pending: boolean;
  onSignIn(session: Session): void;
  onSignInWithProvider(): void;
}

/**
 * Sign-in through the province's OpenID Connect provider where one is configured (ADR 0049);
 * otherwise with a bearer token. In the embedded mode, also a picker of the demo users.
 */
export function SignInPage({ notice, config, pending, onSignIn, onSignInWithProvider }: SignInProps): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [demoUsers, setDemoUsers] = useState<DemoUser[]>([]);
  const [picked, setPicked] = useState(0);

  useEffect(() => {
    if (!config?.demoUsers) return undefined;
    const controller = new AbortController();
    (async () => {
      const response = await fetch('/demo-users.json', { signal: controller.signal });
      if (response.ok) setDemoUsers((await response.json()) as DemoUser[]);
    })().catch(() => undefined);
    return () => controller.abort();
  }, [config?.demoUsers]);

  const signIn = (raw: string): void => {
    const session = sessionFromToken(raw);
    if (!session) setError(t('invalidToken'));
    else onSignIn(session);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    signIn(token);
  };
  const describe = (user: DemoUser): string => `${i18n.agency(user.agency)} — ${user.roles.map(i18n.role).join(', ')} — ${t('area')} ${user.area}`;

  return (
    <div className="sign-in">
      <h1>{t('signInTitle')}</h1>
      {notice && (
        <p className="alert alert-warning" role="alert">
          {notice}
        </p>
      )}
      {config?.oidc && (
        <section className="card stack" aria-labelledby="provider-heading">
          <h2 id="provider-heading">{t('providerSignIn')}</h2>
          <p className="muted">{t('providerSignInIntro')}</p>
          <button type="button" onClick={onSignInWithProvider} disabled={pending} data-testid="provider-sign-in">
            {pending ? t('signingIn') : t('signInWithProvider')}
          </button>
        </section>
      )}
      {demoUsers.length > 0 && (
        <form
          className="card stack"
          aria-labelledby="demo-heading"
          onSubmit={(event) => {
            event.preventDefault();
            const user = demoUsers[picked];
            if (user) signIn(user.token);
          }}
        >
          <h2 id="demo-heading">{t('demoUsers')}</h2>
          <div className="field">
            <label htmlFor="demo-user">{t('demoUser')}</label>
            <select id="demo-user" value={picked} onChange={(event) => setPicked(Number(event.target.value))} data-testid="demo-user">
              {demoUsers.map((user, i) => (
                <option key={`${user.label}-${user.area}`} value={i} data-label={`${user.label}@${user.area}`}>
                  {describe(user)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" data-testid="demo-sign-in">
            {t('signInAsDemo')}
          </button>
        </form>
      )}
      {config && !config.oidc && (
        <form className="card stack" onSubmit={submit} aria-labelledby="token-heading">
          <h2 id="token-heading">{t('token')}</h2>
          <p className="muted">{t('signInIntro')}</p>
          <div className="field">
            <label htmlFor="token">{t('token')}</label>
            <textarea
              id="token"
              rows={4}
              value={token}
              onChange={(event) => setToken(event.target.value)}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={error !== null}
              aria-describedby={error ? 'token-error' : undefined}
              data-testid="token-input"
            />
            {error && (
              <span id="token-error" className="field-error" role="alert">
                {error}
              </span>
            )}
          </div>
          <button type="submit" data-testid="token-sign-in">
            {t('signIn')}
          </button>
        </form>
      )}
    </div>
  );
}
