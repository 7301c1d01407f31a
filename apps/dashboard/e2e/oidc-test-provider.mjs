// A real OpenID Connect provider for the dashboard's browser tests: the certified
// `oidc-provider` package (panva) on a local port, with one account per agency and
// role. The dashboard signs in through it with the authorization code flow and PKCE;
// the services verify its access tokens (RS256 JWTs) through its JWKS. Its own
// development login page takes any password (the accounts are the test's).
//
// Started by the test as a child process (the package is ES modules only):
//   node oidc-test-provider.mjs <port> <dashboard origin>
// It prints `oidc-provider ready <issuer>` once it listens.
import { generateKeyPair, exportJWK } from 'jose';
import Provider from 'oidc-provider';

const [portArgument, dashboardOrigin] = process.argv.slice(2);
const port = Number(portArgument);
if (!Number.isInteger(port) || !dashboardOrigin) throw new Error('usage: oidc-test-provider.mjs <port> <dashboard origin>');
const issuer = `http://127.0.0.1:${port}`;
/** The platform's API at this provider (a resource indicator, RFC 8707), and the `aud` the services check (AUTH_JWT_AUDIENCE). */
const API = 'urn:binh-yen:api';
const AUDIENCE = 'binh-yen-api';
const ACCESS_TOKEN_SECONDS = Number(process.env.OIDC_ACCESS_TOKEN_SECONDS || 300);

/**
 * The accounts: login `<agency>.<role>@<area>`, e.g. `police.officer@25.227`. Their platform
 * claims go under `binh_yen` (mapped by AUTH_CLAIM_*), to show that the mapping is configuration.
 */
function accountOf(id) {
  const match = /^([a-z-]+)\.([a-z]+)@([0-9A-Z.]+)$/.exec(id);
  if (!match) return undefined;
  const [, agency, role, area] = match;
  return { agency, roles: [role], area };
}

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-provider-rs256', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  clients: [
    {
      client_id: 'binh-yen-dashboard',
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`${dashboardOrigin}/oidc-callback`],
      post_logout_redirect_uris: [`${dashboardOrigin}/`],
    },
  ],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'offline_access'],
  claims: { openid: ['sub'], profile: ['name'] },
  async findAccount(_ctx, id) {
    const account = accountOf(id);
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: id }) };
  },
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'openid profile offline_access', audience: AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: ACCESS_TOKEN_SECONDS, jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  // The test's users consent once for all: the grant covers what the dashboard asks for.
  async loadExistingGrant(ctx) {
    if (!ctx.oidc.session?.accountId) return undefined;
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile offline_access');
    grant.addResourceScope(API, 'openid profile offline_access');
    await grant.save();
    return grant;
  },
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  async extraTokenClaims(_ctx, token) {
    const account = token.accountId ? accountOf(token.accountId) : undefined;
    return account ? { binh_yen: account } : undefined;
  },
  clientBasedCORS: (_ctx, origin) => origin === dashboardOrigin,
  ttl: { AccessToken: ACCESS_TOKEN_SECONDS, IdToken: 3600, RefreshToken: 86_400, Session: 86_400, Grant: 86_400, Interaction: 600 },
});
provider.proxy = false;
provider.listen(port, '127.0.0.1', () => process.stdout.write(`oidc-provider ready ${issuer}\n`));
