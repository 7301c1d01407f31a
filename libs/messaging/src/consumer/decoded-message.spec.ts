import { unitRegistered } from '@binh-yen/testing';
import type { LogMessage } from '../transport/event-transport';
import { decodeFor } from './decoded-message';

const registered = unitRegistered({ code: '07882', name: 'Phường Dữu Lâu', path: '25.227.07882' });
const message = (value: string, headers?: Record<string, string>): LogMessage => ({ offset: '7', key: null, value: Buffer.from(value), headers });
const headersOf = (type: string, version: number): Record<string, string> => ({ 'event-id': registered.id, 'event-type': type, 'event-version': String(version) });

describe('decoding a message for a projection (skip by event-type header, ADR 0057)', () => {
  const applying = (...types: string[]): ReadonlySet<string> => new Set(types);

  it('decodes and checks an event of a type the projection applies', () => {
    const decoded = decodeFor(message(JSON.stringify(registered), headersOf(registered.type, registered.version)), applying(registered.type));
    expect(decoded.ok).toBe(true);
    expect(decoded.ok === true && decoded.event.id).toBe(registered.id);
  });

  it('passes by a known event of a type it does not apply, without reading the body', () => {
    const decoded = decodeFor(message('not even JSON', headersOf(registered.type, registered.version)), applying('unit.renamed'));
    expect(decoded).toMatchObject({ ok: 'passed-by', eventType: registered.type, offset: '7' });
  });

  it('still decodes, and so dead-letters, an unknown type, an unknown version or a message without headers', () => {
    const unapplied = applying('unit.renamed');
    expect(decodeFor(message(JSON.stringify({ ...registered, type: 'unit.teleported' }), headersOf('unit.teleported', 1)), unapplied)).toMatchObject({ ok: false, kind: 'unknown-type' });
    expect(decodeFor(message(JSON.stringify({ ...registered, version: 99 }), headersOf(registered.type, 99)), unapplied)).toMatchObject({ ok: false, kind: 'unknown-version' });
    expect(decodeFor(message('not even JSON'), unapplied)).toMatchObject({ ok: false, kind: 'unparseable' });
  });
});
