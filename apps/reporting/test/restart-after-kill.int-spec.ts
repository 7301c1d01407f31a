import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { topicFor, type EventEnvelope } from '@binh-yen/contracts';
import {
  bearer,
  consumerStates,
  createTestDatabase,
  incidentReported,
  provincialAnalyst,
  publishEvents,
  repoRoot,
  serviceEnv,
  startServiceProcess,
  uniqueTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';
import { Client } from 'pg';

/**
 * How long a reporting process restarted after SIGKILL may answer ready and apply nothing, with
 * the service's default consumer settings (docs/runbook.md, ADR 0029): its group waits for the dead
 * member's session (10 s) to expire, counted from the kill, so never more than that after ready;
 * measured 2.5–8 s on the shared 2-core machine, bound with room for its noise.
 */
const READY_TO_APPLYING_BOUND_MS = 15_000;
/** The service's default session timeout (KAFKA_SESSION_TIMEOUT_MS). */
const SESSION_TIMEOUT_MS = 10_000;

describe('a reporting process killed with SIGKILL under load', () => {
  const prefix = uniqueTopicPrefix();
  let database: TestDatabase;
  let reporting: ServiceProcess | undefined;
  // The service's own defaults, not the harness's short test settings: the time measured is production's.
  const env = Object.fromEntries(Object.entries(serviceEnv('', prefix)).filter(([name]) => !name.startsWith('KAFKA_SESSION') && !name.startsWith('KAFKA_HEARTBEAT') && !name.startsWith('KAFKA_REBALANCE')));

  beforeAll(async () => {
    database = await createTestDatabase('reporting');
    env['DATABASE_URL'] = database.url;
    reporting = await startServiceProcess({ service: 'reporting', env, label: 'reporting-before-kill' });
    await waitFor(() => consumerStates(reporting!.url), (states) => states.length > 0 && states.every((s) => s.state === 'running'), { timeoutMs: 90_000 });
  }, 120_000);

  afterAll(async () => {
    await reporting?.stop();
    await database?.drop();
  });

  async function applied(): Promise<number> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const rows = (await client.query(`SELECT coalesce(sum(next_offset), 0)::int AS n FROM consumer_offsets WHERE consumer = 'incident-counts.v1'`)).rows as { n: number }[];
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  }

  const incidents = (count: number): EventEnvelope[] =>
    Array.from({ length: count }, () => incidentReported({ area: '25.227.07882', category: 'criminal-offence', occurredAt: '2026-08-10T03:00:00Z' }));

  it('resumes applying within the measured bound, says it is not current meanwhile, and counts every event once', async () => {
    // Load: 5,000 incidents, published in bursts the whole time.
    let published = 0;
    let stopLoad = false;
    const load = (async () => {
      while (!stopLoad && published < 5_000) {
        await publishEvents(topicFor('incident', prefix), incidents(100));
        published += 100;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await waitFor(applied, (n) => n >= 1_000, { timeoutMs: 60_000, intervalMs: 100, description: 'the projection applying the load' });

    await reporting!.kill('SIGKILL');
    const killedAt = Date.now();
    // A commit already on its way when the process died lands now or never.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const appliedAtKill = await applied();
    reporting = await startServiceProcess({ service: 'reporting', env, label: 'reporting-after-kill' });
    const readyAt = Date.now();

    // Applying again is seen in the projection's own bookkeeping, polled apart from the freshness answers.
    let resumed = false;
    const answers: { state: string | undefined; answeredAt: number }[] = [];
    const asking = (async () => {
      while (!resumed) {
        const response = await fetch(`${reporting!.url}/api/v1/reports/freshness`, { headers: { authorization: await bearer(provincialAnalyst) } });
        const freshness = (await response.json()) as Record<string, { state?: string }>;
        answers.push({ state: freshness['incidents']?.state, answeredAt: Date.now() });
      }
    })();
    // Answers given before the start of the last poll that still saw nothing applied were surely
    // given while idle; later ones may race the first apply (the poll sees it only afterwards).
    let idleUntil = readyAt;
    const resumedAt = await waitFor(async () => {
      const polledAt = Date.now();
      if ((await applied()) > appliedAtKill) return Date.now();
      idleUntil = polledAt;
      return null;
    }, (at) => at !== null, {
      timeoutMs: 120_000,
      intervalMs: 50,
      description: 'the restarted process applying again',
    });
    resumed = true;
    await asking;
    // What the freshness answers said while nothing was applied yet.
    const states = answers.filter((answer) => answer.answeredAt < idleUntil).map((answer) => answer.state);
    const measured = { killToReadyMs: readyAt - killedAt, readyToApplyingMs: resumedAt! - readyAt, killToApplyingMs: resumedAt! - killedAt, statesSeen: [...new Set(states)] };
    const folder = join(repoRoot(), 'test-artifacts', 'restart');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `restart-after-kill-${Date.now()}.json`), `${JSON.stringify(measured, null, 2)}\n`);
    process.stdout.write(`[restart-after-kill] ${JSON.stringify(measured)}\n`);

    stopLoad = true;
    await load;
    await waitFor(applied, (n) => n === published, { timeoutMs: 120_000, intervalMs: 200, description: 'every published incident applied' });
    const counted = await waitFor(
      async () => ((await (await fetch(`${reporting!.url}/api/v1/reports/incident-counts?quarter=2026-Q3&area=25`, { headers: { authorization: await bearer(provincialAnalyst) } })).json()) as { total: number }).total,
      (total) => total === published,
      { timeoutMs: 60_000, description: 'the counts' },
    );
    expect(counted).toBe(published);
    expect(measured.readyToApplyingMs).toBeLessThanOrEqual(READY_TO_APPLYING_BOUND_MS);
    expect(states.filter((state) => state !== 'rebalancing' && state !== 'catching-up')).toEqual([]);
    // Ready well before the dead member's session could expire, it had to wait for its group, and said so.
    if (measured.killToReadyMs < SESSION_TIMEOUT_MS - 2_000) expect(states).toContain('rebalancing');
  });
});
