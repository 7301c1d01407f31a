import { request as httpRequest } from 'node:http';
import type { Caller } from '@binh-yen/auth';
import { bearer, createTestDatabase, serviceEnv, startRedis, startServiceProcess, uniqueTopicPrefix, type RunningRedis, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';

const LIMIT = 10;
/** The gateway's address as the service sees it: another loopback address, named in TRUST_PROXY. */
const PROXY = '127.0.0.2';

interface Answer {
  status: number;
  retryAfter: string | undefined;
}

/** One GET from a chosen local address (so the test can be the proxy or a client), with or without a forwarded address and a token. */
function get(base: string, path: string, options: { from: string; forwardedFor?: string; authorization?: string }): Promise<Answer> {
  const target = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        localAddress: options.from,
        headers: { ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}), ...(options.authorization ? { authorization: options.authorization } : {}) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function statuses(count: number, call: () => Promise<Answer>): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await call()).status);
  return seen;
}

const officer = (subject: string): Caller => ({ subject, agency: 'police', roles: ['officer'], area: '25' });

/**
 * ADR 0036: @nestjs/throttler keyed per token subject (per address when anonymous), with the client
 * address taken from X-Forwarded-For only when the peer is a trusted proxy, and an optional Redis
 * store shared by every replica.
 */
describe('rate limit behind a proxy: per subject, per address when anonymous, shared by replicas', () => {
  const prefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let redis: RunningRedis;
  let single: ServiceProcess;
  const replicas: ServiceProcess[] = [];
  const path = '/api/v1/units?q=phu';

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase('rate-limit'), startRedis()]);
    const env = (extra: Record<string, string>): Record<string, string> => serviceEnv(database.url, prefix, { RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: PROXY, ...extra });
    single = await startServiceProcess({ service: 'units', label: 'rate-limit-memory', env: env({}) });
    const shared = env({ RATE_LIMIT_STORE: 'redis', RATE_LIMIT_REDIS_URL: redis.url, DATABASE_MIGRATE_ON_START: 'false' });
    replicas.push(await startServiceProcess({ service: 'units', label: 'rate-limit-redis-1', env: shared }));
    replicas.push(await startServiceProcess({ service: 'units', label: 'rate-limit-redis-2', env: shared }));
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([single?.stop(), ...replicas.map((replica) => replica.stop())]);
    await Promise.allSettled([redis?.stop(), database?.drop()]);
  });

  it('gives two users behind one proxy address a bucket each', async () => {
    const [alice, bob] = [await bearer(officer('rl-alice')), await bearer(officer('rl-bob'))];
    const fromProxy = (authorization: string): Promise<Answer> => get(single.url, path, { from: PROXY, forwardedFor: '198.51.100.7', authorization });
    expect(await statuses(LIMIT, () => fromProxy(alice))).toEqual(Array(LIMIT).fill(200));
    const limited = await fromProxy(alice);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    expect((await fromProxy(bob)).status).toBe(200);
  });

  it('limits an anonymous flood by its forwarded address, and a token that does not verify counts as anonymous', async () => {
    const anonymous = (forwardedFor: string, authorization?: string): Promise<Answer> => get(single.url, path, { from: PROXY, forwardedFor, ...(authorization ? { authorization } : {}) });
    expect(await statuses(LIMIT, () => anonymous('203.0.113.5'))).toEqual(Array(LIMIT).fill(401));
    expect((await anonymous('203.0.113.5')).status).toBe(429);
    expect((await anonymous('203.0.113.5', 'Bearer made.up.token')).status).toBe(429);
    expect((await anonymous('203.0.113.6')).status).toBe(401);
    expect((await get(single.url, '/health/ready', { from: PROXY, forwardedFor: '203.0.113.5' })).status).toBe(200);
  });

  it('believes X-Forwarded-For only from the trusted proxy: a direct client cannot rotate it to escape', async () => {
    let n = 0;
    const spoofing = (): Promise<Answer> => get(single.url, path, { from: '127.0.0.3', forwardedFor: `192.0.2.${++n}` });
    expect(await statuses(LIMIT, spoofing)).toEqual(Array(LIMIT).fill(401));
    expect((await spoofing()).status).toBe(429);
    // The proxy forwarding for that same client finds it limited too; forwarding for another, not.
    expect((await get(single.url, path, { from: PROXY, forwardedFor: '127.0.0.3' })).status).toBe(429);
    expect((await get(single.url, path, { from: PROXY, forwardedFor: '192.0.2.200' })).status).toBe(401);
  });

  it('shares one count between replicas through Redis', async () => {
    const carol = await bearer(officer('rl-carol'));
    let n = 0;
    const alternating = await statuses(LIMIT, async () => get(replicas[n++ % 2]!.url, path, { from: PROXY, forwardedFor: '198.51.100.9', authorization: carol }));
    expect(alternating).toEqual(Array(LIMIT).fill(200));
    expect((await get(replicas[0]!.url, path, { from: PROXY, authorization: carol })).status).toBe(429);
    expect((await get(replicas[1]!.url, path, { from: PROXY, authorization: carol })).status).toBe(429);
  });

  it('keeps answering when Redis is gone, limiting each replica on its own meanwhile', async () => {
    await redis.stop();
    const dave = await bearer(officer('rl-dave'));
    const seen = await statuses(LIMIT + 1, () => get(replicas[0]!.url, path, { from: PROXY, authorization: dave }));
    expect(seen.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(seen[LIMIT]).toBe(429);
  });
});

