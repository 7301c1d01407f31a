import { inspectInput } from './request-hygiene';

describe('inspectInput', () => {
  it('strips prototype-poisoning keys at any depth', () => {
    const body = JSON.parse('{"a":{"__proto__":{"admin":true},"b":1},"constructor":{"prototype":{}}}') as Record<string, unknown>;
    expect(inspectInput(body, '')).toBeNull();
    expect(body).toEqual({ a: { b: 1 } });
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('names the field that carries a NUL character', () => {
    expect(inspectInput({ summary: 'ok', items: [{ note: 'a\u0000b' }] }, '')).toEqual({ field: 'items[0].note', detail: 'contains a NUL character; remove it' });
  });

  it('refuses absurd nesting', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { deeper: deep };
    expect(inspectInput(deep, '')?.detail).toMatch(/nested deeper/);
  });

  it('accepts Vietnamese text and SQL metacharacters verbatim', () => {
    expect(inspectInput({ summary: "Việt Trì'; DROP TABLE incidents; --" }, '')).toBeNull();
  });
});
