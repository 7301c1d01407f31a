import { createParamDecorator, HttpStatus, type ExecutionContext } from '@nestjs/common';
import { ProblemException, problemType } from '@binh-yen/http';
import type { Request } from 'express';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

/** The request's `Idempotency-Key` header, checked; undefined when absent. */
export const IdempotencyKeyHeader = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new ProblemException({
      type: problemType('validation'),
      title: 'Dữ liệu không hợp lệ (Invalid request)',
      status: HttpStatus.BAD_REQUEST,
      detail: 'Idempotency-Key must be 8–200 characters of letters, digits, "_", ".", ":" or "-" (a UUID is a good choice).',
      errors: [{ field: 'Idempotency-Key', message: 'must match [A-Za-z0-9_.:-]{8,200}' }],
    });
  }
  return value;
});
