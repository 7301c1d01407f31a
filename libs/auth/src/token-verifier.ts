import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AREA_PATH } from '@binh-yen/contracts';
import { Agencies, Roles, type Agency, type Caller, type Role } from './caller';
import { DEFAULT_CLAIM_MAPPING, mappedClaims, type ClaimMapping } from './claim-mapping';

export interface TokenSettings {
  /** Shared HS256 key (development, tests, the embedded demo). */
  sharedSecret?: string;
  /** JWKS of an OIDC provider (RS256/ES256) in production. */
  jwksUrl?: string;
  /** `iss` the tokens must carry (AUTH_JWT_ISSUER); required outside the embedded demo. */
  issuer?: string;
  /** `aud` the tokens must carry (AUTH_JWT_AUDIENCE): a token the provider signed for another application is refused. */
  audience?: string;
  /** Where the provider's tokens carry agency, roles and area (AUTH_CLAIM_*); `agency`, `roles`, `area` by default. */
  claims?: ClaimMapping;
}

/** How demo users, tools and tests sign their HS256 tokens: the shared key and the claims the services check. */
export interface TokenSigning {
  secret: string;
  issuer?: string;
  audience?: string;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/** The longest subject kept (audit rows, idempotency scopes); an identity provider's ids are far shorter. */
export const MAX_SUBJECT_LENGTH = 200;

/** A subject is printable text: no control character (NUL, line breaks) reaches a log line or a database row. */
function isSaneSubject(sub: unknown): sub is string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return typeof sub === 'string' && sub.trim().length > 0 && sub.length <= MAX_SUBJECT_LENGTH && !/[\u0000-\u001f\u007f-\u009f]/.test(sub);
}

function toCaller(payload: JWTPayload, mapping: ClaimMapping): Caller {
  const { sub } = payload;
  const { agency, roles, area } = mappedClaims(payload, mapping);
  if (!isSaneSubject(sub)) throw new InvalidTokenError(`token has no valid subject (1 to ${MAX_SUBJECT_LENGTH} printable characters)`);
  if (typeof agency !== 'string' || !Agencies.includes(agency as Agency)) throw new InvalidTokenError('token has no known agency');
  if (!Array.isArray(roles) || roles.some((role) => !Roles.includes(role as Role))) {
    throw new InvalidTokenError('token roles are missing or unknown');
  }
  if (typeof area !== 'string' || area.length > 512 || !AREA_PATH.test(area)) throw new InvalidTokenError('token has no valid area (a unit path such as 25.227)');
  return { subject: sub, agency: agency as Agency, roles: roles as Role[], area };
}

/** Verifies bearer tokens against a shared key or a JWKS, and reads the caller. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;

  constructor(private readonly settings: TokenSettings) {
    if (settings.jwksUrl) this.key = createRemoteJWKSet(new URL(settings.jwksUrl));
    else if (settings.sharedSecret) this.key = new TextEncoder().encode(settings.sharedSecret);
    else throw new Error('Token verification needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
  }

  async verify(token: string): Promise<Caller> {
    try {
      const options = {
        ...(this.settings.issuer ? { issuer: this.settings.issuer } : {}),
        ...(this.settings.audience ? { audience: this.settings.audience } : {}),
        algorithms: this.settings.jwksUrl ? ['RS256', 'ES256'] : ['HS256'],
        // A token without an expiry would be valid for ever.
        requiredClaims: ['exp'],
      };
      const { payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options);
      return toCaller(payload, this.settings.claims ?? DEFAULT_CLAIM_MAPPING);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
  }
}

/** Issues an HS256 token for a caller (demo users, tools and tests), with the issuer and audience the services expect. */
export async function issueToken(caller: Caller, signing: TokenSigning, expiresIn = '8h'): Promise<string> {
  const jwt = new SignJWT({ agency: caller.agency, roles: caller.roles, area: caller.area })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.subject)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (signing.issuer) jwt.setIssuer(signing.issuer);
  if (signing.audience) jwt.setAudience(signing.audience);
  return jwt.sign(new TextEncoder().encode(signing.secret));
}
