import { useCallback, useEffect, useRef, useState } from 'react';
import { whenUnauthenticated } from './api/client';
import { isWithinArea, loadSession, saveSession, type Session } from './api/session';
import { AreaToolbar } from './components/area-toolbar';
import { FreshnessStatus } from './components/freshness-status';
import { I18nProvider, useI18n } from './i18n/i18n';
import { OverviewPage } from './pages/overview-page';
import { ReportPage } from './pages/report-page';
import { SignInPage } from './pages/sign-in-page';
import { SubmissionsPage } from './pages/submissions-page';
import { currentQuarter, isQuarter } from './quarters';
import { LiveProvider } from './state/live';
import { PAGES, routeHref, useRoute } from './state/route';

function LanguageSwitch(): JSX.Element {
  const { language, setLanguage, t } = useI18n();
  return (
    <div role="group" aria-label={t('language')} className="language-switch">
      {(['vi', 'en'] as const).map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={language === code} onClick={() => setLanguage(code)} data-testid={`lang-${code}`}>
          {code === 'vi' ? 'Tiếng Việt' : 'English'}
        </button>
      ))}
    </div>
  );
}

function SignedIn({ session, onSignOut }: { session: Session; onSignOut(): void }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [route, navigate] = useRoute();
  // The user's own area is the root; anything outside it falls back to it.
  const area = route.params['area'] && isWithinArea(route.params['area'], session.area) ? route.params['area'] : session.area;
  const quarter = isQuarter(route.params['quarter']) ? route.params['quarter'] : currentQuarter();
  const Page = { overview: OverviewPage, report: ReportPage, submissions: SubmissionsPage }[route.page];
  // After a drill-down or a page change, keyboard and screen-reader users start at the new content.
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [route.page, area]);
  useEffect(() => {
    document.title = `${t(`page.${route.page}`)} — ${t('appName')}`;
  }, [route.page, t]);
  return (
    <LiveProvider session={session}>
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">{t('appName')}</div>
        <nav aria-label={t('mainNav')} className="main-nav">
          <ul>
            {PAGES.map((page) => (
              <li key={page}>
                <a href={routeHref(page, { area, quarter })} aria-current={route.page === page ? 'page' : undefined} data-testid={`nav-${page}`}>
                  {t(`page.${page}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <span className="user-badge" data-testid="user-badge">
            <span className="visually-hidden">{t('signedInAs')}: </span>
            {`${i18n.agency(session.agency)} · ${session.roles.map(i18n.role).join(', ')} · ${t('area')} ${session.area}`}
          </span>
          <LanguageSwitch />
          <button type="button" className="secondary" onClick={onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <div className="status-bar">
        <FreshnessStatus />
      </div>
      <main id="main" tabIndex={-1} ref={main}>
        <AreaToolbar session={session} page={route.page} area={area} quarter={quarter} onQuarter={(next) => navigate(route.page, { area, quarter: next })} />
        <Page key={route.page} session={session} area={area} quarter={quarter} />
      </main>
    </LiveProvider>
  );
}

function Root(): JSX.Element {
  const { t } = useI18n();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);
  const signOut = useCallback((message: string | null = null) => {
    saveSession(null);
    setSession(null);
    setNotice(message);
  }, []);
  useEffect(() => whenUnauthenticated(() => signOut(t('sessionExpired'))), [signOut, t]);
  // A token that expires while the page is open signs the user out at that moment.
  useEffect(() => {
    if (!session?.expiresAt) return undefined;
    const timer = setTimeout(() => signOut(t('sessionExpired')), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, signOut, t]);
  useEffect(() => {
    if (!session) document.title = `${t('signInTitle')} — ${t('appName')}`;
  }, [session, t]);
  if (!session) {
    return (
      <>
        <header className="app-header">
          <div className="brand">{t('appName')}</div>
          <div className="user">
            <LanguageSwitch />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <SignInPage
            notice={notice}
            onSignIn={(next) => {
              saveSession(next);
              setNotice(null);
              setSession(next);
            }}
          />
        </main>
      </>
    );
  }
  return <SignedIn key={session.token} session={session} onSignOut={() => signOut()} />;
}

export function App(): JSX.Element {
  return (
    <I18nProvider>
      <Root />
    </I18nProvider>
  );
}
