import { randomBytes } from 'node:crypto';
import { InformantCipher } from './informant-cipher';

const key = randomBytes(32).toString('base64');
const informant = { name: 'Nguyễn Thị Báo Tin', contact: '0912 345 678' };

describe('InformantCipher (AES-256-GCM)', () => {
  const cipher = new InformantCipher(key);

  it('seals and opens an informant, with a fresh IV each time and no plaintext in the ciphertext', () => {
    const first = cipher.seal('incident-1', informant);
    const second = cipher.seal('incident-1', informant);
    expect(cipher.open('incident-1', first)).toEqual(informant);
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.ciphertext.toString('utf8')).not.toContain('Nguyễn');
    expect(first.ciphertext.toString('latin1')).not.toContain('0912');
  });

  it('does not open on another incident, with another key, or after tampering', () => {
    const sealed = cipher.seal('incident-1', informant);
    expect(() => cipher.open('incident-2', sealed)).toThrow();
    expect(() => new InformantCipher(randomBytes(32).toString('base64')).open('incident-1', sealed)).toThrow(/sealed with key/);
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[0] = tampered[0]! ^ 1;
    expect(() => cipher.open('incident-1', { ...sealed, ciphertext: tampered })).toThrow();
  });

  it('is unavailable without a key and refuses a key of the wrong length', () => {
    expect(new InformantCipher(undefined).available).toBe(false);
    expect(() => new InformantCipher(undefined).seal('incident-1', informant)).toThrow(/not configured/);
    expect(() => new InformantCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('rotates: reads records of a previous key, reseals them with the current one', () => {
    const oldKey = randomBytes(32).toString('base64');
    const sealedWithOld = new InformantCipher(oldKey).seal('incident-1', informant);
    const rotated = new InformantCipher(key, [oldKey]);
    expect(rotated.open('incident-1', sealedWithOld)).toEqual(informant);
    const resealed = rotated.reseal('incident-1', sealedWithOld);
    expect(resealed.keyId).toBe(rotated.keyId);
    expect(new InformantCipher(key).open('incident-1', resealed)).toEqual(informant);
    expect(rotated.reseal('incident-1', resealed)).toBe(resealed);
    expect(() => new InformantCipher(key).open('incident-1', sealedWithOld)).toThrow(/INCIDENTS_INFORMANT_PREVIOUS_KEYS/);
  });
});
