import { Injectable, type PipeTransform } from '@nestjs/common';
import { UNIT_CODE } from '@binh-yen/contracts';
import { ProblemException, problemType, UNIT_CODE_RULE } from '@binh-yen/http';

/** A unit code in the path, checked before it reaches a query. */
@Injectable()
export class UnitCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UNIT_CODE.test(value)) {
      throw new ProblemException({
        type: problemType('validation'),
        title: 'Dữ liệu không hợp lệ (Invalid request)',
        status: 400,
        detail: `Mã đơn vị trong địa chỉ không hợp lệ (the unit code in the address is not valid): it must be ${UNIT_CODE_RULE}.`,
        errors: [{ field: 'code', message: `must be ${UNIT_CODE_RULE}` }],
      });
    }
    return value;
  }
}
