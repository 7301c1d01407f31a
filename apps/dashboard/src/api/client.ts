import type { Session } from './session';

export type Service = 'units' | 'incidents' | 'campaigns' | 'reporting';

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

type Query = Record<string, string | undefined>;

/** Same origin: the dashboard's server proxies /svc/<service>/api/v1/... to each service. */
export function serviceUrl(service: Service, path: string, query: Query = {}): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const suffix = search.toString();
  return `/svc/${service}/api/v1/${path}${suffix ? `?${suffix}` : ''}`;
}

async function toError(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as { title?: string; detail?: string; errors?: { field: string; message: string }[] };
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '', problem.errors ?? []);
  } catch {
    return new ApiError(response.status, response.statusText, text.slice(0, 300));
  }
}

/** Hook for the app: a 401 anywhere signs the user out. */
let onUnauthenticated: () => void = () => undefined;
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function call(session: Session, service: Service, path: string, init: { query?: Query; method?: string; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers, authorization: `Bearer ${session.token}`, accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(serviceUrl(service, path, init.query), {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (response.status === 401) onUnauthenticated();
  if (!response.ok) throw await toError(response);
  return response;
}

export async function getJson<T>(session: Session, service: Service, path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  return (await (await call(session, service, path, { query, signal })).json()) as T;
}

export async function postJson<T>(session: Session, service: Service, path: string, body: unknown): Promise<T> {
  return (await (await call(session, service, path, { method: 'POST', body })).json()) as T;
}

/**
 * A command of an officer's form: an Idempotency-Key per submission (a double click or a retry
 * records once) and, for a change to a record read before, its version in If-Match (412 when
 * someone changed it meanwhile). Answers the record and its ETag.
 */
export async function sendCommand<T>(
  session: Session,
  service: Service,
  path: string,
  command: { method?: 'POST' | 'PUT'; body: unknown; idempotencyKey: string; ifMatch?: string },
): Promise<{ data: T; etag: string | null }> {
  const headers: Record<string, string> = { 'idempotency-key': command.idempotencyKey };
  if (command.ifMatch) headers['if-match'] = command.ifMatch;
  const response = await call(session, service, path, { method: command.method ?? 'POST', body: command.body, headers });
  return { data: (await response.json()) as T, etag: response.headers.get('etag') };
}
