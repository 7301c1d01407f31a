import 'reflect-metadata';
import { Catch, Controller, Injectable, Module, UseFilters, UseInterceptors, type CallHandler, type DynamicModule, type ExceptionFilter, type ExecutionContext, type INestApplication, type NestInterceptor, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload, RpcException } from '@nestjs/microservices';
import { deadLetterTopicFor, IncidentEventTypes, topicFor, Topics, uuidv7, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import { ProblemDetailsFilter } from '@binh-yen/http';
import { createTestDatabase, produceRaw, readTopic, testBrokers, uniqueTopicPrefix, waitFor, type TestDatabase } from '@binh-yen/testing';
import { of, throwError, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { ProjectionContext } from '../consumer/projection-context';
import { createConsumerTablesSql } from '../outbox/outbox-schema';
import { messagingDefaults } from './messaging-options';
import { MessagingModule } from './messaging.module';
import { ProjectionServer } from './projection-server';

const MAX_ATTEMPTS = 3;

/** What the handler and the enhancers around it saw, per test app. */
const seen = { handlerBatches: [] as number[], interceptorBatches: [] as number[], filterErrors: [] as string[], poisonCalls: 0 };

@Catch()
class RethrowingFilter implements ExceptionFilter {
  catch(exception: unknown): never {
    seen.filterErrors.push(exception instanceof Error ? exception.message : String(exception));
    throw exception;
  }
}

@Catch()
class SwallowingFilter implements ExceptionFilter {
  catch(): Observable<null> {
    // "Handled": an answer instead of the error, which would vanish with the offsets moving on.
    return of(null);
  }
}

@Catch()
class ReplacingFilter implements ExceptionFilter {
  catch(): Observable<never> {
    // A client-facing error instead of the handler's: the runner could no longer tell a database outage from a bad event.
    return throwError(() => new RpcException('something went wrong'));
  }
}

@Injectable()
class BatchCountingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    seen.interceptorBatches.push(context.switchToRpc().getData<readonly EventEnvelope[]>().length);
    return next.handle();
  }
}

const FLAKY = { projection: 'flaky', version: 1, eventTypes: [IncidentEventTypes.reported] };

@Controller()
@UseFilters(RethrowingFilter)
@UseInterceptors(BatchCountingInterceptor)
class FlakyProjection {
  @EventPattern(Topics.incident, FLAKY)
  async apply(@Payload() events: readonly EventEnvelope<IncidentReportedV1>[], @Ctx() { manager }: ProjectionContext): Promise<void> {
    seen.handlerBatches.push(events.length);
    for (const event of events) {
      if (event.data.summary === 'poison') {
        seen.poisonCalls += 1;
        throw new Error('cannot apply poison');
      }
      await manager.query(`INSERT INTO applied_events (event_id) VALUES ($1)`, [event.id]);
    }
  }
}

@Controller()
class SecondFlakyHandler {
  @EventPattern(Topics.incident, { ...FLAKY })
  async apply(): Promise<void> {
    // Never called: the server refuses to start.
  }
}

@Controller()
@UseFilters(SwallowingFilter)
class SwallowedProjection {
  @EventPattern(Topics.incident, { projection: 'swallowed', version: 1, eventTypes: [IncidentEventTypes.reported] })
  async apply(): Promise<void> {
    // Never called: the server refuses to start.
  }
}

@Controller()
class ReplacedProjection {
  @EventPattern(Topics.incident, { projection: 'replaced', version: 1, eventTypes: [IncidentEventTypes.reported] })
  @UseFilters(ReplacingFilter)
  async apply(): Promise<void> {
    // Never called: the server refuses to start.
  }
}

function reported(summary: string, key: string): EventEnvelope<IncidentReportedV1> {
  return {
    id: uuidv7(),
    type: IncidentEventTypes.reported,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregate: { type: 'incident', id: key },
    sequence: 1,
    actor: { agency: 'police', subject: 'projection-server-test' },
    area: '25.227',
    data: { incidentId: key, unitCode: '07882', category: 'drugs', occurredAt: '2026-08-01T00:00:00Z', reportedAt: '2026-08-01T00:00:00Z', summary },
  };
}

/** A service's shape in small: the messaging module, its controllers, the HTTP app's global filter inherited. */
async function startApp(dataSource: DataSource, prefix: string, controllers: Type[]): Promise<INestApplication> {
  const defaults = messagingDefaults({ serviceName: 'test', brokers: testBrokers(), databaseUrl: '', topicPrefix: prefix, partitions: 3 });
  const options = { ...defaults, relay: { ...defaults.relay, enabled: false }, consumers: { ...defaults.consumers, maxAttempts: MAX_ATTEMPTS } };
  // The database the way TypeOrmModule offers it to a service: a global DataSource.
  const database: DynamicModule = { global: true, module: class DatabaseModule {}, providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] };
  @Module({ imports: [database, MessagingModule.forRoot(options)], controllers })
  class AppModule {}
  const app = await NestFactory.create(AppModule, { logger: false, abortOnError: false });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.connectMicroservice({ strategy: app.get(ProjectionServer) }, { inheritAppConfig: true });
  return app;
}

