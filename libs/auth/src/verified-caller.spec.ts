import type { Caller } from './caller';
import type { TokenVerifier } from './token-verifier';
import { verifiedCallerOf } from './verified-caller';

const caller: Caller = { subject: 'ca-viet-tri-01', agency: 'police', roles: ['officer'], area: '25.227' };

/** A verifier that counts its signature checks and refuses the token "bad". */
function countingVerifier(): { verifier: TokenVerifier; calls: () => number } {
  let calls = 0;
  const verifier = { verify: async (token: string) => (calls++, token === 'bad' ? Promise.reject(new Error('refused')) : caller) } as unknown as TokenVerifier;
  return { verifier, calls: () => calls };
}

describe('a request’s bearer token is verified once, whoever asks first', () => {
  it('shares one check between the rate limiter and the auth guard of the same request', async () => {
    const { verifier, calls } = countingVerifier();
    const request = { headers: { authorization: 'Bearer good' } };
    expect(await verifiedCallerOf(verifier, request)).toEqual(caller);
    expect(await verifiedCallerOf(verifier, request)).toEqual(caller);
    expect(calls()).toBe(1);
    await verifiedCallerOf(verifier, { headers: { authorization: 'Bearer good' } });
    expect(calls()).toBe(2);
  });

  it('refuses a bad token to every asker alike, and gives nothing without a bearer token', async () => {
    const { verifier, calls } = countingVerifier();
    const request = { headers: { authorization: 'Bearer bad' } };
    await expect(verifiedCallerOf(verifier, request)).rejects.toThrow('refused');
    await expect(verifiedCallerOf(verifier, request)).rejects.toThrow('refused');
    expect(calls()).toBe(1);
    expect(verifiedCallerOf(verifier, { headers: {} })).toBeUndefined();
    expect(verifiedCallerOf(verifier, { headers: { authorization: 'Basic x' } })).toBeUndefined();
  });
});
