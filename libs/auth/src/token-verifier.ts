import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { Agencies, Roles, type Agency, type Caller, type Role } from './caller';

export interface TokenSettings {
  /** Shared HS256 key (development, tests, the embedded demo). */
  sharedSecret?: string;
  /** JWKS of an OIDC provider (RS256/ES256) in production. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

const AREA = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function toCaller(payload: JWTPayload): Caller {
  const { sub, agency, roles, area } = payload as JWTPayload & { agency?: unknown; roles?: unknown; area?: unknown };
  if (typeof sub !== 'string' || sub.length === 0) throw new InvalidTokenError('token has no subject');
  if (typeof agency !== 'string' || !Agencies.includes(agency as Agency)) throw new InvalidTokenError('token has no known agency');
  if (!Array.isArray(roles) || roles.some((role) => !Roles.includes(role as Role))) {
    throw new InvalidTokenError('token roles are missing or unknown');
  }
  if (typeof area !== 'string' || !AREA.test(area)) throw new InvalidTokenError('token has no valid area');
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
      };
      const { payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options);
      return toCaller(payload);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
  }
}

/** Issues an HS256 token for a caller (demo users and tests). */
export async function issueToken(caller: Caller, sharedSecret: string, expiresIn = '8h'): Promise<string> {
  return new SignJWT({ agency: caller.agency, roles: caller.roles, area: caller.area })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.subject)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(sharedSecret));
}
