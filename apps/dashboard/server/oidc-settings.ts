/** How the browser signs in through the province's OpenID Connect provider (ADR 0049). */
export interface OidcSettings {
  /** The provider's issuer URL: its discovery document is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** The dashboard's client id there: a public client (no secret), authorization code flow with PKCE. */
  clientId: string;
  /** Scopes asked for; `offline_access` for a refresh token. */
  scope: string;
  /** Extra parameters of the authorization request, e.g. `resource` for the API's audience. */
  resource?: string;
}

const DEFAULT_SCOPE = 'openid profile offline_access';

/** OIDC_ISSUER_URL and OIDC_CLIENT_ID (both or neither), OIDC_SCOPE and OIDC_RESOURCE; undefined when sign-in through a provider is off. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env['OIDC_ISSUER_URL'] || undefined;
  const clientId = env['OIDC_CLIENT_ID'] || undefined;
  if (!issuer && !clientId) return undefined;
  if (!issuer || !/^https?:\/\/[^\s]+$/.test(issuer)) throw new Error(`OIDC_ISSUER_URL must be the provider's issuer URL, e.g. https://id.phutho.gov.vn/realms/binh-yen (got "${issuer ?? ''}")`);
  if (!clientId || !/^[\x21-\x7e]{1,200}$/.test(clientId)) throw new Error(`OIDC_CLIENT_ID must be the dashboard's client id at the provider (got "${clientId ?? ''}")`);
  const resource = env['OIDC_RESOURCE'] || undefined;
  return { issuer: issuer.replace(/\/$/, ''), clientId, scope: env['OIDC_SCOPE'] || DEFAULT_SCOPE, ...(resource ? { resource } : {}) };
}
