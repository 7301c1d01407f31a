import type { Caller } from '@binh-yen/auth';
import { callerClaims, signTestToken } from '@binh-yen/testing';

/** Bodies and parameters an attacker or a broken client might send. None is a valid request. */
export function hostileBodies(): { name: string; body: string | Buffer; contentType?: string }[] {
  const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) });
  const huge = 'Ạ'.repeat(300_000);
  const bodies: { name: string; body: string | Buffer; contentType?: string }[] = [
    { name: 'empty', body: '' },
    { name: 'not json', body: '{"code": ' },
    { name: 'json array', body: '[]' },
    { name: 'json string', body: '"Việt Trì"' },
    { name: 'json number', body: '12345' },
    { name: 'json null', body: 'null' },
    { name: 'empty object', body: '{}' },
    { name: 'proto pollution', body: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}' },
    { name: 'deep nesting', body: JSON.stringify(deep(200)) },
    { name: 'huge string', body: JSON.stringify({ name: huge, code: huge }) },
    { name: 'nul in value', body: '{"code":"25\\u0000","name":"a\\u0000b"}' },
    { name: 'nul in key', body: '{"co\\u0000de":"25"}' },
    { name: 'invalid utf-8', body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]) },
    { name: 'sql in unknown field', body: JSON.stringify({ "'; DROP TABLE units; --": 1 }) },
    { name: 'wrong types', body: JSON.stringify({ code: 25, name: ['a'], kind: {}, subkind: true, effectiveFrom: 20260101, rating: 7, year: 'two thousand', quarter: null, reason: 3, headcount: '12', trainees: -5, hours: 'many', narrative: {}, comments: [] }) },
    { name: 'dates out of range', body: JSON.stringify({ effectiveFrom: '2026-13-45', assessedOn: '0000-00-00', startsOn: 'yesterday', occurredAt: '2026-02-30T25:61:00Z' }) },
    { name: 'form encoded', body: 'code=25&name=x', contentType: 'application/x-www-form-urlencoded' },
    { name: 'xml', body: '<unit><code>25</code></unit>', contentType: 'application/xml' },
    { name: 'unknown fields only', body: JSON.stringify({ isAdmin: true, role: 'administrator', $where: '1==1' }) },
    { name: 'json true', body: 'true' },
    { name: 'nested arrays', body: JSON.stringify({ code: [[['25']]], name: [[{}]] }) },
    { name: 'duplicate keys', body: '{"code":"25","code":{"$gt":""}}' },
    { name: 'bom and garbage', body: Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x00, 0x7d]) },
    { name: 'numbers as huge', body: JSON.stringify({ year: 1e308, headcount: Number.MAX_SAFE_INTEGER * 10, trainees: -0 }) },
  ];
  return bodies;
}

/** Values for path and query parameters: injection, traversal, encodings, sizes. */
export const hostileParams = [
  "' OR '1'='1",
  '1; DROP TABLE units; --',
  '../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${jndi:ldap://x}',
  'ạ'.repeat(300),
  '-1',
  '9999999999999999999999',
  'null',
  'undefined',
  '__proto__',
  ' ',
  '0x7fffffff',
  '2026-Q9',
  '25..227',
  '😀',
  '%E0%A4%A',
];

/**
 * Areas no unit has, some of which a `LIKE` pattern or a lax comparison would read as Việt Trì
 * (25.227) or the province: wildcards, Unicode look-alike digits, a zero-width space, case,
 * empty labels. A token carrying one is refused (401) on every operation (issue 23, finding 3).
 */
export const HOSTILE_AREAS = ['25.2_7', '25.22_', '2_', '%', '25.%', '25.22%', '25.２２７', '25.٢٢٧', '25.227\u200b', '25.227.', '25..227', ' 25', 'all', 'cq22701', '25.227.07882\u0000'];

/** A token no service of the platform may accept, whatever it claims (issue 23, finding 4). */
export interface HostileToken {
  label: string;
  authorization: string;
}

/** Every token shape the attacker tried, for a caller the policy admits: only the token's shape can refuse it. */
export async function hostileTokens(caller: Caller): Promise<HostileToken[]> {
  const claims = callerClaims(caller);
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const shapes: [string, Promise<string>][] = [
    ['no exp', signTestToken(claims, { expiresInSeconds: null })],
    ['expired', signTestToken(claims, { expiresInSeconds: -120 })],
    ['another iss', signTestToken(claims, { issuer: 'https://id.other-application.invalid' })],
    ['no iss', signTestToken(claims, { issuer: null })],
    ['another aud', signTestToken(claims, { audience: 'another-application' })],
    ['no aud', signTestToken(claims, { audience: null })],
    ['NUL in sub', signTestToken({ ...claims, sub: `${caller.subject}\u0000x` })],
    ['sub of 201 characters', signTestToken({ ...claims, sub: 's'.repeat(201) })],
    ['empty sub', signTestToken({ ...claims, sub: '' })],
    ['unknown role', signTestToken({ ...claims, roles: ['superuser'] })],
    ['signed with the development secret', signTestToken(claims, { secret: 'dev-secret-change-me-in-every-deployment' })],
    ['alg none', Promise.resolve(`${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, exp: now + 600, iat: now })}.`)],
  ];
  return Promise.all(shapes.map(async ([label, token]) => ({ label, authorization: `Bearer ${await token}` })));
}
