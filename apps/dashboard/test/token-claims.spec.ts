import { isWithinArea, may, sessionFromToken } from '../src/api/token-claims';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: Record<string, unknown>): string => `${base64url({ alg: 'HS256' })}.${base64url(claims)}.signature`;
const claims = { sub: 'demo', agency: 'police', roles: ['approver'], area: '25.227', exp: 2_000_000_000 };

describe('reading the signed-in user from the token (display only)', () => {
  it('reads subject, agency, roles, area and expiry, with or without "Bearer "', () => {
    expect(sessionFromToken(`Bearer ${token(claims)}`, 0)).toEqual({
      token: token(claims),
      subject: 'demo',
      agency: 'police',
      roles: ['approver'],
      area: '25.227',
      expiresAt: 2_000_000_000_000,
    });
  });

  it('refuses what is not a token the services would issue, and an expired one', () => {
    expect(sessionFromToken('not-a-token')).toBeNull();
    expect(sessionFromToken(token({ ...claims, area: '25/227' }), 0)).toBeNull();
    expect(sessionFromToken(token({ ...claims, roles: 'approver' }), 0)).toBeNull();
    expect(sessionFromToken(token(claims), 2_000_000_000_000)).toBeNull();
    expect(sessionFromToken(`${token(claims)}.extra`, 0)).toBeNull();
  });

  it('offers submit and review as libs/auth allows them', () => {
    const as = (agency: string, role: string) => sessionFromToken(token({ ...claims, agency, roles: [role] }), 0)!;
    expect(may(as('police', 'approver'), 'review')).toBe(true);
    expect(may(as('people-committee', 'analyst'), 'review')).toBe(false);
    expect(may(as('people-committee', 'officer'), 'submit')).toBe(true);
    expect(may(as('court', 'officer'), 'submit')).toBe(false);
  });

  it('keeps areas by path ancestry', () => {
    expect(isWithinArea('25.227.07894', '25.227')).toBe(true);
    expect(isWithinArea('25.2270', '25.227')).toBe(false);
  });
});
