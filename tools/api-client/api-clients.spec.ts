import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const services = ['units', 'incidents', 'campaigns', 'reporting'];
/** Where `npm run api:clients` writes them (generate-clients.ts). */
const generatedFolder = join(__dirname, '..', '..', 'libs', 'api-client', 'src', 'generated');

describe('the generated API client types (libs/api-client/src/generated)', () => {
  let fresh: string;

  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'api-clients-'));
    // In node itself: openapi-typescript is ES modules, which jest's sandbox does not load.
    execFileSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'generate-clients.ts'), fresh], { cwd: join(__dirname, '..', '..'), stdio: 'pipe' });
  });

  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it.each(services.map((service) => [service]))('%s matches its published OpenAPI document; run `npm run api:clients` after `npm run openapi:documents`', (service) => {
    expect(readFileSync(join(generatedFolder, `${service}.ts`), 'utf8')).toBe(readFileSync(join(fresh, `${service}.ts`), 'utf8'));
  });
});
