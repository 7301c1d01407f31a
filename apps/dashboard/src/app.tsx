import { useEffect, useMemo, useRef } from 'react';
import { isWithinArea, type Session } from './api/session';
import { AreaToolbar } from './components/area-toolbar';
import { FreshnessStatus } from './components/freshness-status';
import { I18nProvider, useI18n } from './i18n/i18n';
import { CampaignActivityPage } from './pages/campaign-activity-page';
import { ComparePage } from './pages/compare-page';
import { HotspotPage } from './pages/hotspot-page';
import { IncidentFiguresPage } from './pages/incident-figures-page';
import { IncidentPage } from './pages/incident-page';
import { MapPage } from './pages/map-page';
import { OverviewPage } from './pages/overview-page';
import { PledgePage } from './pages/pledge-page';
import { RateUnitPage } from './pages/rate-unit-page';
import { ReportIncidentPage } from './pages/report-incident-page';
import { WorkPage } from './pages/work-page';
import { ReportPage } from './pages/report-page';
import { SignInPage } from './pages/sign-in-page';
import { SubmissionsPage } from './pages/submissions-page';
import { currentQuarter, isQuarter } from './quarters';
import { useAuth } from './state/auth';
import { LiveProvider } from './state/live';
import { MeProvider, useMe } from './state/me';
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

/** Agency, roles and the area's name (the registry's, from /me; its code until that answers). */
function UserBadge({ session }: { session: Session }): JSX.Element {
  const i18n = useI18n();
  const me = useMe();
  return (
    <span className="user-badge" data-testid="user-badge" data-area={session.area}>
      <span className="visually-hidden">{i18n.t('signedInAs')}: </span>
      {`${i18n.agency(session.agency)} · ${session.roles.map(i18n.role).join(', ')} · ${me?.areaName ?? `${i18n.t('area')} ${session.area}`}`}
    </span>
  );
}

/** The work page, the officers' forms and the incident's page (ADR 0050). */
function OfficerPage({ page, params, session, area, quarter }: { page: string; params: Record<string, string>; session: Session; area: string; quarter: string }): JSX.Element {
  if (page === 'report-incident') return <ReportIncidentPage session={session} />;
  if (page === 'incident') return <IncidentPage key={params['id']} session={session} id={params['id'] ?? ''} />;
  if (page === 'rate-unit') return <RateUnitPage session={session} quarter={quarter} />;
  if (page === 'campaign-activity') return <CampaignActivityPage session={session} />;
  if (page === 'hotspot') return <HotspotPage session={session} quarter={quarter} />;
  if (page === 'pledge') return <PledgePage session={session} />;
  return <WorkPage session={session} area={area} />;
}

function SignedIn({ session, onSignOut }: { session: Session; onSignOut(): void }): JSX.Element {
  const { t } = useI18n();
  const [route, navigate] = useRoute();
  // The user's own area is the root; anything outside it falls back to it.
  const area = route.params['area'] && isWithinArea(route.params['area'], session.area) ? route.params['area'] : session.area;
  const quarter = isQuarter(route.params['quarter']) ? route.params['quarter'] : currentQuarter();
  const Page = { overview: OverviewPage, compare: ComparePage, map: MapPage, report: ReportPage, submissions: SubmissionsPage }[route.page as 'overview' | 'compare' | 'map' | 'report' | 'submissions'] as typeof OverviewPage | undefined;
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
      <MeProvider session={session}>
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
          <UserBadge session={session} />
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
        {Page ? (
          <>
            <AreaToolbar session={session} page={route.page} area={area} quarter={quarter} onQuarter={(next) => navigate(route.page, { ...route.params, area, quarter: next })} />
            <Page key={route.page} session={session} area={area} quarter={quarter} />
          </>
        ) : route.page === 'incidents' ? (
          <IncidentFiguresPage session={session} />
        ) : (
          <OfficerPage page={route.page} params={route.params} session={session} area={area} quarter={quarter} />
        )}
      </main>
      </MeProvider>
    </LiveProvider>
  );
}

function Root(): JSX.Element {
  const { t } = useI18n();
  const messages = useMemo(() => ({ sessionExpired: t('sessionExpired'), signInFailed: t('signInFailed') }), [t]);
  const auth = useAuth(messages);
  const { session } = auth;
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
          <SignInPage notice={auth.notice} config={auth.config} pending={auth.pending} onSignIn={auth.signInWithToken} onSignInWithProvider={auth.signInWithProvider} />
        </main>
      </>
    );
  }
  // Keyed by who is signed in, not by the token: a renewed token keeps the page as it is.
  return <SignedIn key={session.subject} session={session} onSignOut={() => auth.signOut()} />;
}

export function App(): JSX.Element {
  return (
    <I18nProvider>
      <Root />
    </I18nProvider>
  );
}
