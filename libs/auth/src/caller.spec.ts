import { isWithinArea } from './area-scope';
import { issueToken, TokenVerifier } from './token-verifier';

describe('area scope', () => {
  it('includes the area itself and its descendants only', () => {
    expect(isWithinArea('25.227', '25')).toBe(true);
    expect(isWithinArea('25', '25')).toBe(true);
    expect(isWithinArea('251.1', '25')).toBe(false);
    expect(isWithinArea('25', '25.227')).toBe(false);
  });
});

describe('TokenVerifier with a shared key', () => {
  const caller = { subject: 'cb-001', agency: 'police' as const, roles: ['officer' as const], area: '25.227' };

  it('reads the caller from a token it can verify', async () => {
    const token = await issueToken(caller, { secret: 'secret-one-that-is-long-enough' });
    await expect(new TokenVerifier({ sharedSecret: 'secret-one-that-is-long-enough' }).verify(token)).resolves.toEqual(caller);
  });

  it('refuses a token signed with another key', async () => {
    const token = await issueToken(caller, { secret: 'another-secret-that-is-long-enough' });
    await expect(new TokenVerifier({ sharedSecret: 'secret-one-that-is-long-enough' }).verify(token)).rejects.toThrow(/signature/);
  });
});
