import { randomUUID } from 'node:crypto';
import { expectThat, type Scenario } from '../scenario';

/** 3. The API process killed after its commit, before answering; the client retries with the same Idempotency-Key. */
export const apiKill: Scenario = {
  id: 3,
  title: 'API kill -9 after DB commit, before response; retry with same Idempotency-Key',
  async run({ stack }) {
    const key = randomUUID();
    const code = stack.randomCommune();
    const body = { rating: 'strong', justification: `Idempotent retry ${key}` };
    const units = await stack.restartUnits({ BINHYEN_FAILPOINTS: 'api.after-commit' });
    const first = await stack.rate(code, '2026-Q2', body, { 'idempotency-key': key }).then(
      (response) => `answered ${response.status}`,
      () => 'cut off',
    );
    expectThat(first === 'cut off', `the first attempt was ${first}, expected the connection to be cut by the kill`);
    expectThat((await units.exited) === 'SIGKILL', 'the units process armed with api.after-commit was not killed');
    const committed = await stack.units$<{ revision: number }>(`SELECT revision FROM unit_ratings WHERE justification = $1`, [body.justification]);
    expectThat(committed.length === 1, `${committed.length} ratings committed before the kill, expected 1`);
    await stack.startUnits();
    const retry = await stack.rate(code, '2026-Q2', body, { 'idempotency-key': key });
    const answer = (await retry.json()) as { revision?: number };
    expectThat(retry.status >= 200 && retry.status < 300, `the retry answered ${retry.status}`);
    expectThat(answer.revision === committed[0]!.revision, `the retry answered revision ${answer.revision}, the committed one is ${committed[0]!.revision}`);
    const after = await stack.units$<{ n: string }>(`SELECT count(*) AS n FROM unit_ratings WHERE justification = $1`, [body.justification]);
    expectThat(Number(after[0]!.n) === 1, `${after[0]!.n} ratings after the retry, expected 1`);
    return `first attempt cut off after commit; retry answered ${retry.status} with the first result (revision ${answer.revision}); 1 rating, 1 event`;
  },
};
