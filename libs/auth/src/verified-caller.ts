import type { Caller } from './caller';
import type { TokenVerifier } from './token-verifier';

const VERIFICATION = Symbol.for('binh-yen:token-verification');

interface RequestWithToken {
  headers: { authorization?: string | undefined };
  [VERIFICATION]?: Promise<Caller>;
}

/**
 * The caller of a request's bearer token, verified once per request whoever asks first: the rate
 * limiter (to count per subject) and then the auth guard share one signature check. Undefined when
 * the request carries no bearer token; a refused token rejects for both alike.
 */
export function verifiedCallerOf(verifier: TokenVerifier, request: RequestWithToken): Promise<Caller> | undefined {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  request[VERIFICATION] ??= verifier.verify(header.slice('Bearer '.length).trim());
  return request[VERIFICATION];
}
