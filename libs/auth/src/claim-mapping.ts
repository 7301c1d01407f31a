/**
 * Where a token carries the caller's agency, roles and area. Our own tokens (demo, tools,
 * tests) use the claims `agency`, `roles` and `area`; an identity provider may put them
 * elsewhere, e.g. Keycloak's `realm_access.roles`. Each is a claim name or a dotted path,
 * set by AUTH_CLAIM_AGENCY, AUTH_CLAIM_ROLES and AUTH_CLAIM_AREA (ADR 0049).
 */
export interface ClaimMapping {
  agency: string;
  roles: string;
  area: string;
}

export const DEFAULT_CLAIM_MAPPING: ClaimMapping = { agency: 'agency', roles: 'roles', area: 'area' };

/** A claim name or a dotted path of names (letters, digits, `_`, `-`, `:`, `/`). */
export const CLAIM_PATH = /^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/;

/** The mapping the environment sets, the default where it sets none. */
export function claimMappingFromEnv(env: Partial<Record<'AUTH_CLAIM_AGENCY' | 'AUTH_CLAIM_ROLES' | 'AUTH_CLAIM_AREA', string | undefined>>): ClaimMapping {
  const pick = (value: string | undefined, fallback: string, name: string): string => {
    if (value === undefined || value === '') return fallback;
    if (!CLAIM_PATH.test(value)) throw new Error(`${name} must be a claim name or a dotted path such as realm_access.roles, not "${value}"`);
    return value;
  };
  return {
    agency: pick(env.AUTH_CLAIM_AGENCY, DEFAULT_CLAIM_MAPPING.agency, 'AUTH_CLAIM_AGENCY'),
    roles: pick(env.AUTH_CLAIM_ROLES, DEFAULT_CLAIM_MAPPING.roles, 'AUTH_CLAIM_ROLES'),
    area: pick(env.AUTH_CLAIM_AREA, DEFAULT_CLAIM_MAPPING.area, 'AUTH_CLAIM_AREA'),
  };
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const name of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

/**
 * The agency, roles and area a token's claims carry under the mapping, unchecked (the
 * verifier checks them). Roles may be a list or one space-separated string (as `scope` is).
 */
export function mappedClaims(claims: Record<string, unknown>, mapping: ClaimMapping): { agency: unknown; roles: unknown; area: unknown } {
  const roles = claimAt(claims, mapping.roles);
  return {
    agency: claimAt(claims, mapping.agency),
    roles: typeof roles === 'string' ? roles.split(/\s+/).filter(Boolean) : roles,
    area: claimAt(claims, mapping.area),
  };
}
