/** RFC 9457 problem details, with per-field errors for invalid requests. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(slug: string): string {
  return `urn:binh-yen:problem:${slug}`;
}

/** Anything that knows how to describe itself as a problem (domain errors do). */
export interface ProblemSource {
  toProblem(): ProblemDetails;
}

export function isProblemSource(value: unknown): value is ProblemSource {
  return typeof value === 'object' && value !== null && typeof (value as ProblemSource).toProblem === 'function';
}

/** Thrown by adapters to answer with a specific problem (and, rarely, headers such as Retry-After). */
export class ProblemException extends Error implements ProblemSource {
  constructor(
    private readonly problem: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(problem.detail ?? problem.title));
    this.name = 'ProblemException';
  }

  toProblem(): ProblemDetails {
    return this.problem;
  }
}

/** 403: the caller may not act on this (area or role). */
export function forbidden(detail: string): ProblemException {
  return new ProblemException({ type: problemType('forbidden'), title: 'Không có quyền (Forbidden)', status: 403, detail });
}

/** 404 for a named thing. */
export function notFound(what: string, detail: string): ProblemException {
  return new ProblemException({ type: problemType(`${what}-not-found`), title: 'Không tìm thấy (Not found)', status: 404, detail });
}

/** 412: the client's If-Match version is stale; someone changed the record meanwhile. */
export function staleVersion(current: number, given: number): ProblemException {
  return new ProblemException({
    type: problemType('stale-version'),
    title: 'Dữ liệu đã bị thay đổi (Precondition failed)',
    status: 412,
    detail: `The record is at version ${current}, not ${given}: someone changed it meanwhile. Reload it and apply your change again.`,
    currentVersion: current,
  });
}
