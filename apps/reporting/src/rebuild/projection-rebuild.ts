import { ApiProperty } from '@nestjs/swagger';
import type { Logger } from '@nestjs/common';
import { ProjectionRunner, type EventTransport, type MessagingOptions, type ProjectionDefinition, type ProjectionHandler } from '@binh-yen/messaging';
import { DataSource } from 'typeorm';
import { CONSUMER_TABLES, type ProjectionStorage } from './projection-storage';

export type RebuildState = 'preparing' | 'catching-up' | 'swapping' | 'done' | 'failed';

export class RebuildStatus {
  @ApiProperty({ description: 'Pass to GET rebuilds/{id}' }) id!: string;
  @ApiProperty({ example: 'incident-counts' }) projection!: string;
  @ApiProperty({ enum: ['preparing', 'catching-up', 'swapping', 'done', 'failed'] }) state!: RebuildState;
  /** Share of the topics' messages the rebuild has gone through (0–1). */
  @ApiProperty({ minimum: 0, maximum: 1, description: "Share of the topics' messages gone through" }) progress!: number;
  @ApiProperty({ description: 'Messages still to go through' }) lag!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed' }) error!: string | null;
}

type Offsets = Map<string, bigint>;

const key = (topic: string, partition: number): string => `${topic}|${partition}`;

/**
 * Rebuilds one projection from the beginning of its topics into tables of a schema
 * of its own, beside the live ones (the same SQL, resolved through search_path),
 * then swaps them in without read downtime:
 *   1. lock the live offsets (the live consumer waits at its next batch),
 *   2. let the rebuild reach at least the live offsets,
 *   3. move the live tables out and the rebuilt ones in, copy offsets and inbox,
 *   4. commit — the live consumer goes on from the rebuilt offsets.
 */
export class ProjectionRebuild {
  readonly status: RebuildStatus;
  private readonly schema: string;
  private readonly consumerName: string;

  constructor(
    private readonly live: DataSource,
    private readonly transport: EventTransport,
    private readonly messaging: MessagingOptions,
    private readonly storage: ProjectionStorage,
    private readonly handler: ProjectionHandler,
    private readonly definition: ProjectionDefinition,
    private readonly logger: Pick<Logger, 'log' | 'warn' | 'error'>,
  ) {
    const stamp = Date.now().toString(36);
    this.schema = `rebuild_${storage.name.replace(/[^a-z0-9]/g, '_')}_${stamp}`;
    this.consumerName = `${storage.name}.v${storage.version}`;
    this.status = { id: stamp, projection: storage.name, state: 'preparing', progress: 0, lag: 0, startedAt: new Date().toISOString(), finishedAt: null, error: null };
  }

  run(): Promise<void> {
    return this.execute().catch((error: unknown) => {
      this.status.state = 'failed';
      this.status.error = error instanceof Error ? error.message : String(error);
      this.status.finishedAt = new Date().toISOString();
      this.logger.error(`rebuild of ${this.storage.name} failed: ${this.status.error}`);
    });
  }

