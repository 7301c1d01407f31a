import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException, problemType } from './problem-details';

/**
 * The version the client last saw, from `If-Match: "3"` (or 3, or W/"3");
 * undefined when absent. Updates compare it with the stored version.
 */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<Request>().headers['if-match'];
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim()) : null;
  if (!match) {
    throw new ProblemException({
      type: problemType('validation'),
      title: 'Dữ liệu không hợp lệ (Invalid request)',
      status: 400,
      detail: 'If-Match must carry the version you last read, e.g. If-Match: "3".',
      errors: [{ field: 'If-Match', message: 'must be a version number such as "3"' }],
    });
  }
  return Number(match[1]);
});
