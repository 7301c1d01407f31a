import { Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemException, problemType } from '@binh-yen/http';
import { SLUG } from './dto/taxonomy.dto';

/** A taxonomy slug in the path: lower-case words joined by "-". */
@Injectable()
export class TaxonomySlugPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!SLUG.test(value)) {
      throw new ProblemException({
        type: problemType('validation'),
        title: 'Dữ liệu không hợp lệ (Invalid request)',
        status: 400,
        detail: 'slug must be lower-case letters, digits and "-", such as "cyber-crime".',
        errors: [{ field: 'slug', message: 'must look like "cyber-crime"' }],
      });
    }
    return value;
  }
}
