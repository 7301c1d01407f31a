import { bearer, createTestDatabase, serviceEnv, startServiceProcess, uniqueTopicPrefix, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';
import { request as httpRequest } from 'node:http';
import { provinceOfficer } from './units-harness';

/** Raw bytes to the service, bypassing fetch's own UTF-8 encoding. */
function postRaw(url: string, path: string, body: Buffer, token: string): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP input hardening', () => {
  let database: TestDatabase;
  let service: ServiceProcess;
  const unit = (code: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    code,
    name: 'Tỉnh Phú Thọ',
    kind: 'province',
    subkind: 'province',
    effectiveFrom: '1998-01-01',
    ...extra,
  });

  beforeAll(async () => {
    database = await createTestDatabase('hardening');
    service = await startServiceProcess({ service: 'units', env: serviceEnv(database.url, uniqueTopicPrefix(), { RATE_LIMIT_PER_MINUTE: '120', HTTP_BODY_LIMIT: '64kb' }) });
  });

  afterAll(async () => {
    await service.stop();
    await database.drop();
  });

  it('answers an oversized body with 413 as problem details', async () => {
    const response = await postRaw(service.url, '/api/v1/units', Buffer.from(JSON.stringify(unit('25', { name: 'x'.repeat(100_000) }))), await bearer(provinceOfficer));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ status: 413, type: 'urn:binh-yen:problem:payload-too-large' });
  });

  it('refuses invalid UTF-8 and NUL characters with 400, naming the field', async () => {
    const invalid = Buffer.concat([Buffer.from('{"code":"25","name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","kind":"province","subkind":"province","effectiveFrom":"1998-01-01"}')]);
    const badBytes = await postRaw(service.url, '/api/v1/units', invalid, await bearer(provinceOfficer));
    expect(badBytes.status).toBe(400);
    expect(JSON.parse(badBytes.body).type).toBe('urn:binh-yen:problem:invalid-utf8');
    const nul = await postRaw(service.url, '/api/v1/units', Buffer.from(JSON.stringify(unit('25', { name: 'Phú\u0000Thọ' }))), await bearer(provinceOfficer));
    expect(nul.status).toBe(400);
    expect(JSON.parse(nul.body).errors[0].field).toBe('name');
  });

  it('strips __proto__ keys, stores injection strings verbatim, and sets security headers', async () => {
    const body = `{"code":"25","name":"Tỉnh Phú Thọ'); DROP TABLE units; --","kind":"province","subkind":"province","effectiveFrom":"1998-01-01","__proto__":{"admin":true}}`;
    const created = await postRaw(service.url, '/api/v1/units', Buffer.from(body), await bearer(provinceOfficer));
    expect(created.status).toBe(201);
    expect(JSON.parse(created.body).name).toBe("Tỉnh Phú Thọ'); DROP TABLE units; --");
    expect(created.headers['x-content-type-options']).toBe('nosniff');
    expect(created.headers['x-frame-options']).toBe('DENY');
    expect(created.headers['x-powered-by']).toBeUndefined();
  });

  it('limits the request rate per client with 429 and Retry-After', async () => {
    const token = await bearer(provinceOfficer);
    const statuses: number[] = [];
    for (let i = 0; i < 140; i++) statuses.push((await fetch(`${service.url}/api/v1/units?q=phu`, { headers: { authorization: token } })).status);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    const limited = await fetch(`${service.url}/api/v1/units?q=phu`, { headers: { authorization: token } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
  });
});
