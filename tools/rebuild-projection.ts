// Rebuilds a projection of a running reporting service and shows progress:
//   npm run reporting:rebuild -- movement [--url=http://127.0.0.1:3104]
// Uses an operator token (the `system` agency, province level) signed with AUTH_JWT_SECRET,
// AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE (or the embedded demo's secret).
import { issueToken } from '@binh-yen/auth';
import createClient from 'openapi-fetch';
import type { ServicePaths } from '@binh-yen/api-client';
import { tokenSigningFromEnv } from './token-signing';

async function main(): Promise<number> {
  const name = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const url = process.argv.find((arg) => arg.startsWith('--url='))?.slice(6) ?? 'http://127.0.0.1:3104';
  if (!name) {
    process.stderr.write('usage: npm run reporting:rebuild -- <projection> [--url=http://127.0.0.1:3104]\n');
    return 2;
  }
  const token = await issueToken({ subject: 'rebuild-cli', agency: 'system', roles: ['operator'], area: process.env['REBUILD_AREA'] ?? '25' }, tokenSigningFromEnv(process.env));
  const headers = { authorization: `Bearer ${token}` };
  // The generated client (ADR 0048): paths and answers typed by reporting's published document.
  const reporting = createClient<ServicePaths['reporting']>({ baseUrl: url });
  const started = await reporting.POST('/api/v1/admin/projections/{name}/rebuilds', { params: { path: { name } }, headers });
  if (!started.data) {
    const problem = started.error as { detail?: string } | undefined;
    process.stderr.write(`Refused (${started.response.status}): ${problem?.detail ?? JSON.stringify(problem)}\n`);
    return 1;
  }
  for (;;) {
    const { data: current, error } = await reporting.GET('/api/v1/admin/projections/rebuilds/{id}', { params: { path: { id: started.data.id } }, headers });
    if (!current) throw new Error(`The rebuild's status could not be read: ${JSON.stringify(error)}`);
    process.stderr.write(`\rDựng lại / rebuilding ${name}: ${(current.progress * 100).toFixed(1)}% (${current.state}, lag ${current.lag})   `);
    if (current.state === 'done') return process.stderr.write('\nDone: the rebuilt tables are live.\n'), 0;
    if (current.state === 'failed') return process.stderr.write(`\nFailed: ${current.error}\n`), 1;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