describe('the projection server (@EventPattern handlers on the exactly-once runner)', () => {
  const prefix = uniqueTopicPrefix();
  let db: TestDatabase;
  let dataSource: DataSource;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('projection_server');
    dataSource = await new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } }).initialize();
    for (const sql of createConsumerTablesSql) await dataSource.query(sql);
    await dataSource.query(`CREATE TABLE applied_events (event_id uuid PRIMARY KEY)`);
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('retries a throwing handler, then dead-letters its event as before, with an exception filter present; an interceptor sees every batch', async () => {
    const app = await startApp(dataSource, prefix, [FlakyProjection]);
    apps.push(app);
    await app.startAllMicroservices();
    await app.init();
    const key = uuidv7();
    const good = Array.from({ length: 5 }, (_, i) => reported(`good ${i}`, key));
    const poison = reported('poison', key);
    const topic = topicFor('incident', prefix);
    // One key: one partition, the poison in the middle.
    await produceRaw(topic, [...good.slice(0, 2), poison, ...good.slice(2)].map((event) => ({ key, value: JSON.stringify(event) })));

    const applied = await waitFor(
      async () => (await dataSource.query(`SELECT event_id FROM applied_events`)) as { event_id: string }[],
      (rows) => rows.length === good.length,
      { timeoutMs: 60_000, description: 'the five good events applied' },
    );
    expect(applied.map((row) => row.event_id).sort()).toEqual(good.map((event) => event.id).sort());
    const letters = await waitFor(
      async () => (await dataSource.query(`SELECT event_id, reason_kind, reason FROM dead_letters WHERE consumer = 'flaky.v1'`)) as { event_id: string; reason_kind: string; reason: string }[],
      (rows) => rows.length === 1,
      { description: 'the poison dead-lettered' },
    );
    expect(letters[0]).toEqual({ event_id: poison.id, reason_kind: 'handler-failed', reason: 'cannot apply poison' });
    const dlq = await waitFor(() => readTopic(deadLetterTopicFor(topic)), (messages) => messages.length === 1, { description: 'the poison on the DLQ topic' });
    expect(dlq[0]!.headers['dlq-consumer']).toBe(`${prefix}test.flaky.v1`);
    expect(dlq[0]!.headers['dlq-reason-kind']).toBe('handler-failed');
    // The same tries as before the transport: the chunk alone `maxAttempts` times, then the event alone as many.
    expect(seen.poisonCalls).toBe(2 * MAX_ATTEMPTS);
    // The filter saw the start-time probe and every failure, and rethrew them; the offsets never moved past one.
    expect(seen.filterErrors).toEqual(['exception filter probe (thrown at start, never by a handler)', ...Array.from({ length: 2 * MAX_ATTEMPTS }, () => 'cannot apply poison')]);
    const stored = (await dataSource.query(`SELECT sum(next_offset)::int AS n FROM consumer_offsets WHERE consumer = 'flaky.v1'`)) as { n: number }[];
    expect(stored[0]!.n).toBe(good.length + 1);
    expect(seen.interceptorBatches).toEqual(seen.handlerBatches);
    expect(seen.interceptorBatches.length).toBeGreaterThan(2 * MAX_ATTEMPTS);
  });

  it('refuses to start two handlers for one projection', async () => {
    const app = await startApp(dataSource, uniqueTopicPrefix(), [FlakyProjection, SecondFlakyHandler]);
    apps.push(app);
    await expect(app.startAllMicroservices()).rejects.toThrow(/projection flaky\.v1 already has a handler/);
  });

  it('refuses to start an exception filter that would swallow a handler’s error', async () => {
    const app = await startApp(dataSource, uniqueTopicPrefix(), [SwallowedProjection]);
    apps.push(app);
    await expect(app.startAllMicroservices()).rejects.toThrow(/swallowed\.v1: an exception filter swallowed a handler's error/);
  });

  it('refuses to start an exception filter that replaces a handler’s error', async () => {
    const app = await startApp(dataSource, uniqueTopicPrefix(), [ReplacedProjection]);
    apps.push(app);
    await expect(app.startAllMicroservices()).rejects.toThrow(/replaced\.v1: an exception filter replaced a handler's error with Error: something went wrong/);
  });
});
