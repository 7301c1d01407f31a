import { endSpan } from '@binh-yen/telemetry';
import { Client } from 'pg';
import { backoffDelay, sleep } from '../backoff';
import { failpoint } from '../failpoint';
import type { MessagingLogger } from '../logger';
import type { EventPublisher, EventTransport } from '../transport/event-transport';
import { groupByTopic, startPublishSpans, type OutboxRow } from './outbox-batch';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-schema';

export interface OutboxRelayOptions {
  serviceName: string;
  databaseUrl: string;
  batchSize: number;
  pollIntervalMs: number;
  standbyRetryMs: number;
  /** Published rows are kept this long (for inspection), then deleted. */
  retentionMs: number;
  /** Off where LISTEN/NOTIFY and advisory locks mean nothing (embedded PGlite: one backend). */
  useDatabaseCoordination: boolean;
  /**
   * Payload bytes per publish (default 900,000). The broker checks its size limit against a
   * partition's whole record batch, not each event: without a cap, a backlog of large but legal
   * events on one key is refused as one batch, again and again, and the outbox stops.
   */
  maxBatchBytes?: number;
  /**
   * A turn of the loop (connect, lead or stand by, publish a batch, wait for work) that lasts longer
   * than this is stuck (default 5 minutes; each step of a turn is bounded far below it), and the relay
   * is then dead for liveness (ADR 0037).
   */
  stalledTurnMs?: number;
}

export type RelayRole = 'starting' | 'leader' | 'standby' | 'stopped';

export interface RelayStats {
  role: RelayRole;
  backlog: number | null;
  oldestUnpublishedAgeMs: number | null;
  publishedSinceStart: number;
  lastError: string | null;
}
const CLEANUP_INTERVAL_MS = 60_000;
const STALLED_TURN_MS = 5 * 60_000;

/**
 * Publishes the outbox to the event log (Kafka, or the embedded table log) in
 * order. One relay per service is active: the one holding a Postgres advisory
 * lock; the others stand by and take over when its session ends. Rows are selected by "not yet published", never by "after
 * the last id seen", so a transaction that commits late is still published.
 * The log being down only delays events: rows stay until the log acknowledged them.
 * Without database coordination (embedded mode) this relay is the only one and
 * is woken in-process.
 */
export class OutboxRelay {
  private role: RelayRole = 'starting';
  private control?: Client;
  private queries?: Client;
  private publisher?: EventPublisher;
  private loop?: Promise<void>;
  private readonly stopping = new AbortController();
  private wakeUp?: () => void;
  private pendingWake = false;
  private published = 0;
  private lastError: string | null = null;
  private lastCleanup = 0;
  private turnStartedAt: number | null = null;
  private loopEndedAt: number | null = null;

  constructor(
    private readonly transport: EventTransport,
    private readonly options: OutboxRelayOptions,
    private readonly logger: MessagingLogger,
  ) {}

  start(): void {
    this.loop ??= this.run().then(
      () => {
        if (!this.stopped) this.loopEnded('the loop returned');
      },
      (error: unknown) => this.loopEnded(error instanceof Error ? error.message : String(error)),
    );
  }

  /**
   * Since when (ms since the epoch) the relay cannot go on by itself: its loop ended without a stop,
   * or one turn has lasted past `stalledTurnMs`. Null while it works, however long the broker is away:
   * a failing turn ends and the next one tries again.
   */
  deadSince(now = Date.now()): number | null {
    if (this.loopEndedAt !== null) return this.loopEndedAt;
    const stalled = this.options.stalledTurnMs ?? STALLED_TURN_MS;
    if (this.turnStartedAt !== null && now - this.turnStartedAt > stalled) return this.turnStartedAt + stalled;
    return null;
  }

  private loopEnded(reason: string): void {
    this.loopEndedAt = Date.now();
    this.turnStartedAt = null;
    this.lastError = `relay loop ended: ${reason}`;
    this.logger.error(`outbox relay: ${this.lastError}`);
  }

