import { HttpStatus, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ProblemException, problemType, type FieldError } from './problem-details';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates what requests bring (body, query, params). An event handler's `@Payload()` and
 * `@Ctx()` (numeric parameter types) pass as they are: events were checked against their
 * contracts when decoded, and the context is not data.
 */
class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return typeof metadata.type === 'string' ? super.transform(value, metadata) : Promise.resolve(value);
  }
}

/** Whitelist, reject unknown fields, convert types; errors name each field. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ProblemException({
        type: problemType('validation'),
        title: 'Dữ liệu không hợp lệ (Invalid request)',
        status: HttpStatus.BAD_REQUEST,
        detail: 'Some fields are missing or invalid; see `errors` and correct them.',
        errors: flatten(errors),
      }),
  });
}
