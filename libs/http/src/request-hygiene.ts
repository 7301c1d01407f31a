import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem-details';

const MAX_DEPTH = 32;
/** Keys that reach an object's prototype when code merges or assigns by key. */
const POISONED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function reject(response: Response, request: Request, field: string, detail: string): void {
  const problem: ProblemDetails = {
    type: problemType('malformed-input'),
    title: 'Dữ liệu không hợp lệ (Invalid request)',
    status: 400,
    detail,
    instance: request.originalUrl,
    errors: [{ field, message: detail }],
  };
  response.status(400).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/**
 * Walks parsed input once: strips prototype-poisoning keys, refuses NUL characters
 * (Postgres text cannot hold them and they hide content from logs and reviewers) and
 * absurd nesting. Answers the field's path, or null when the input is clean.
 */
export function inspectInput(value: unknown, path: string, depth = 0): { field: string; detail: string } | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? { field: path || 'body', detail: 'contains a NUL character; remove it' } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth > MAX_DEPTH) return { field: path || 'body', detail: `is nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const problem = inspectInput(value[index], `${path}[${index}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (POISONED_KEYS.has(key)) {
      delete record[key];
      continue;
    }
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return { field, detail: 'a field name contains a NUL character' };
    const problem = inspectInput(record[key], field, depth + 1);
    if (problem) return problem;
  }
  return null;
}

export function requestHygiene(request: Request, response: Response, next: NextFunction): void {
  if (request.originalUrl.includes('%00') || request.originalUrl.includes('\u0000')) {
    reject(response, request, 'url', 'The address contains a NUL character; remove it.');
    return;
  }
  const problem = inspectInput(request.body, '') ?? inspectInput(request.query, 'query');
  if (problem) {
    reject(response, request, problem.field, `${problem.field} ${problem.detail}.`);
    return;
  }
  next();
}

/** Throws for a body that is not valid UTF-8, instead of letting it decode into U+FFFD. */
export function assertUtf8(_request: unknown, _response: unknown, buffer: Buffer): void {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw Object.assign(new Error('request body is not valid UTF-8'), { status: 400, type: 'encoding.invalid-utf8', expose: true });
  }
}