  /** In-process wake-up, for modes where NOTIFY is not delivered. */
  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.wakeUp?.();
    await this.loop;
    await this.disconnect();
    this.role = 'stopped';
  }

  async stats(): Promise<RelayStats> {
    let backlog: number | null = null;
    let oldest: number | null = null;
    if (this.queries) {
      try {
        const { rows } = await this.queries.query<{ backlog: string; oldest_ms: string | null }>(
          `SELECT count(*) AS backlog,
                  (extract(epoch FROM (clock_timestamp() - min(created_at))) * 1000)::bigint AS oldest_ms
             FROM outbox WHERE published_at IS NULL`,
        );
        backlog = Number(rows[0]?.backlog ?? 0);
        oldest = rows[0]?.oldest_ms == null ? null : Number(rows[0].oldest_ms);
      } catch {
        // the loop reports connection trouble in lastError
      }
    }
    return {
      role: this.role,
      backlog,
      oldestUnpublishedAgeMs: oldest,
      publishedSinceStart: this.published,
      lastError: this.lastError,
    };
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.turnStartedAt = Date.now();
      try {
        await this.connect();
        if (!(await this.holdLeadership())) {
          this.role = 'standby';
          await sleep(this.options.standbyRetryMs, this.stopping.signal);
          continue;
        }
        this.role = 'leader';
        const more = await this.publishBatch();
        failures = 0;
        this.lastError = null;
        await this.cleanupIfDue();
        if (!more) await this.waitForWork();
      } catch (error) {
        failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn(`outbox relay: ${this.lastError}; retrying (attempt ${failures})`);
        await this.disconnect();
        await sleep(backoffDelay(failures), this.stopping.signal);
      }
    }
    this.turnStartedAt = null;
  }

  private async connect(): Promise<void> {
    if (!this.queries) {
      const queries = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.serviceName}-relay` });
      queries.on('error', (error) => this.onConnectionLost(error));
      await queries.connect();
      this.queries = queries;
    }
    if (this.options.useDatabaseCoordination && !this.control) {
      const control = new Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.serviceName}-relay-control` });
      control.on('error', (error) => this.onConnectionLost(error));
      control.on('notification', () => this.wake());
      await control.connect();
      await control.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      this.control = control;
    }
    if (!this.publisher) {
      const publisher = this.transport.createPublisher({ idempotent: true });
      await publisher.connect();
      this.publisher = publisher;
    }
  }

  private onConnectionLost(error: Error): void {
    this.lastError = `database connection lost: ${error.message}`;
    // The session-level lock went with the connection; the loop reconnects.
    this.control = undefined;
    this.queries = undefined;
    this.wake();
  }

  /** The advisory lock is held by the control session for as long as it lives. */
  private async holdLeadership(): Promise<boolean> {
    if (!this.options.useDatabaseCoordination) return true;
    if (this.role === 'leader') return true;
    const { rows } = await this.control!.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
      [`outbox-relay:${this.options.serviceName}`],
    );
    return rows[0]?.locked === true;
  }

  /** Publishes the next batch; true when more rows may be waiting. */
  private async publishBatch(): Promise<boolean> {
    const { rows: selected } = await this.queries!.query<OutboxRow>(
      `SELECT position, topic, message_key, payload, headers, sum(octet_length(payload)) OVER (ORDER BY position) AS running_bytes
         FROM (SELECT position, topic, message_key, payload, headers
                 FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $1) AS batch
        ORDER BY position`,
      [this.options.batchSize],
    );
    if (selected.length === 0) return false;
    // Always at least one row: the writer already refused any single event over the limit.
    const maxBytes = this.options.maxBatchBytes ?? 900_000;
    const rows = selected.filter((row, index) => index === 0 || Number(row.running_bytes) <= maxBytes);
    const spans = startPublishSpans(rows, this.options.serviceName);
    try {
      await this.publisher!.publish(groupByTopic(rows, this.options.serviceName));
    } catch (error) {
      for (const span of spans) endSpan(span, error);
      throw error;
    }
    for (const span of spans) endSpan(span);
    failpoint('relay.after-publish', rows.map((row) => row.headers['event-type'] ?? ''));
    await this.queries!.query(`UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])`, [
      rows.map((row) => row.position),
    ]);
    this.published += rows.length;
    return rows.length < selected.length || selected.length === this.options.batchSize;
  }

  private async cleanupIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_INTERVAL_MS) return;
    this.lastCleanup = Date.now();
    await this.queries!.query(
      `DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - ($1::bigint * interval '1 millisecond')`,
      [this.options.retentionMs],
    );
  }

  private waitForWork(): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      const wake = (): void => done();
      this.wakeUp = wake;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = undefined;
      this.pendingWake = false;
    });
  }

  private async disconnect(): Promise<void> {
    const { control, queries, publisher } = this;
    this.control = undefined;
    this.queries = undefined;
    this.publisher = undefined;
    if (this.role === 'leader') this.role = 'starting';
    await Promise.allSettled([control?.end(), queries?.end(), publisher?.disconnect()]);
  }
}
