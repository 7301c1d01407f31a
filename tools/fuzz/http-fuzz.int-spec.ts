import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import type { Caller } from '@binh-yen/auth';
import { bearer, createTestDatabase, serviceEnv, startServiceProcess, uniqueTopicPrefix, type ServiceName, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';
import { HOSTILE_AREAS, hostileBodies, hostileParams, hostileTokens } from './hostile-inputs';

const caller: Caller = { subject: 'fuzzer', agency: 'people-committee', roles: ['administrator', 'officer', 'approver', 'auditor'], area: '25' };

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
  challenge: string;
}

function send(base: string, method: string, path: string, body: string | Buffer | undefined, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8'), challenge: String(res.headers['www-authenticate'] ?? '') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function tableCounts(database: TestDatabase): Promise<Record<string, number>> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const tables = (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`)).rows as { tablename: string }[];
    const counts: Record<string, number> = {};
    for (const { tablename } of tables) counts[tablename] = Number((await client.query(`SELECT count(*) AS n FROM "${tablename}"`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

/**
 * Sends malformed and hostile bodies and parameters to every operation the services
 * publish in their OpenAPI documents: never a 5xx, every refusal a problem detail,
 * and nothing persisted.
 */
describe('HTTP fuzzing of every published operation', () => {
  const prefix = uniqueTopicPrefix();
  const services: { name: ServiceName; database: TestDatabase; process: ServiceProcess }[] = [];

  beforeAll(async () => {
    for (const name of ['units', 'incidents', 'campaigns', 'reporting'] as const) {
      const database = await createTestDatabase(`fuzz_${name}`);
      const env = serviceEnv(database.url, prefix, { RATE_LIMIT_PER_MINUTE: '0', INCIDENTS_INFORMANT_KEY: randomBytes(32).toString('base64') });
      services.push({ name, database, process: await startServiceProcess({ service: name, env }) });
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled(services.map((service) => service.process.stop()));
    await Promise.allSettled(services.map((service) => service.database.drop()));
  });

  it('answers at least 1,000 hostile requests without a 5xx, always with problem details, persisting nothing', async () => {
    const token = await bearer(caller);
    const tokens = await hostileTokens(caller);
    // Area values a LIKE pattern would have widened (issue 23, finding 3), on every parameter.
    const params = [...hostileParams, ...HOSTILE_AREAS];
    let sent = 0;
    const failures: string[] = [];
    const tally = new Map<number, number>();
    for (const service of services) {
      const before = await tableCounts(service.database);
      const document = JSON.parse((await send(service.process.url, 'GET', '/api/docs/openapi.json', undefined, {})).body) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
      const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, hasBody: operation.requestBody !== undefined })),
      ).filter((operation) => !operation.path.endsWith('/stream')); // an event stream never ends; its auth and params are those of /freshness
      for (const operation of operations) {
        const withParams = (value: string): string => operation.path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
        const cases: { label: string; path: string; body?: string | Buffer; contentType?: string }[] = [];
        for (const value of params) cases.push({ label: `param ${JSON.stringify(value.slice(0, 20))}`, path: `${withParams(value)}?quarter=${encodeURIComponent(value)}&area=${encodeURIComponent(value)}&limit=${encodeURIComponent(value)}` });
        if (operation.hasBody) {
          const samplePath = withParams('07894').replace('07894', operation.path.includes('{id}') ? '01a22400-0000-7000-8000-000000000000' : '07894');
          for (const hostile of hostileBodies()) cases.push({ label: `body ${hostile.name}`, path: samplePath, body: hostile.body, contentType: hostile.contentType ?? 'application/json' });
        }
        for (const attempt of cases) {
          let answer: Answer;
          try {
            answer = await send(service.process.url, operation.method, attempt.path, attempt.body, {
              authorization: token,
              ...(attempt.body !== undefined ? { 'content-type': attempt.contentType ?? 'application/json' } : {}),
            });
          } catch (error) {
            // A server may answer 413 and close while a client is still sending a body far over the limit.
            if (attempt.body !== undefined && Buffer.byteLength(attempt.body) > 256 * 1024 && (error as { code?: string }).code === 'ECONNRESET') {
              answer = { status: 413, contentType: 'application/problem+json', body: '', challenge: '' };
            } else {
              throw new Error(`${service.name} ${operation.method} ${operation.path} (${attempt.label}): ${String(error)}`);
            }
          }
          sent++;
          tally.set(answer.status, (tally.get(answer.status) ?? 0) + 1);
          const where = `${service.name} ${operation.method} ${operation.path} (${attempt.label})`;
          if (answer.status >= 500) failures.push(`${where} → ${answer.status} ${answer.body.slice(0, 200)}`);
          else if (answer.status >= 400 && !answer.contentType.includes('application/problem+json')) failures.push(`${where} → ${answer.status} as ${answer.contentType}`);
          else if (operation.method !== 'GET' && answer.status < 300) failures.push(`${where} → accepted with ${answer.status}`);
        }
        // Every token shape the attacker tried (issue 23, finding 4): 401 with a challenge, never a 5xx, on every operation.
        const path = operation.path.replace(/\{id\}/g, '01a22400-0000-7000-8000-000000000000').replace(/\{[^}]+\}/g, '227');
        for (const hostile of tokens) {
          const body = operation.hasBody ? '{}' : undefined;
          const answer = await send(service.process.url, operation.method, path, body, { authorization: hostile.authorization, ...(body ? { 'content-type': 'application/json' } : {}) });
          sent++;
          tally.set(answer.status, (tally.get(answer.status) ?? 0) + 1);
          if (answer.status !== 401 || !answer.challenge.startsWith('Bearer ')) failures.push(`${service.name} ${operation.method} ${operation.path} (token: ${hostile.label}) → ${answer.status} ${answer.body.slice(0, 160)}`);
        }
      }
      expect(await tableCounts(service.database)).toEqual(before);
    }
    process.stdout.write(`[fuzz] ${sent} requests; statuses ${JSON.stringify(Object.fromEntries([...tally].sort()))}\n`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1_000);
  }, 600_000);
});
