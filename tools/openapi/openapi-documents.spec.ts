import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAPISchemaValidator from 'openapi-schema-validator';
import { untypedSchemas } from '@binh-yen/http';
import { documentedServices, openApiDocumentOf, openApiFolder } from './generate-openapi';

describe('the published OpenAPI documents (docs/openapi)', () => {
  it.each(documentedServices.map((service) => [service.spec.name, service] as const))(
    '%s matches its controllers; run `npm run openapi:documents` after changing an API',
    async (name, service) => {
      const published = JSON.parse(readFileSync(join(openApiFolder, `${name}.json`), 'utf8')) as unknown;
      expect(published).toEqual(JSON.parse(JSON.stringify(await openApiDocumentOf(service))));
    },
  );

  it.each(documentedServices.map((service) => [service.spec.name]))('%s is valid OpenAPI, every property typed', (name) => {
    const document = JSON.parse(readFileSync(join(openApiFolder, `${name}.json`), 'utf8')) as never;
    expect(new OpenAPISchemaValidator({ version: 3 }).validate(document).errors).toEqual([]);
    expect(untypedSchemas(document)).toEqual([]);
  });
});
