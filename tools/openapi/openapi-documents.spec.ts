import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentedServices, openApiDocumentOf, openApiFolder } from './generate-openapi';

describe('the published OpenAPI documents (docs/openapi)', () => {
  it.each(documentedServices.map((service) => [service.spec.name, service] as const))(
    '%s matches its controllers; run `npm run openapi:documents` after changing an API',
    async (name, service) => {
      const published = JSON.parse(readFileSync(join(openApiFolder, `${name}.json`), 'utf8')) as unknown;
      expect(published).toEqual(JSON.parse(JSON.stringify(await openApiDocumentOf(service))));
    },
  );
});
