import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { applyDecorators, type Type } from '@nestjs/common';

const TEXT = new Set(['text/csv', 'text/html']);

/**
 * A 200 that answers JSON described by `json`, or one of the `files` (CSV, XLSX, HTML, DOCX, PDF) as
 * asked in its query: each media type with its own schema, so a generated client reads the JSON
 * typed and the files as text or binary (ApiProduces alone gave every type the JSON's schema).
 */
export function ApiOkJsonOrFiles(json: Type<unknown>, files: string[]): MethodDecorator & ClassDecorator {
  const content: Record<string, { schema: object }> = { 'application/json': { schema: { $ref: getSchemaPath(json) } } };
  for (const type of files) content[type] = { schema: TEXT.has(type) ? { type: 'string' } : { type: 'string', format: 'binary' } };
  return applyDecorators(ApiExtraModels(json), ApiOkResponse({ description: 'In the format the query asks for', content }));
}
