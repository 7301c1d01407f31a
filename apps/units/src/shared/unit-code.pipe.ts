import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException, problemType } from '@binh-yen/http';

const UNIT_CODE = /^[A-Za-z0-9_]{1,32}$/;

/** A unit code in the path, checked before it reaches a query. */
@Injectable()
export class UnitCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UNIT_CODE.test(value)) {
      throw new ProblemException({
        type: problemType('validation'),
        title: 'Dữ liệu không hợp lệ (Invalid request)',
        status: 400,
        detail: 'The unit code in the address is not an official code (letters, digits or _, up to 32).',
        errors: [{ field: 'code', message: 'must be an official unit code' }],
      });
    }
    return value;
  }
}
