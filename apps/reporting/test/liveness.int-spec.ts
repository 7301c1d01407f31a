import 'reflect-metadata';
import { topicFor } from '@binh-yen/contracts';
import { loadEnv } from '@binh-yen/http';
import { startService, type RunningService } from '@binh-yen/service-runtime';
import { consumerStates, createTestDatabase, createTopics, joinConsumerGroup, serviceEnv, uniqueTopicPrefix, waitFor, type GroupMember, type TestDatabase } from '@binh-yen/testing';
import { ReportingAppModule, reportingService } from '../src/app.module';
import { ReportingEnv } from '../src/config/reporting.env';

const GRACE_SECONDS = 4;

interface Liveness {
  status: number;
  body: { status: string; checks?: { messaging?: { detail?: { dead: { part: string; reason: string | null }[]; graceSeconds: number } } } };
}

async function liveness(url: string): Promise<Liveness> {
  const response = await fetch(`${url}/health/live`);
  return { status: response.status, body: (await response.json()) as Liveness['body'] };
}

/**
 * ADR 0037: a consumer that cannot recover by itself fails /health/live once its grace has passed,
 * so Kubernetes restarts the pod; one that rebalances (or retries) stays alive, and readiness is
 * about serving traffic either way. On the real broker, with the service in this process.
 */
describe('liveness that heals', () => {
  const prefix = uniqueTopicPrefix();
  const members: GroupMember[] = [];
  let db: TestDatabase;
  let reporting: RunningService | undefined;

  const start = async (): Promise<RunningService> => {
    const env = loadEnv(ReportingEnv, {
      ...serviceEnv(db.url, prefix),
      PORT: '0',
      LOG_LEVEL: 'error',
      LIVENESS_GRACE_SECONDS: String(GRACE_SECONDS),
      // One restart, so "for good" comes within seconds; the default is 10.
      KAFKA_CONSUMER_MAX_RESTARTS: '1',
    });
    return startService(ReportingAppModule.register(env), env, reportingService);
  };

  const intruder = async (groupId: string, otherProtocol = false): Promise<GroupMember> => {
    const member = await joinConsumerGroup(groupId, [topicFor('unit', prefix)], { otherProtocol });
    members.push(member);
    return member;
  };

  beforeAll(async () => {
    db = await createTestDatabase('reporting');
    await createTopics((['unit', 'model', 'incident'] as const).map((aggregate) => topicFor(aggregate, prefix)), 3);
  }, 60_000);

  afterAll(async () => {
    await reporting?.stop();
    await Promise.allSettled(members.map((member) => member.leave()));
    await db?.drop();
  });

  it('stays alive while a consumer rebalances, for longer than the grace', async () => {
    reporting = await start();
    await waitFor(() => consumerStates(reporting!.url), (states) => states.length > 0 && states.every((s) => s.state === 'running'), {
      timeoutMs: 90_000,
      description: 'every consumer running',
    });
    const group = `${prefix}reporting.movement.v1`;
    const seen = new Set<string>();
    const answers = new Set<number>();
    const joining = intruder(group);
    // A member joining the group makes the movement consumer rebalance; then it holds half the partitions.
    const until = Date.now() + (GRACE_SECONDS + 3) * 1000;
    while (Date.now() < until) {
      const [states, live] = await Promise.all([consumerStates(reporting.url), liveness(reporting.url)]);
      seen.add(states.find((s) => s.groupId === group)?.state ?? 'absent');
      answers.add(live.status);
    }
    await (await joining).leave();
    expect(seen.has('rebalancing')).toBe(true);
    expect([...answers]).toEqual([200]);
    expect((await liveness(reporting.url)).status).toBe(200);
    await reporting.stop();
    reporting = undefined;
  }, 150_000);

  it('fails /health/live once a consumer is dead for good past the grace, while readiness stays green', async () => {
    const group = `${prefix}reporting.movement.v1`;
    // The group belongs to a member of another protocol: joining it is refused, a non-retriable error kafkajs does not restart from.
    const owner = await intruder(group, true);
    reporting = await start();
    const crashed = await waitFor(() => consumerStates(reporting!.url), (states) => states.find((s) => s.groupId === group)?.state === 'crashed', {
      timeoutMs: 60_000,
      description: 'the movement consumer crashed for good',
    });
    const crashedAt = Date.now();
    expect(crashed.filter((s) => s.groupId !== group).every((s) => s.state !== 'crashed')).toBe(true);
    // Within the grace: alive (a scrape and an alert may still see it).
    expect((await liveness(reporting.url)).status).toBe(200);
    // The member of the other protocol leaves: nothing rejoins by itself.
    await owner.leave();
    const dead = await waitFor(() => liveness(reporting!.url), (live) => live.status === 503, { timeoutMs: (GRACE_SECONDS + 10) * 1000, description: '/health/live 503' });
    expect(Date.now() - crashedAt).toBeGreaterThanOrEqual((GRACE_SECONDS - 1) * 1000);
    expect(dead.body.status).toBe('dead');
    expect(dead.body.checks?.messaging?.detail?.dead.map((part) => part.part)).toEqual([`consumer ${group}`]);
    expect(dead.body.checks?.messaging?.detail?.dead[0]?.reason).toContain('protocol');
    expect(dead.body.checks?.messaging?.detail?.graceSeconds).toBe(GRACE_SECONDS);
    expect((await consumerStates(reporting.url)).find((s) => s.groupId === group)?.state).toBe('crashed');
    // Readiness is about serving traffic: the reports still answer.
    expect((await fetch(`${reporting.url}/health/ready`)).status).toBe(200);
  }, 150_000);
});
