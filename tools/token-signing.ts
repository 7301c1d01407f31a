import { DEVELOPMENT_JWT_SECRET, type TokenSigning } from '@binh-yen/auth';

/**
 * How the tools (token, demo data, simulate, rebuild) sign their tokens: the shell's
 * AUTH_JWT_SECRET, AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE — those of the platform they talk to —
 * or, when none is set, the embedded demo's development secret.
 */
export function tokenSigningFromEnv(env: NodeJS.ProcessEnv): TokenSigning {
  return {
    secret: env['AUTH_JWT_SECRET'] || DEVELOPMENT_JWT_SECRET,
    ...(env['AUTH_JWT_ISSUER'] ? { issuer: env['AUTH_JWT_ISSUER'] } : {}),
    ...(env['AUTH_JWT_AUDIENCE'] ? { audience: env['AUTH_JWT_AUDIENCE'] } : {}),
  };
}
