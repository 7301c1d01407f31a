import { SignJWT, type JWTPayload } from 'jose';
import { claimMappingFromEnv } from './claim-mapping';
import { TokenVerifier } from './token-verifier';

const SECRET = 'a-shared-secret-long-enough-for-hs256-0123';
const claims: JWTPayload = { sub: 'cb-viet-tri-01', agency: 'police', roles: ['officer'], area: '25.227' };

async function sign(payload: JWTPayload, options: { exp?: number | null; iss?: string; aud?: string } = {}): Promise<string> {
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  const { exp = Math.floor(Date.now() / 1000) + 600 } = options;
  if (exp !== null) jwt.setExpirationTime(exp);
  if (options.iss) jwt.setIssuer(options.iss);
  if (options.aud) jwt.setAudience(options.aud);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

/** Issue 23, finding 4: the token shapes an attacker tried. */
describe('TokenVerifier refuses what no identity provider of ours issues', () => {
  const verifier = new TokenVerifier({ sharedSecret: SECRET, issuer: 'https://id.phutho.gov.vn', audience: 'binh-yen-api' });
  const good = { iss: 'https://id.phutho.gov.vn', aud: 'binh-yen-api' };

  it('accepts a token of the configured issuer and audience', async () => {
    await expect(verifier.verify(await sign(claims, good))).resolves.toMatchObject({ subject: 'cb-viet-tri-01', area: '25.227' });
  });

  it.each([
    ['another issuer', { ...good, iss: 'https://id.other.invalid' }, /iss/],
    ['another audience', { ...good, aud: 'other-app' }, /aud/],
    ['no expiry', { ...good, exp: null }, /exp/],
  ] as const)('refuses a token with %s', async (_label, options, reason) => {
    await expect(verifier.verify(await sign(claims, options))).rejects.toThrow(reason);
  });

  it('refuses a token without an expiry even when no issuer is configured (the embedded demo)', async () => {
    await expect(new TokenVerifier({ sharedSecret: SECRET }).verify(await sign(claims, { exp: null }))).rejects.toThrow(/exp/);
  });

  it.each([
    ['a NUL byte', 'cb\u0000viet'],
    ['a control character', 'cb\u001bviet'],
    ['201 characters', 'x'.repeat(201)],
    ['only spaces', '   '],
  ])('refuses a subject with %s', async (_label, sub) => {
    await expect(verifier.verify(await sign({ ...claims, sub }, good))).rejects.toThrow(/subject/);
  });

  it.each(['25.2_7', '25.22%', '25.２２７', '25.227.', '25..227', 'all', '25.227 ', 'cq22701'])('refuses the area "%s": an area is a unit path of capital letters and digits', async (area) => {
    await expect(verifier.verify(await sign({ ...claims, area }, good))).rejects.toThrow(/area/);
  });
});

describe('TokenVerifier reads agency, roles and area where the mapping says (ADR 0049)', () => {
  const mapping = claimMappingFromEnv({ AUTH_CLAIM_AGENCY: 'binh_yen.agency', AUTH_CLAIM_ROLES: 'binh_yen.roles', AUTH_CLAIM_AREA: 'binh_yen.area' });
  const verifier = new TokenVerifier({ sharedSecret: SECRET, claims: mapping });

  it('finds them under a dotted path, roles also as a space-separated string', async () => {
    const token = await sign({ sub: 'u1', binh_yen: { agency: 'procuracy', roles: 'officer approver', area: '25.227' } });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'u1', agency: 'procuracy', roles: ['officer', 'approver'], area: '25.227' });
  });

  it('refuses a token whose claims sit elsewhere than the mapping says', async () => {
    await expect(verifier.verify(await sign(claims))).rejects.toThrow(/agency/);
  });

  it('refuses a mapping that is not a claim path', () => {
    expect(() => claimMappingFromEnv({ AUTH_CLAIM_ROLES: 'roles[0]' })).toThrow(/AUTH_CLAIM_ROLES/);
  });
});
