import { topicFor } from '@binh-yen/contracts';
import { bearer, readTopic, serviceEnv, startServiceProcess, waitFor, type ServiceProcess } from '@binh-yen/testing';
import { incidentReport } from './support/incident-factory';
import { PlatformUnderTest } from './support/platform';

interface RelayHealth {
  checks: { messaging: { detail: { relay: { role: string } } } };
}

const relayRole = async (service: ServiceProcess): Promise<string> =>
  ((await (await fetch(`${service.url}/health/ready`)).json()) as RelayHealth).checks.messaging.detail.relay.role;

/**
 * Two incidents processes on one database take writes in turn; one outbox, one active relay
 * (a Postgres advisory lock; the other stands by). The relay's leader is killed with SIGKILL
 * while requests are in flight: the survivor takes over the relay, and the reporting projection
 * counts every stored incident exactly once.
 */
describe('scale-out of the incidents service: two writers, one outbox, a leader killed mid-flow', () => {
  const platform = new PlatformUnderTest();
  const quarter = '2026-Q3';
  const writers: ServiceProcess[] = [];

  beforeAll(async () => {
    await platform.createDatabases();
    await platform.startReporting();
    // One after the other: each runs the migrations at start.
    for (const label of ['incidents-a', 'incidents-b']) {
      writers.push(await startServiceProcess({ service: 'incidents', env: serviceEnv(platform.incidentsDb.url, platform.topicPrefix, { KAFKA_PARTITIONS: '3' }), label }));
    }
    await platform.seedUnits();
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled(writers.map((writer) => writer.stop()));
    await platform.stop();
  });

  it('loses nothing and counts nothing twice', async () => {
    const roles = await waitFor(() => Promise.all(writers.map(relayRole)), (seen) => [...seen].sort().join() === 'leader,standby', { description: 'one relay leader, one standby' });
    const leader = writers[roles.indexOf('leader')]!;
    const survivor = writers[roles.indexOf('standby')]!;
    const authorization = await bearer();
    const post = async (writer: ServiceProcess, index: number): Promise<{ status: number; id?: string } | { error: string }> => {
      try {
        const response = await fetch(`${writer.url}/api/v1/incidents`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify(incidentReport({ summary: `Sự việc số ${index}: trộm cắp tài sản tại chợ Việt Trì` })),
        });
        const body = (await response.json()) as { id?: string };
        return { status: response.status, ...(body.id ? { id: body.id } : {}) };
      } catch (error) {
        // The killed process: the request may or may not have committed; the database is the oracle.
        return { error: error instanceof Error ? error.message : String(error) };
      }
    };

    const answers: Awaited<ReturnType<typeof post>>[] = [];
    const rounds = 16;
    const perRound = 4;
    let killed = false;
    for (let round = 0; round < rounds; round++) {
      const targets = Array.from({ length: perRound }, (_, i) => (killed ? survivor : writers[(round * perRound + i) % 2]!));
      const inFlight = targets.map((writer, i) => post(writer, round * perRound + i));
      if (round === rounds / 4) {
        // Both writers have taken requests and the relay is busy with them: kill its leader now.
        await leader.kill('SIGKILL');
        killed = true;
      }
      answers.push(...(await Promise.all(inFlight)));
    }
    const acknowledged = answers.flatMap((answer) => ('status' in answer && answer.status === 201 && answer.id ? [answer.id] : []));
    const byLeader = answers.slice(0, (rounds / 4) * perRound).filter((_, i) => i % 2 === roles.indexOf('leader'));
    process.stdout.write(`[incidents scale-out] ${answers.length} requests, ${acknowledged.length} acknowledged, ${answers.length - acknowledged.length} unanswered by the killed process\n`);
    expect(byLeader.some((answer) => 'status' in answer && answer.status === 201)).toBe(true);
    expect(answers.slice(-perRound * 4).every((answer) => 'status' in answer && answer.status === 201)).toBe(true);

    // The survivor takes the relay over once the killed session's advisory lock is gone.
    await waitFor(() => relayRole(survivor), (role) => role === 'leader', { timeoutMs: 30_000, description: 'the standby relay to take over' });
    await waitFor(
      () => platform.sql<{ n: number }>(platform.incidentsDb, `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`),
      (rows) => rows[0]!.n === 0,
      { timeoutMs: 30_000, description: 'the outbox to drain' },
    );

    // The survivor's relay published the rest (including any batch the killed leader left unmarked).
    const metrics = await (await fetch(`${survivor.url}/metrics`)).text();
    expect(Number(/^binhyen_relay_published_events_total (\d+)$/m.exec(metrics)?.[1] ?? 0)).toBeGreaterThan(0);

    // Every acknowledged write is stored; the database is the oracle for what the projection must count.
    const stored = (await platform.sql<{ id: string }>(platform.incidentsDb, `SELECT id FROM incidents`)).map((row) => row.id);
    expect(acknowledged.filter((id) => !stored.includes(id))).toEqual([]);
    const reported = await platform.sql<{ event_id: string }>(platform.incidentsDb, `SELECT event_id FROM outbox WHERE event_type = 'incident.reported'`);
    expect(reported.length).toBe(stored.length);

    // No loss on the topic: every event the outbox wrote is there (a killed leader may have published some twice).
    const onTopic = await readTopic(topicFor('incident', platform.topicPrefix));
    const topicIds = onTopic.map((message) => message.headers['event-id'] ?? (JSON.parse(message.value!.toString()) as { id: string }).id);
    expect(reported.filter((row) => !topicIds.includes(row.event_id))).toEqual([]);
    process.stdout.write(`[incidents scale-out] ${stored.length} incidents stored; ${onTopic.length} messages on the incident topic for ${new Set(topicIds).size} events\n`);

    // Counted once each in the reporting projection, also after any late duplicate.
    await platform.waitForTotal(quarter, stored.length, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await platform.incidentCounts(quarter)).total).toBe(stored.length);
    const applied = await platform.sql<{ n: number }>(
      platform.reportingDb,
      `SELECT count(*)::int AS n FROM consumer_inbox WHERE consumer = 'incident-counts.v1' AND event_id = ANY($1::uuid[])`,
      [reported.map((row) => row.event_id)],
    );
    expect(applied[0]!.n).toBe(stored.length);
  }, 240_000);
});
