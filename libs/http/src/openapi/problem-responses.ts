import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemType } from '../problem-details';

type Operation = OpenAPIObject['paths'][string]['get'] & object;
type Parameter = { name: string; in: string; required?: boolean };

/** Marks an operation that needs no token (set by @Public); read here to leave its security empty. */
export const PUBLIC_EXTENSION = 'x-binh-yen-public';
const BEARER = 'bearer';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const WITH_BODY = new Set(['post', 'put', 'patch']);

/** RFC 9457 problem details as every service answers them (problem-details.ts). */
export const problemDetailsSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. Extension members may follow (e.g. currentVersion on 412).',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', description: 'A URN naming the kind of problem', example: problemType('validation') },
    title: { type: 'string', description: 'Vietnamese, English in brackets', example: 'Dữ liệu không hợp lệ (Invalid request)' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', description: 'What happened and what to do about it' },
    instance: { type: 'string', description: 'The request path that was answered' },
    errors: {
      type: 'array',
      description: 'Per field, when the request was invalid',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string', example: 'quarter' }, message: { type: 'string', example: 'quarter must look like 2026-Q3' } },
      },
    },
  },
  additionalProperties: true,
} as const;

interface ProblemStatus {
  description: string;
  slug: string;
  title: string;
  detail: string;
  headers?: Record<string, { description: string; schema: { type: string } }>;
  extra?: Record<string, unknown>;
}

/** What each status means here, with the example an integrator sees. */
const STATUSES: Record<number, ProblemStatus> = {
  400: { slug: 'validation', title: 'Dữ liệu không hợp lệ (Invalid request)', description: 'Yêu cầu không hợp lệ (the request is malformed or a field is invalid; `errors` names each field)', detail: 'Some fields are missing or invalid; see `errors` and correct them.', extra: { errors: [{ field: 'quarter', message: 'quarter must look like 2026-Q3' }] } },
  401: { slug: 'unauthenticated', title: 'Chưa xác thực (Unauthenticated)', description: 'Chưa xác thực (no bearer token, or it is invalid or expired)', detail: 'A valid bearer token is required.', headers: { 'WWW-Authenticate': { description: 'Bearer realm="binh-yen", with error="invalid_token" when the token sent was the trouble', schema: { type: 'string' } } } },
  403: { slug: 'forbidden', title: 'Không có quyền (Forbidden)', description: 'Không có quyền (the caller’s role, level or area does not allow this)', detail: 'Your role does not allow this action.' },
  404: { slug: 'not-found', title: 'Không tìm thấy (Not found)', description: 'Không tìm thấy (unknown, or outside the caller’s area)', detail: 'No such record in your area.' },
  409: { slug: 'conflict', title: 'Xung đột dữ liệu (Conflict)', description: 'Xung đột (the state does not allow it now, the record exists already, or an Idempotency-Key was reused for another request)', detail: 'The record already exists.' },
  412: { slug: 'stale-version', title: 'Dữ liệu đã bị thay đổi (Precondition failed)', description: 'Phiên bản cũ (If-Match names a version that is no longer current; reload and apply again)', detail: 'The record is at version 4, not 3: someone changed it meanwhile. Reload it and apply your change again.', extra: { currentVersion: 4 } },
  413: { slug: 'payload-too-large', title: 'Nội dung quá lớn (Payload too large)', description: 'Nội dung quá lớn (the body, or the event it would publish, is over the limit)', detail: 'The request body is larger than allowed; send less data.' },
  415: { slug: 'unsupported-media-type', title: 'Định dạng không được hỗ trợ (Unsupported media type)', description: 'Định dạng không được hỗ trợ (send application/json)', detail: 'Send the body as application/json.' },
  422: { slug: 'rule-violation', title: 'Không thể xử lý (Unprocessable)', description: 'Không thể xử lý (well-formed, but a business rule refuses it; `errors` names the field when one is at fault)', detail: 'takenAt is before the previous step.', extra: { errors: [{ field: 'takenAt', message: 'must not be before the previous step' }] } },
  428: { slug: 'precondition-required', title: 'Thiếu If-Match (Precondition required)', description: 'Thiếu If-Match (send the version you last read, e.g. If-Match: "3")', detail: 'Send If-Match with the version you last read.' },
  429: { slug: 'too-many-requests', title: 'Quá nhiều yêu cầu (Too many requests)', description: 'Quá nhiều yêu cầu (rate limit; wait Retry-After seconds)', detail: 'Too many requests; try again after Retry-After seconds.', headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } } },
  500: { slug: 'internal', title: 'Lỗi hệ thống (Internal error)', description: 'Lỗi hệ thống (nothing about internals is said; try again)', detail: 'Something went wrong on our side. Try again; if it persists, contact the operators.' },
  503: { slug: 'unavailable', title: 'Tạm thời không phục vụ được (Service unavailable)', description: 'Tạm thời không phục vụ được (the database is restarting or unreachable; nothing was changed; retry after Retry-After seconds)', detail: 'The service’s database is unavailable for a moment; nothing was changed. Try again after Retry-After seconds.', headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } } },
};