  private async execute(): Promise<void> {
    await this.createShadowTables();
    const shadow = await new DataSource({
      type: 'postgres',
      url: this.messaging.databaseUrl,
      // Unqualified names in the projection's SQL resolve to the shadow tables first.
      extra: { max: 3, options: `-c search_path=${this.schema},public` },
    }).initialize();
    const consumer = new ProjectionRunner(
      this.transport,
      shadow,
      this.handler,
      this.definition,
      { ...this.messaging.consumers, serviceName: `reporting-rebuild-${this.status.id}`, topicPrefix: this.messaging.topicPrefix },
      this.logger,
    );
    try {
      this.status.state = 'catching-up';
      await consumer.start();
      const topics = this.definition.topics.map((topic) => `${this.messaging.topicPrefix}${topic}`);
      for (;;) {
        const lag = await this.measure(shadow, topics);
        if (lag === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      this.status.state = 'swapping';
      await this.swap(shadow, consumer);
      this.status.state = 'done';
      this.status.progress = 1;
      this.status.finishedAt = new Date().toISOString();
      this.logger.log(`rebuild of ${this.storage.name} done; the rebuilt tables are live`);
    } finally {
      await consumer.stop().catch(() => undefined);
      await shadow.destroy();
      await this.live.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    }
  }

  private async createShadowTables(): Promise<void> {
    await this.live.query(`CREATE SCHEMA ${this.schema}`);
    for (const table of [...this.storage.tables, ...CONSUMER_TABLES]) {
      await this.live.query(`CREATE TABLE ${this.schema}.${table} (LIKE public.${table} INCLUDING ALL)`);
    }
    for (const view of this.storage.views) await this.live.query(`CREATE VIEW ${this.schema}.${view} AS ${await this.viewDefinition(view, this.schema)}`);
  }

  /** A view's SQL with its tables qualified by `schema`, so it binds to that schema's tables. */
  private async viewDefinition(view: string, schema: string): Promise<string> {
    const [{ definition }]: { definition: string }[] = await this.live.query(`SELECT pg_get_viewdef($1::regclass, true) AS definition`, [`public.${view}`]);
    let sql = definition!;
    for (const table of this.storage.tables) sql = sql.replace(new RegExp(`(?<![\\w.])(public\\.)?${table}\\b`, 'g'), `${schema}.${table}`);
    return sql.replace(/;\s*$/, '');
  }

  private async offsets(source: Pick<DataSource, 'query'>, table: string): Promise<Offsets> {
    const rows: { topic: string; partition: number; next_offset: string }[] = await source.query(
      `SELECT topic, partition, next_offset FROM ${table} WHERE consumer = $1`,
      [this.consumerName],
    );
    return new Map(rows.map((row) => [key(row.topic, row.partition), BigInt(row.next_offset)]));
  }

  private async measure(shadow: DataSource, topics: string[]): Promise<number> {
    const ends = await this.transport.endOffsets(topics);
    const done = await this.offsets(shadow, `${this.schema}.consumer_offsets`);
    let total = 0n;
    let lag = 0n;
    for (const [topic, partitions] of ends) {
      for (const [partition, end] of partitions) {
        total += end;
        const reached = done.get(key(topic, partition)) ?? 0n;
        if (end > reached) lag += end - reached;
      }
    }
    this.status.lag = Number(lag);
    this.status.progress = total === 0n ? 1 : Number(total - lag) / Number(total);
    return Number(lag);
  }

  private async swap(shadow: DataSource, consumer: ProjectionRunner): Promise<void> {
    const runner = this.live.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // Writes to any projection wait here until the swap commits; reads go on.
      await runner.query(`LOCK TABLE public.consumer_offsets IN EXCLUSIVE MODE`);
      const liveOffsets = await this.offsets(runner, 'public.consumer_offsets');
      for (;;) {
        const rebuilt = await this.offsets(shadow, `${this.schema}.consumer_offsets`);
        if ([...liveOffsets].every(([partition, offset]) => (rebuilt.get(partition) ?? 0n) >= offset)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await consumer.stop();
      const views = await Promise.all(this.storage.views.map(async (view) => ({ view, sql: await this.viewDefinition(view, 'public') })));
      const retired = `${this.schema}_retired`;
      await runner.query(`CREATE SCHEMA ${retired}`);
      for (const view of this.storage.views) await runner.query(`DROP VIEW public.${view}`);
      for (const table of this.storage.tables) {
        await runner.query(`ALTER TABLE public.${table} SET SCHEMA ${retired}`);
        await runner.query(`ALTER TABLE ${this.schema}.${table} SET SCHEMA public`);
      }
      // Recreated after the swap, the views bind to the rebuilt tables now in public.
      for (const { view, sql } of views) await runner.query(`CREATE VIEW public.${view} AS ${sql}`);
      for (const table of CONSUMER_TABLES) {
        await runner.query(`DELETE FROM public.${table} WHERE consumer = $1`, [this.consumerName]);
        await runner.query(`INSERT INTO public.${table} SELECT * FROM ${this.schema}.${table} WHERE consumer = $1`, [this.consumerName]);
      }
      await runner.query(`DROP SCHEMA ${retired} CASCADE`);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
