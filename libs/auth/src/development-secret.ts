/**
 * The HS256 key of the embedded demo (`npm start` on loopback): published in this repository, so
 * it opens nothing else — the production-readiness check refuses it everywhere else (ADR 0024).
 */
export const DEVELOPMENT_JWT_SECRET = 'dev-secret-change-me-in-every-deployment';
