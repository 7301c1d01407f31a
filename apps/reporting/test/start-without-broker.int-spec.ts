import 'reflect-metadata';
import { topicFor } from '@binh-yen/contracts';
import { loadEnv } from '@binh-yen/http';
import { startService, type RunningService } from '@binh-yen/service-runtime';
import {
  consumerStates,
  createTestDatabase,
  findFreePort,
  publishEvents,
  serviceEnv,
  startBroker,
  uniqueTopicPrefix,
  unitRegistered,
  waitFor,
  type RunningBroker,
  type TestDatabase,
} from '@binh-yen/testing';
import { DataSource } from 'typeorm';
import { ReportingAppModule, reportingService } from '../src/app.module';
import { ReportingEnv } from '../src/config/reporting.env';

/**
 * ADR 0030: the projection server's `listen` answers at once and joins in the background,
 * so the service starts, answers and is ready while its broker is away, and its projections
 * consume once the broker comes. This file starts its own broker, late, on a port chosen first.
 */
describe('a service started while its broker is down', () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let broker: RunningBroker | undefined;
  let reporting: RunningService | undefined;

  afterAll(async () => {
    await reporting?.stop();
    await broker?.stop();
    await db?.drop();
  });

  it('starts and answers without the broker, then consumes once the broker is there', async () => {
    const [port, controllerPort] = [await findFreePort(), await findFreePort()];
    db = await createTestDatabase('reporting');
    const env = loadEnv(ReportingEnv, { ...serviceEnv(db.url, prefix, { KAFKA_PARTITIONS: '3' }), KAFKA_BROKERS: `127.0.0.1:${port}`, PORT: '0', LOG_LEVEL: 'error' });
    const started = Date.now();
    reporting = await startService(ReportingAppModule.register(env), env, reportingService);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await fetch(`${reporting.url}/health/live`)).status).toBe(200);
    // Not joined yet, and not a zombie either: nothing crashed, so the service stays ready.
    expect((await consumerStates(reporting.url)).every((consumer) => consumer.state !== 'running' && consumer.state !== 'crashed')).toBe(true);
    expect((await fetch(`${reporting.url}/health/ready`)).status).toBe(200);

    broker = await startBroker({ port, controllerPort, fresh: true });
    await waitFor(() => consumerStates(reporting!.url), (states) => states.length > 0 && states.every((s) => s.state === 'running'), {
      timeoutMs: 120_000,
      description: 'the consumers to join once the broker is up',
    });
    const province = unitRegistered({ code: '25', name: 'Tỉnh Phú Thọ', path: '25', kind: 'province', subkind: 'province' });
    await publishEvents(topicFor('unit', prefix), [province], broker.brokers);
    await waitFor(
      async () => (await fetch(`${reporting!.url}/health/ready`)).json() as Promise<{ checks: { messaging: { detail: { consumers: { consumer: string; applied: number }[] } } } }>,
      (body) => body.checks.messaging.detail.consumers.find((consumer) => consumer.consumer === 'movement.v1')?.applied === 1,
      { timeoutMs: 60_000, description: 'the unit applied by the movement projection' },
    );
    const rows: { code: string }[] = await reporting.app.get(DataSource).query(`SELECT code FROM report_units_v1`);
    expect(rows.map((row) => row.code)).toEqual(['25']);
  }, 240_000);
});
