// The dashboard calls the services through the clients generated from their OpenAPI documents
// (@binh-yen/api-client, ADR 0048): paths, parameters, bodies and answers are typed from the
// documents, so a DTO that changes under a call stops the dashboard compiling.
import { serviceClients, type ServiceClients } from '@binh-yen/api-client';
import type { Session } from './session';

export type Service = keyof ServiceClients;

/** An RFC 9457 problem from a service (or the dashboard's proxy). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(`${status} ${title}: ${detail}`);
    this.name = 'ApiError';
  }
}

/** Same origin: the dashboard's server proxies /svc/<service>/api/v1/... to each service. */
export const api: ServiceClients = serviceClients({ units: '/svc/units', incidents: '/svc/incidents', campaigns: '/svc/campaigns', reporting: '/svc/reporting' });

/** Hook for the app: a 401 anywhere signs the user out. */
let onUnauthenticated: () => void = () => undefined;
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

/** The caller's bearer token, for the headers of a call. */
export const bearer = (session: Pick<Session, 'token'>): { authorization: string } => ({ authorization: `Bearer ${session.token}` });

/** What a call of a generated client answers. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The problem a refused call answered (openapi-fetch has parsed it: JSON, or the text of a non-JSON answer). */
function toError(response: Response, error: unknown): ApiError {
  if (typeof error === 'string') return new ApiError(response.status, response.statusText, error.slice(0, 300));
  const problem = (error ?? {}) as { title?: string; detail?: string; errors?: { field: string; message: string }[] };
  return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '', problem.errors ?? []);
}

/**
 * Every call's one way out: its answer, or an ApiError from its problem details. A 401 signs the
 * user out, except where the caller asks otherwise (reading who signed in, while signing in).
 */
export async function answered<T>(pending: Promise<Answer<T>>, options: { signOutOn401?: boolean } = {}): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await pending;
  if (response.status === 401 && options.signOutOn401 !== false) onUnauthenticated();
  if (!response.ok) throw toError(response, error);
  return { data: data as T, response };
}

/** The body of a call's answer. */
export const dataOf = async <T>(pending: Promise<Answer<T>>): Promise<T> => (await answered(pending)).data;

/**
 * The headers of an officer's command: an Idempotency-Key per submission (a double click or a
 * retry records once). A change to a record read before also sends its version (ifMatch; 412
 * when someone changed it meanwhile).
 */
export function commandHeaders(session: Session, idempotencyKey: string): Record<string, string> {
  return { ...bearer(session), 'idempotency-key': idempotencyKey };
}

/** The If-Match header parameter of a change to a record read at `version`. */
export const ifMatch = (version: number): { 'If-Match': string } => ({ 'If-Match': `"${version}"` });

/** A command's answer: the record and its ETag. */
export async function commandAnswer<T>(pending: Promise<Answer<T>>): Promise<{ data: T; etag: string | null }> {
  const { data, response } = await answered(pending);
  return { data, etag: response.headers.get('etag') };
}
