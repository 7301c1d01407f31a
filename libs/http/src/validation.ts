import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemException, problemType, type FieldError } from './problem-details';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Whitelist, reject unknown fields, convert types; errors name each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