/** The facts of an operation that decide which problems it can answer. */
export interface OperationFacts {
  method: string;
  isPublic: boolean;
  hasPathParameters: boolean;
  takesBody: boolean;
  hasQuery: boolean;
  usesIfMatch: boolean;
  /** If-Match is required: its absence is a 428. */
  requiresIfMatch: boolean;
}

/**
 * The statuses an operation can answer besides its own: from the shared pipeline (validation,
 * body limits, authentication, the policy, the rate limit) and the shape of the operation.
 */
export function problemStatusesOf(facts: OperationFacts): number[] {
  const statuses = new Set<number>([400, 429, 500, 503]);
  if (!facts.isPublic) [401, 403].forEach((status) => statuses.add(status));
  // An unknown id, or one outside the caller's area, is a 404.
  if (facts.hasPathParameters) statuses.add(404);
  if (facts.takesBody) [409, 413, 415, 422].forEach((status) => statuses.add(status));
  if (facts.method === 'delete') statuses.add(409);
  if (facts.hasQuery) statuses.add(422);
  if (facts.usesIfMatch) statuses.add(412);
  if (facts.requiresIfMatch) statuses.add(428);
  return [...statuses].sort((a, b) => a - b);
}

function problemResponse(status: number): Record<string, unknown> {
  const known = STATUSES[status]!;
  return {
    description: known.description,
    ...(known.headers ? { headers: known.headers } : {}),
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: { $ref: '#/components/schemas/ProblemDetails' },
        example: { type: problemType(known.slug), title: known.title, status, detail: known.detail, instance: '/api/v1/…', ...known.extra },
      },
    },
  };
}

function factsOf(method: string, operation: Operation): OperationFacts {
  const parameters = (operation.parameters ?? []) as Parameter[];
  const ifMatch = parameters.find((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'if-match');
  return {
    method,
    isPublic: (operation as Record<string, unknown>)[PUBLIC_EXTENSION] === true,
    hasPathParameters: parameters.some((parameter) => parameter.in === 'path'),
    takesBody: WITH_BODY.has(method),
    hasQuery: parameters.some((parameter) => parameter.in === 'query'),
    usesIfMatch: ifMatch !== undefined,
    requiresIfMatch: ifMatch?.required === true,
  };
}

/**
 * Makes a generated document say what the services really answer (ADR 0046): every problem
 * status each operation can answer, as RFC 9457 problem details with an example, and its
 * security (a bearer token unless @Public). Applied to every service's document by
 * the shared set-up, so no controller lists errors by hand; one a controller did document stays.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ProblemDetails: problemDetailsSchema as never };
  document.components.securitySchemes = {
    ...document.components.securitySchemes,
    [BEARER]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An OIDC access token of the platform’s identity provider (or one it trusts)' },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const facts = factsOf(method, operation);
      operation.security = facts.isPublic ? [] : [{ [BEARER]: [] }];
      for (const status of problemStatusesOf(facts)) {
        // Defined once under components.responses and referred to: one copy per status, not one per operation.
        document.components.responses ??= {};
        document.components.responses[`Problem${status}`] ??= problemResponse(status) as never;
        operation.responses[String(status)] ??= { $ref: `#/components/responses/Problem${status}` } as never;
      }
    }
  }
  return document;
}
