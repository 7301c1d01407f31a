import { applyDecorators } from '@nestjs/common';
import { AREA_PATH, QUARTER, UNIT_CODE } from '@binh-yen/contracts';
import { Matches, MaxLength } from 'class-validator';

/** What a unit code is, said once for every message that refuses one. */
export const UNIT_CODE_RULE = 'mã đơn vị chính thức: chữ in hoa và chữ số, tối đa 32 ký tự (an official unit code: capital letters and digits, up to 32)';

/** An official unit code (or, with `each`, a list of them), refused with a message naming the field. */
export function IsUnitCode(field: string, options: { each?: boolean } = {}): PropertyDecorator {
  return Matches(UNIT_CODE, { each: options.each ?? false, message: `${options.each ? `each of ${field}` : field} must be ${UNIT_CODE_RULE}` });
}

/** A unit path such as 25.227: codes joined by dots, never a pattern. */
export function IsAreaPath(field: string): PropertyDecorator {
  const message = `${field} phải là đường dẫn đơn vị như 25.227 (must be a unit path such as 25.227: unit codes of capital letters and digits joined by dots)`;
  return applyDecorators(MaxLength(512, { message }), Matches(AREA_PATH, { message }));
}

/** A quarter such as 2026-Q3, refused with a message naming the field (the contracts' pattern). */
export function IsQuarter(field: string, example = '2026-Q3'): PropertyDecorator {
  return Matches(QUARTER, { message: `${field} must look like ${example}` });
}
