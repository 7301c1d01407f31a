import { AREA_PATH } from '@binh-yen/shared-kernel';

/** Who is signed in, read from the token for display only: the services verify it on every call. */
export interface Session {
  token: string;
  subject: string;
  agency: string;
  roles: string[];
  /** The unit path the caller may see, e.g. "25" or "25.227": the dashboard's root. */
  area: string;
  expiresAt: number | null;
  /** Signed in through the OpenID Connect provider (renewed and signed out there), not with a pasted or demo token. */
  provider?: 'oidc';
}

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/** Reads the claims the services put in a token (libs/auth): sub, agency, roles, area. */
export function sessionFromToken(raw: string, now = Date.now()): Session | null {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  const [header, payload, signature, ...rest] = token.split('.');
  if (!header || !payload || !signature || rest.length > 0) return null;
  try {
    const claims = decodeSegment(payload) as { sub?: unknown; agency?: unknown; roles?: unknown; area?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || typeof claims.agency !== 'string' || typeof claims.area !== 'string' || !AREA_PATH.test(claims.area)) return null;
    if (!Array.isArray(claims.roles) || !claims.roles.every((role) => typeof role === 'string')) return null;
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : null;
    if (expiresAt !== null && expiresAt <= now) return null;
    return { token, subject: claims.sub, agency: claims.agency, roles: claims.roles as string[], area: claims.area, expiresAt };
  } catch {
    return null;
  }
}

/**
 * Which actions to offer, mirroring the policy of libs/auth (report.submit,
 * report.review). Only to hide buttons: the services decide, and a 403 is shown.
 */
const ACTIONS = {
  submit: { roles: ['officer', 'approver'], agencies: ['people-committee', 'police'] },
  review: { roles: ['approver'], agencies: ['police', 'fatherland-front', 'people-committee'] },
} as const;

export function may(session: Session, action: keyof typeof ACTIONS): boolean {
  const rule: { roles: readonly string[]; agencies: readonly string[] } = ACTIONS[action];
  return session.roles.some((role) => rule.roles.includes(role)) && rule.agencies.includes(session.agency);
}

// One rule for the services and the browser (the shared kernel is pure TypeScript, ADR 0040).
export { isWithinArea } from '@binh-yen/shared-kernel';
