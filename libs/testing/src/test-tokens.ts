import { randomBytes } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { Caller } from '@binh-yen/auth';

/**
 * The key the services of a test process verify tokens with: made for this process, so that
 * no secret written in the repository ever opens a service outside the embedded demo.
 */
export const TEST_JWT_SECRET = randomBytes(32).toString('base64url');
/** The issuer and audience every test service expects (AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE). */
export const TEST_JWT_ISSUER = 'https://id.test.binh-yen.invalid';
export const TEST_JWT_AUDIENCE = 'binh-yen-api';

export interface TokenShape {
  /** Seconds from now; `null` leaves `exp` out. Default one hour. */
  expiresInSeconds?: number | null;
  /** `null` leaves the claim out. */
  issuer?: string | null;
  audience?: string | null;
  /** Another signing key (a forged token). */
  secret?: string;
}

/** A signed HS256 token with exactly the claims given: what a test needs to try odd shapes. */
export async function signTestToken(claims: JWTPayload, shape: TokenShape = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const { expiresInSeconds = 3600, issuer = TEST_JWT_ISSUER, audience = TEST_JWT_AUDIENCE, secret = TEST_JWT_SECRET } = shape;
  const jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now);
  if (expiresInSeconds !== null) jwt.setExpirationTime(now + expiresInSeconds);
  if (issuer !== null) jwt.setIssuer(issuer);
  if (audience !== null) jwt.setAudience(audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** The claims of a caller, as the identity provider puts them in a token. */
export const callerClaims = (caller: Caller): JWTPayload => ({ sub: caller.subject, agency: caller.agency, roles: caller.roles, area: caller.area });

export const policeOfficer: Caller = { subject: 'cb-viet-tri-01', agency: 'police', roles: ['officer'], area: '25' };
export const provincialAnalyst: Caller = { subject: 'analyst-01', agency: 'police', roles: ['analyst'], area: '25' };

/** `Bearer <token>` of a caller, signed for the test services. */
export async function bearer(caller: Caller = policeOfficer, shape: TokenShape = {}): Promise<string> {
  return `Bearer ${await signTestToken(callerClaims(caller), shape)}`;
}
