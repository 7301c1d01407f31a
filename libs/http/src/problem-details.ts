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

/** Thrown by adapters to answer with a specific problem. */
export class ProblemException extends Error implements ProblemSource {
  constructor(private readonly problem: ProblemDetails) {
    super(String(problem.detail ?? problem.title));
    this.name = 'ProblemException';
  }

  toProblem(): ProblemDetails {
    return this.problem;
  }
}
