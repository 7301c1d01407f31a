import { request } from 'node:http';
import { bearer, policeOfficer } from '@binh-yen/testing';
import { expectThat, type Scenario } from '../scenario';

/** Sends raw bytes (invalid UTF-8 cannot go through fetch's string bodies). */
async function raw(base: string, path: string, body: Buffer): Promise<number> {
  const authorization = await bearer(policeOfficer);
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'PUT', headers: { authorization, 'content-type': 'application/json', 'content-length': String(body.length) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export const INJECTION = `Robert'); DROP TABLE unit_ratings; -- <script>alert(1)</script> \${7*7} {{7*7}} ../../etc/passwd %s%n ' OR '1'='1`;

/** 12. Oversized bodies 413; NUL bytes and invalid UTF-8 400; injection strings stored verbatim; `__proto__` keys stripped. */
export const httpHostile: Scenario = {
  id: 12,
  title: 'HTTP: oversized 413, NUL/invalid UTF-8 400, injection verbatim, __proto__ stripped',
  async run({ stack }) {
    const code = stack.communes[1]!.code;
    const path = `/api/v1/units/${code}/ratings/2026-Q3`;
    const countRatings = async (): Promise<number> => Number((await stack.units$<{ n: string }>(`SELECT count(*) AS n FROM unit_ratings`))[0]!.n);
    const before = await countRatings();

    const oversized = await stack.rate(code, '2026-Q3', { rating: 'fair', justification: 'x'.repeat(300 * 1024) });
    expectThat(oversized.status === 413, `an oversized body answered ${oversized.status}`);
    const nul = await stack.rate(code, '2026-Q3', { rating: 'fair', justification: 'tốt\u0000lắm' });
    expectThat(nul.status === 400, `a NUL byte answered ${nul.status}`);
    const invalid = Buffer.concat([Buffer.from('{"rating":"fair","assessor":"A","assessedOn":"2026-10-05","justification":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    const invalidStatus = await raw(stack.units.url, path, invalid);
    expectThat(invalidStatus === 400, `invalid UTF-8 answered ${invalidStatus}`);
    expectThat((await countRatings()) === before, 'a refused request stored a rating');

    const injected = await stack.rate(code, '2026-Q3', { rating: 'fair', justification: INJECTION, assessor: `<img src=x onerror=alert(1)>` });
    expectThat(injected.status >= 200 && injected.status < 300, `the injection strings answered ${injected.status}`);
    const stored = await stack.units$<{ justification: string; assessor: string }>(`SELECT justification, assessor FROM unit_ratings WHERE justification = $1`, [INJECTION]);
    expectThat(stored.length === 1 && stored[0]!.assessor === '<img src=x onerror=alert(1)>', 'the injection strings were not stored verbatim');
    const readBack = await stack.call('GET', `/api/v1/units/${code}/ratings`, undefined);
    expectThat((await readBack.text()).includes(JSON.stringify(INJECTION).slice(1, -1)), 'the injection string did not come back verbatim');
    const event = await stack.units$<{ payload: string }>(`SELECT payload FROM outbox WHERE event_type = 'unit.rated' AND strpos(payload, $1) > 0`, ['DROP TABLE unit_ratings']);
    expectThat(event.length === 1 && (JSON.parse(event[0]!.payload) as { data: { justification: string } }).data.justification === INJECTION, 'the event does not carry the string verbatim');

    const proto = `{"rating":"strong","assessor":"A","assessedOn":"2026-10-05","justification":"proto check","__proto__":{"polluted":"yes","rating":"weak"},"constructor":{"prototype":{"polluted":"yes"}}}`;
    const protoAnswer = await stack.call('PUT', path, proto);
    expectThat(protoAnswer.status >= 200 && protoAnswer.status < 300, `the __proto__ body answered ${protoAnswer.status}: ${(await protoAnswer.text()).slice(0, 200)}`);
    const protoEvent = await stack.units$<{ payload: string }>(`SELECT payload FROM outbox WHERE event_type = 'unit.rated' AND strpos(payload, 'proto check') > 0`);
    expectThat(protoEvent.length === 1 && !protoEvent[0]!.payload.includes('polluted') && (JSON.parse(protoEvent[0]!.payload) as { data: { rating: string } }).data.rating === 'strong', 'the __proto__ keys reached the event');
    const tables = await stack.units$(`SELECT 1 FROM pg_tables WHERE tablename = 'unit_ratings'`);
    expectThat(tables.length === 1, 'unit_ratings is gone');
    return `413, 400 (NUL), 400 (invalid UTF-8), nothing stored; injection strings stored, answered and published verbatim; __proto__/constructor stripped`;
  },
};
