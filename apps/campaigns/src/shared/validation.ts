import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export function IsCalendarDate(field: string, example = '2026-07-01'): PropertyDecorator {
  const message = `${field} must be a date such as ${example}`;
  return applyDecorators(IsISO8601({ strict: true }, { message }), Matches(DATE, { message }));
}

