import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();
const REQUEST_ID = /^[A-Za-z0-9_.:-]{8,100}$/;

/** Gives every request an id (the caller's X-Request-Id when it is sane), echoed in the answer. */
export function requestContext(request: Request, response: Response, next: NextFunction): void {
  const given = request.headers['x-request-id'];
  const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}

/** The id of the request being served, or null outside a request (jobs, imports). */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}
