import { fingerprintOf } from './fingerprint';

describe('fingerprintOf', () => {
  it('ignores the order of fields', () => {
    expect(fingerprintOf({ a: 1, b: { c: [1, 2], d: 'Việt Trì' } })).toBe(fingerprintOf({ b: { d: 'Việt Trì', c: [1, 2] }, a: 1 }));
  });

  it('tells different requests apart', () => {
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
    expect(fingerprintOf({ list: [1, 2] })).not.toBe(fingerprintOf({ list: [2, 1] }));
  });
});
