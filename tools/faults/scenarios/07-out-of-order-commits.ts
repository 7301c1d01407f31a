import { RatingLoad } from '../load';
import { expectThat, type Scenario } from '../scenario';

const MARKER = 'faults-slow-commit';

/**
 * 7. Long and short transactions write the outbox at once, so commits land out of position order.
 * A trigger (installed in the suite's units database only) holds back the commit of marked
 * transactions after their outbox row took its position.
 */
export const outOfOrderCommits: Scenario = {
  id: 7,
  title: 'concurrent long and short outbox transactions (commits out of id order)',
  async run({ stack }) {
    await stack.units$(`CREATE OR REPLACE FUNCTION faults_slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF strpos(NEW.payload, '${MARKER}') > 0 THEN PERFORM pg_sleep(2.5); END IF; RETURN NEW; END $$`);
    await stack.units$(`CREATE TRIGGER faults_slow_commit AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION faults_slow_commit()`);
    try {
      const load = new RatingLoad(stack, 30);
      const slow = await Promise.all(
        stack.communes.slice(0, 4).map((unit) => stack.rate(unit.code, '2026-Q3', { rating: 'average', justification: `${MARKER} ${unit.code}` })),
      );
      const stats = await load.stop();
      expectThat(slow.every((response) => response.status >= 200 && response.status < 300), `slow ratings answered ${slow.map((r) => r.status).join(',')}`);
      // Rows with a higher position that were published before a slow row committed.
      const overtaken = await stack.units$<{ n: string }>(
        `SELECT count(*) AS n FROM outbox fast JOIN outbox slow ON slow.event_type = 'unit.rated' AND strpos(slow.payload, '${MARKER}') > 0
          WHERE fast.position > slow.position AND fast.published_at < slow.published_at`,
      );
      expectThat(Number(overtaken[0]!.n) > 0, 'no commit landed out of position order; the scenario proved nothing');
      return `4 long transactions overtaken ${overtaken[0]!.n} times by short ones (${stats.ok} writes)`;
    } finally {
      await stack.units$(`DROP TRIGGER IF EXISTS faults_slow_commit ON outbox`);
    }
  },
};
