import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { DashboardConfig } from './dashboard-config';

/** Where the provider sends the browser back with the authorization code. */
export const CALLBACK_PATH = '/oidc-callback';

/**
 * The authorization code flow with PKCE (oidc-client-ts): a public client, tokens in the tab's
 * session storage, renewed with the refresh token before they expire (ADR 0049).
 */
export function userManagerFor(oidc: NonNullable<DashboardConfig['oidc']>): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: oidc.issuer,
    client_id: oidc.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: oidc.scope,
    ...(oidc.resource ? { resource: oidc.resource } : {}),
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    // The provider's session is not watched through an iframe (the CSP allows no foreign frames).
    monitorSession: false,
  });
}

/**
 * The signed-in user after the provider's redirect (the route the user was on comes back as the
 * request's state), or the one kept in this tab; null when none is valid. A refused sign-in throws.
 */
export async function currentUser(manager: UserManager): Promise<User | null> {
  if (window.location.pathname === CALLBACK_PATH) {
    try {
      const user = await manager.signinRedirectCallback();
      window.history.replaceState(null, '', `/${typeof user.state === 'string' ? user.state : ''}`);
      return user;
    } catch (error) {
      window.history.replaceState(null, '', '/');
      throw error;
    }
  }
  const user = await manager.getUser();
  return user && !user.expired ? user : null;
}
