import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UserManager } from 'oidc-client-ts';
import { whenUnauthenticated } from '../api/client';
import { loadDashboardConfig, type DashboardConfig } from '../api/dashboard-config';
import { fetchMe } from '../api/me';
import { currentUser, userManagerFor } from '../api/oidc';
import { loadSession, saveSession, type Session } from '../api/session';

export interface Auth {
  session: Session | null;
  config: DashboardConfig | null;
  /** The provider's user is being read (after its redirect, or on a reload). */
  pending: boolean;
  notice: string | null;
  signInWithToken(session: Session): void;
  /** To the provider's sign-in page; back at /oidc-callback on the route the user was on. */
  signInWithProvider(): void;
  signOut(notice?: string | null): void;
}

/** Who is signed in: a pasted or demo token kept in the tab, or the OpenID Connect provider's user (ADR 0049). */
export function useAuth(messages: { sessionExpired: string; signInFailed: string }): Auth {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [config, setConfig] = useState<DashboardConfig | null>(null);
  const [manager, setManager] = useState<UserManager | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    loadDashboardConfig().then(
      (loaded) => {
        if (stopped) return;
        setConfig(loaded);
        if (loaded.oidc) setManager(userManagerFor(loaded.oidc));
      },
      () => undefined,
    );
    return () => {
      stopped = true;
    };
  }, []);

  // The provider's user: its access token goes to the services, who it is comes back from them.
  useEffect(() => {
    if (!manager) return undefined;
    let stopped = false;
    const signedIn = async (): Promise<void> => {
      const user = await currentUser(manager);
      if (!user || stopped) return;
      const me = await fetchMe(user.access_token);
      if (stopped) return;
      setSession({ token: user.access_token, subject: me.subject, agency: me.agency, roles: me.roles, area: me.area, expiresAt: user.expires_at ? user.expires_at * 1000 : null, provider: 'oidc' });
    };
    setPending(true);
    signedIn()
      .catch(async (error: unknown) => {
        await manager.removeUser().catch(() => undefined);
        if (!stopped) setNotice(`${messages.signInFailed}${error instanceof Error && error.message ? ` (${error.message})` : ''}`);
      })
      .finally(() => !stopped && setPending(false));
    // Renewed with the refresh token before it expires: the same user, a new access token.
    const renewed = manager.events.addUserLoaded((user) =>
      setSession((previous) => (previous?.provider === 'oidc' ? { ...previous, token: user.access_token, expiresAt: user.expires_at ? user.expires_at * 1000 : null } : previous)),
    );
    return () => {
      stopped = true;
      renewed();
    };
    // The messages change with the language only; the provider's user does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [manager]);

  const current = useRef(session);
  current.current = session;
  const signOut = useCallback(
    (message: string | null = null) => {
      saveSession(null);
      setNotice(message);
      // Signing out on purpose ends the provider's session too; an expired one only forgets the tokens.
      if (current.current?.provider === 'oidc' && manager) {
        if (message === null) void manager.signoutRedirect();
        else void manager.removeUser();
      }
      setSession(null);
    },
    [manager],
  );

  useEffect(() => whenUnauthenticated(() => signOut(messages.sessionExpired)), [signOut, messages.sessionExpired]);
  // A token that expires while the page is open (and is not renewed) signs the user out at that moment.
  useEffect(() => {
    if (!session?.expiresAt) return undefined;
    const timer = setTimeout(() => signOut(messages.sessionExpired), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, signOut, messages.sessionExpired]);

  return useMemo(
    () => ({
      session,
      config,
      pending,
      notice,
      signInWithToken: (next: Session) => {
        saveSession(next);
        setNotice(null);
        setSession(next);
      },
      signInWithProvider: () => void manager?.signinRedirect({ state: window.location.hash }),
      signOut,
    }),
    [session, config, pending, notice, manager, signOut],
  );
}
