import { ACTION_EXTENSION, Agencies, isAllowed, policy, Roles, type Action, type Caller, type Permission } from '@binh-yen/auth';

export { HOSTILE_AREAS, hostileTokens } from '../fuzz/hostile-inputs';

export type ServiceName = 'units' | 'incidents' | 'campaigns' | 'reporting';

// Answers are read field by field (ids, versions, problem titles); a type per answer would only restate the APIs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** One operation of one service, as its OpenAPI document declares it. */
export interface Operation {
  service: ServiceName;
  method: string;
  /** The path template of the document, e.g. /api/v1/units/{code}. */
  template: string;
  /** `x-binh-yen-action`; undefined when the route declares none. */
  action: Action | undefined;
  /** `METHOD /path/template`: the key of the fixture table. */
  key: string;
}

export interface MatrixRequest {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RequestContext {
  caller: Caller;
  /** What the matrix expects: fixtures create a fresh target only for requests expected to succeed. */
  expected: boolean;
}

/**
 * How to call one operation. The expected outcome is `isAllowed(caller, action)` and
 * the caller inside the area; a fixture changes that only with a documented reason.
 */
export interface Fixture {
  /** Why an outside caller is expected to be answered like an inside one (global data, or lists filtered to the caller's area). */
  unscoped?: string;
  /** For filtered lists: text that must never appear in an outside caller's answer (Việt Trì's records). */
  hiddenOutside?: () => string[];
  /** Statuses that also count as a refusal of an outside caller, and why. */
  outsideStatus?: { statuses: number[]; why: string };
  /** An answer other than 2xx that still shows the request was admitted (passed authorisation), and why. */
  admitted?: { accepts: (status: number, body: Json) => boolean; why: string };
  /** Requests of the allowed batch one at a time (the operation refuses concurrent work). */
  sequential?: boolean;
  /** The concrete request; a one-shot operation prepares a fresh target here when `expected`. */
  request: (context: RequestContext) => Promise<MatrixRequest>;
}

export const INSIDE = '25';
export const OUTSIDE = '25.230';
/** Việt Trì itself: inside the fixtures' area, one level below the province. */
export const DISTRICT_INSIDE = '25.227';
/** Not an ancestor of Việt Trì (25.227), though a prefix of its path as a string: an outside area. */
export const PREFIX_OUTSIDE = '25.22';

/** The first role and agency the policy admits for an action (at the province): a caller whose refusal can only come from elsewhere. */
export function admittedCaller(action: Action, area: string, subject: string): Caller | undefined {
  for (const role of Roles) for (const agency of Agencies) if (isAllowed({ roles: [role], agency, area: INSIDE }, action)) return { subject, agency, roles: [role], area };
  return undefined;
}

/** The action needs a caller at a given level of the hierarchy (province-wide settings, operations). */
export const hasLevel = (action: Action): boolean => 'level' in (policy[action] as Permission);

/**
 * Every role × every agency at the district where the fixtures live, for the actions allowed
 * only at a level (issue 23, finding 5): inside the area, but not high enough.
 */
export function districtCallers(action: Action): Caller[] {
  if (!hasLevel(action)) return [];
  return Roles.flatMap((role) => Agencies.map((agency): Caller => ({ subject: `matrix-${role}-${agency}-${DISTRICT_INSIDE}`, agency, roles: [role], area: DISTRICT_INSIDE })));
}

/** Every role × every agency, inside (the province, where Việt Trì's fixtures are) and outside (another district). */
export function matrixCallers(): Caller[] {
  return Roles.flatMap((role) =>
    Agencies.flatMap((agency) => [INSIDE, OUTSIDE].map((area): Caller => ({ subject: `matrix-${role}-${agency}-${area}`, agency, roles: [role], area }))),
  );
}

export const isInside = (caller: Caller): boolean => caller.area === INSIDE;

export function expectedOutcome(caller: Caller, operation: Operation, fixture: Fixture): boolean {
  return operation.action !== undefined && isAllowed(caller, operation.action) && (isInside(caller) || fixture.unscoped !== undefined);
}

export const callerLabel = (caller: Caller | undefined): string => (caller ? `${caller.roles.join('/')} of ${caller.agency} @${caller.area}` : 'no token');

/** Runs work over items, at most `size` at a time. */
export async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Operations anyone may call without a token: health, the API docs, metrics. */
export const isPublicPath = (template: string): boolean => /^\/(health|metrics|api\/docs)(\/|$)/.test(template);

/** Operations of an OpenAPI document. */
export function operationsOf(service: ServiceName, document: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const methods = ['get', 'post', 'put', 'patch', 'delete'];
  return Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]): Operation => ({
        service,
        method: method.toUpperCase(),
        template,
        action: operation[ACTION_EXTENSION] as Action | undefined,
        key: `${method.toUpperCase()} ${template}`,
      })),
  );
}

/** Who the policy admits for an action, compactly: "officer, approver of police, people-committee". */
export function admittedSummary(action: Action | undefined): string {
  if (!action) return '—';
  const byRole = Roles.map((role) => [role, Agencies.filter((agency) => isAllowed({ roles: [role], agency, area: INSIDE }, action))] as const).filter(([, agencies]) => agencies.length > 0);
  const groups = new Map<string, string[]>();
  for (const [role, agencies] of byRole) {
    const key = agencies.length === Agencies.length ? 'any agency' : agencies.join(', ');
    groups.set(key, [...(groups.get(key) ?? []), role]);
  }
  const level = hasLevel(action) ? ', at the province level' : '';
  return [...groups].map(([agencies, roles]) => `${roles.join('/')} of ${agencies}`).join('; ') + level;
}
