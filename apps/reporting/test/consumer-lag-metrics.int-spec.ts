import 'reflect-metadata';
import { topicFor } from '@binh-yen/contracts';
import { loadEnv } from '@binh-yen/http';
import { ProjectionServer, type ProjectionRunner } from '@binh-yen/messaging';
import { startService, type RunningService } from '@binh-yen/service-runtime';
import {
  consumerStates,
  createTestDatabase,
  produceRaw,
  publishEvents,
  serviceEnv,
  uniqueTopicPrefix,
  unitRegistered,
  waitFor,
  type TestDatabase,
} from '@binh-yen/testing';
import { ReportingAppModule, reportingService } from '../src/app.module';
import { ReportingEnv } from '../src/config/reporting.env';

type Sample = { labels: Record<string, string>; value: number };

/** The samples of one metric in a Prometheus text exposition. */
function samples(exposition: string, metric: string): Sample[] {
  return exposition
    .split('\n')
    .filter((line) => line.startsWith(`${metric}{`) || line.startsWith(`${metric} `))
    .map((line) => {
      const match = /^[^{ ]+(?:\{(.*)\})? (\S+)$/.exec(line)!;
      const labels = Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]));
      return { labels, value: Number(match[2]) };
    });
}

/**
 * ADR 0021: /metrics shows each consumer group's lag per partition (the broker's high watermark
 * minus the group's committed offset), each projection's watermark and its stored dead letters.
 * The reporting service runs in this process so its consumers can be stopped and started
 * while its /metrics keeps answering.
 */
describe('consumer lag, watermark and dead letters in /metrics, against the real broker', () => {
  const prefix = uniqueTopicPrefix();
  const unitTopic = topicFor('unit', prefix);
  const group = `${prefix}reporting.movement.v1`;
  let db: TestDatabase;
  let reporting: RunningService;

  const scrape = async (): Promise<string> => (await fetch(`${reporting.url}/metrics`)).text();
  const movementLag = (exposition: string): Sample[] => samples(exposition, 'binhyen_consumer_lag').filter((s) => s.labels['group'] === group && s.labels['topic'] === unitTopic);
  const movement = (exposition: string, metric: string): number | undefined => samples(exposition, metric).find((s) => s.labels['projection'] === 'movement.v1')?.value;

  beforeAll(async () => {
    db = await createTestDatabase('reporting');
    const env = loadEnv(ReportingEnv, { ...serviceEnv(db.url, prefix, { KAFKA_PARTITIONS: '3' }), PORT: '0', LOG_LEVEL: 'warn' });
    reporting = await startService(ReportingAppModule.register(env), env, reportingService);
    await waitFor(() => consumerStates(reporting.url), (states) => states.length > 0 && states.every((s) => s.state === 'running'), {
      timeoutMs: 60_000,
      description: 'reporting consumers to join their groups',
    });
  }, 120_000);

  afterAll(async () => {
    await reporting?.stop();
    await db?.drop();
  });

  it('shows lag per partition while the consumer is stopped, and lag 0 with an advanced watermark once it caught up', async () => {
    const province = unitRegistered({ code: '25', name: 'Tỉnh Phú Thọ', path: '25', kind: 'province', subkind: 'province' });
    const district = unitRegistered({ code: '227', name: 'Thành phố Việt Trì', path: '25.227', kind: 'district', subkind: 'city', parentId: province.data.unitId });
    await publishEvents(unitTopic, [province, district]);
    const before = await waitFor(scrape, (text) => movement(text, 'binhyen_projection_watermark_seconds') !== undefined && movementLag(text).every((s) => s.value === 0), {
      timeoutMs: 30_000,
      description: 'the first units applied',
    });
    const firstWatermark = movement(before, 'binhyen_projection_watermark_seconds')!;
    expect(movementLag(before).map((s) => s.labels['partition']).sort()).toEqual(['0', '1', '2']);

    // The consumers stop; events go on arriving.
    const { runners } = reporting.app.get(ProjectionServer).unwrap<{ runners: readonly ProjectionRunner[] }>();
    await Promise.all(runners.map((runner) => runner.stop()));
    const communes = Array.from({ length: 12 }, (_, index) => {
      const code = String(7900 + index).padStart(5, '0');
      return unitRegistered({ code, name: `Xã thử nghiệm ${index + 1}`, path: `25.227.${code}`, parentId: district.data.unitId });
    });
    await publishEvents(unitTopic, communes);
    // And one poison message, which the projection will dead-letter once it runs again.
    await produceRaw(unitTopic, [{ key: 'poison', value: '{not json' }]);

    const stopped = await waitFor(scrape, (text) => movementLag(text).reduce((sum, s) => sum + s.value, 0) === communes.length + 1, {
      timeoutMs: 30_000,
      description: 'the lag of the stopped group to count every new message',
    });
    const lagged = movementLag(stopped);
    process.stdout.write(`[lag] stopped: ${lagged.map((s) => `p${s.labels['partition']}=${s.value}`).join(' ')}\n`);
    expect(lagged.filter((s) => s.value > 0).length).toBeGreaterThanOrEqual(2);
    expect(samples(stopped, 'binhyen_consumer_up').find((s) => s.labels['group'] === group)?.value).toBe(0);
    expect(movement(stopped, 'binhyen_projection_watermark_seconds')).toBe(firstWatermark);

    for (const runner of runners) await runner.start();
    const caughtUp = await waitFor(scrape, (text) => movementLag(text).every((s) => s.value === 0) && movement(text, 'binhyen_dead_letters_stored') === 1, {
      timeoutMs: 60_000,
      description: 'the group to catch up and dead-letter the poison message',
    });
    process.stdout.write(`[lag] caught up: ${movementLag(caughtUp).map((s) => `p${s.labels['partition']}=${s.value}`).join(' ')}\n`);
    expect(movement(caughtUp, 'binhyen_projection_watermark_seconds')).toBeGreaterThan(firstWatermark);
    expect(movement(caughtUp, 'binhyen_projection_last_applied_seconds')).toBeGreaterThan(0);
    // The other event-path figures are there too (reporting writes no events: its outbox is empty).
    for (const metric of ['binhyen_outbox_backlog', 'binhyen_outbox_oldest_unpublished_seconds', 'binhyen_relay_published_events_total']) {
      expect(samples(caughtUp, metric)).toEqual([{ labels: {}, value: 0 }]);
    }
  }, 180_000);
});
