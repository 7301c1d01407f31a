import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { allTopics } from '@binh-yen/contracts';
import { DataSource } from 'typeorm';
import { backoffDelay, sleep } from '../backoff';
import type { ProjectionDefinition, ProjectionHandler } from '../consumer/projection';
import { ProjectionRunner, type ConsumerStats } from '../consumer/projection-runner';
import type { EventTransport } from '../transport/event-transport';
import { probeErrorPath } from './filter-probe';
import { EVENT_TRANSPORT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { ProjectionRegistry } from './projection-registry';

export type ProjectionServerStatus = 'connecting' | 'consuming' | 'stopped';

/** What `on()` can listen to: each consumer that joined, and each failed attempt to start. */
export interface ProjectionServerEvents extends Record<string, (...args: never[]) => void> {
  consuming: (groupId: string) => void;
  'start-failed': (error: Error) => void;
}

export const PROJECTIONS_TRANSPORT = Symbol('binh-yen-projections');

/**
 * The transport of the projections (ADR 0030): a Nest microservice server whose
 * `@EventPattern(topic, { projection, version, eventTypes })` handlers each get an
 * exactly-once runner of their own (group `<prefix><service>.<name>.v<version>`), over
 * Kafka or the embedded table log. `listen` checks what it was given and answers at once;
 * topics and consumer groups are joined in the background, so a service starts while the
 * broker is away. Connect it with `app.connectMicroservice({ strategy }, { inheritAppConfig: true })`.
 */
@Injectable()
export class ProjectionServer extends Server<ProjectionServerEvents, ProjectionServerStatus> implements CustomTransportStrategy {
  override readonly transportId = PROJECTIONS_TRANSPORT;
  protected override readonly logger = new Logger('Projections');
  private readonly registry = new ProjectionRegistry();
  private readonly emitter = new EventEmitter();
  private readonly stopping = new AbortController();
  private runners: ProjectionRunner[] = [];
  private startup?: Promise<void>;

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  /** Called by Nest for every pattern of every handler; one registration per projection. */
  override addHandler(pattern: unknown, callback: MessageHandler, isEventHandler = false, extras: Record<string, unknown> = {}): void {
    this.registry.add(pattern, callback as ProjectionHandler, isEventHandler, extras);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    this.registry.checkEventTypes();
    for (const { definition, handler } of this.registry.all()) {
      const problem = await probeErrorPath(handler);
      if (problem) this.registry.problems.push(`projection ${definition.name}.v${definition.version}: ${problem}`);
    }
    if (this.registry.problems.length > 0) return callback(new Error(`projections refused:\n- ${this.registry.problems.join('\n- ')}`));
    const { serviceName, topicPrefix, consumers } = this.options;
    if (consumers.enabled) {
      this.runners = this.registry.all().map(
        ({ definition, handler }) => new ProjectionRunner(this.transport, this.dataSource, handler, definition, { serviceName, topicPrefix, ...consumers }, this.logger),
      );
    }
    this._status$.next('connecting');
    this.startup = this.connectInBackground();
    callback();
  }

  async close(): Promise<void> {
    this.stopping.abort();
    await this.startup;
    await Promise.all(this.runners.map((runner) => runner.stop()));
    this._status$.next('stopped');
  }

  on<K extends keyof ProjectionServerEvents>(event: K, callback: ProjectionServerEvents[K]): void {
    // EventEmitter types its listeners loosely; the events map above is what callers see.
    this.emitter.on(event as string, callback as (...args: unknown[]) => void);
  }

  unwrap<T = { transport: EventTransport; runners: readonly ProjectionRunner[] }>(): T {
    return { transport: this.transport, runners: this.runners } as T;
  }

  stats(): ConsumerStats[] {
    return this.runners.map((runner) => runner.stats());
  }

  /** A projection's definition and Nest handler (interceptors and filters included), e.g. for a rebuild. */
  projection(name: string): { definition: ProjectionDefinition; handler: ProjectionHandler } | undefined {
    return this.registry.all().find(({ definition }) => definition.name === name);
  }

  /** Topics first (explicitly, never by auto-creation), then every consumer; all again after a failure. */
  private async connectInBackground(): Promise<void> {
    for (let attempt = 0; !this.stopping.signal.aborted; attempt++) {
      try {
        if (this.options.provisionTopics) {
          await this.transport.ensureTopics(allTopics(this.options.topicPrefix), { partitions: this.options.partitions, withDeadLetterTopics: true });
        }
        for (const runner of this.runners) {
          if (this.stopping.signal.aborted) return;
          await runner.start();
          this.logger.log(`consuming as group ${runner.groupId}`);
          this.emitter.emit('consuming', runner.groupId);
        }
        this._status$.next('consuming');
        return;
      } catch (error) {
        this.logger.warn(`projections not started (${error instanceof Error ? error.message : String(error)}); retrying`);
        this.emitter.emit('start-failed', error);
        await Promise.all(this.runners.map((runner) => runner.stop().catch(() => undefined)));
        await sleep(backoffDelay(attempt), this.stopping.signal);
      }
    }
  }
}
