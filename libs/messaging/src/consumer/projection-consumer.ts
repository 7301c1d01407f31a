import { deadLetterTopicFor, topicFor, type EventEnvelope } from '@binh-yen/contracts';
import { contextFromTraceparent, endSpan, SpanKind, tracer, tracingEnabled, type Span } from '@binh-yen/telemetry';
import type { DataSource, EntityManager } from 'typeorm';
import { backoffDelay, sleep } from '../backoff';
import { failpoint } from '../failpoint';
import type { MessagingLogger } from '../logger';
import { asEventTransport, type EventSource } from '../transport/as-event-transport';
import type { ConsumedBatch, EventPublisher, EventSubscription, EventTransport } from '../transport/event-transport';
import {
  claimPartitionBatch,
  recordDeadLetters,
  storeNextOffset,
  type DeadLetterRecord,
} from './consumer-bookkeeping';
import { decodeMessage, eventIdOf, type DecodedMessage } from './decoded-message';
import { ApplyGate } from './apply-gate';
import { classifyError } from './error-classification';
import { GroupCommitter } from './group-committer';
import type { Projection, ProjectionDefinition } from './projection';

export interface ProjectionConsumerOptions {
  serviceName: string;
  topicPrefix: string;
  /** Attempts for an error of unknown kind before the event is dead-lettered. */
  maxAttempts: number;
  /** Restarts the transport may make after a crash before the consumer is declared dead. */
  maxRestarts: number;
  /** Upper bound of events applied in one database transaction. */
  maxEventsPerTransaction: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  partitionsConsumedConcurrently: number;
}

/**
 * `starting` until the group is first joined, `rebalancing` while it is joined again: in both,
 * nothing is applied (a restarted process waits there until the dead member's session expires).
 */
export type ConsumerState = 'starting' | 'running' | 'rebalancing' | 'retrying' | 'crashed' | 'stopped';

export interface ConsumerStats {
  consumer: string;
  groupId: string;
  /** The topics it reads (with the service's prefix). */
  topics: string[];
  state: ConsumerState;
  applied: number;
  deadLettered: number;
  lastError: string | null;
}

/**
 * Runs one projection over its topics with an exactly-once effect: each batch is
 * one database transaction that (1) skips offsets already stored for the
 * partition, (2) claims event ids in the inbox so a republished duplicate is not
 * applied again, (3) applies the fresh events, (4) stores the next offset.
 * A crash anywhere leaves either all of that or none of it.
 */
export class ProjectionConsumer {
  readonly consumerName: string;
  readonly groupId: string;
  private readonly topics: string[];
  private readonly transport: EventTransport;
  private subscription?: EventSubscription;
  private deadLetterPublisher?: EventPublisher;
  private state: ConsumerState = 'starting';
  private lastError: string | null = null;
  private applied = 0;
  private deadLettered = 0;
  private restarts = 0;
  /** The only way this consumer's transactions start: two at most, partitions grouped. */
  private readonly committer: GroupCommitter<ChunkWork>;
  /** Their projection writes, from `apply` to the commit, one transaction at a time. */
  private readonly applyGate = new ApplyGate();

  constructor(
    source: EventSource,
    private readonly dataSource: DataSource,
    private readonly projection: Projection,
    private readonly definition: ProjectionDefinition,
    private readonly options: ProjectionConsumerOptions,
    private readonly logger: MessagingLogger,
  ) {
    this.transport = asEventTransport(source);
    this.consumerName = `${definition.name}.v${definition.version}`;
    // The exact group id that lag dashboards and autoscalers watch (no suffixes).
    this.groupId = `${options.topicPrefix}${options.serviceName}.${this.consumerName}`;
    this.topics = definition.topics.map((type) => topicFor(type, options.topicPrefix));
    // Two lanes: one transaction's bookkeeping overlaps the other's apply and commit.
    this.committer = new GroupCommitter<ChunkWork>(
      2,
      options.maxEventsPerTransaction,
      (group) => this.applyGroup(group),
      (chunk) => this.applyChunkAlone(chunk),
    );
  }

  stats(): ConsumerStats {
    return {
      consumer: this.consumerName,
      groupId: this.groupId,
      topics: [...this.topics],
      state: this.state,
      applied: this.applied,
      deadLettered: this.deadLettered,
      lastError: this.lastError,
    };
  }

  async start(): Promise<void> {
    this.deadLetterPublisher = this.transport.createPublisher({ idempotent: false });
    await this.deadLetterPublisher.connect();
    await this.subscribe();
  }

  private async subscribe(): Promise<void> {
    this.subscription = await this.transport.subscribe(
      {
        groupId: this.groupId,
        topics: this.topics,
        sessionTimeoutMs: this.options.sessionTimeoutMs,
        heartbeatIntervalMs: this.options.heartbeatIntervalMs,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      },
      {
        onBatch: (batch) => this.onBatch(batch),
        onJoined: () => {
          this.state = 'running';
        },
        onRebalancing: () => {
          if (this.state === 'running') this.state = 'rebalancing';
        },
        onCrashed: (error, willRestart) => {
          this.lastError = error.message;
          this.state = willRestart ? 'retrying' : 'crashed';
          if (!willRestart) this.resubscribeLater(error);
        },
        shouldRestart: (error) => {
          this.restarts += 1;
          this.lastError = error.message;
          const restart = this.restarts <= this.options.maxRestarts;
          this.logger.warn(`${this.groupId}: consumer failed (${error.message}); ${restart ? `restart ${this.restarts}` : 'giving up'}`);
          return restart;
        },
      },
    );
  }

  /**
   * kafkajs never restarts after an error it deems non-retriable, some of which pass
   * (e.g. "Failed to find group coordinator" on a busy broker): within the same restart
   * budget, join again with a fresh subscription; past it, stay crashed (readiness red).
   */
  private resubscribeLater(error: Error): void {
    const crashed = this.subscription;
    if (!crashed || this.restarts >= this.options.maxRestarts) return;
    this.restarts += 1;
    this.state = 'retrying';
    this.logger.warn(`${this.groupId}: consumer crashed (${error.message}); joining again, restart ${this.restarts}`);
    setTimeout(() => {
      if (this.subscription !== crashed) return; // stopped, or already replaced
      void crashed
        .stop()
        .catch(() => undefined)
        .then(() => (this.subscription === crashed ? this.subscribe() : undefined))
        .catch((reason: unknown) => {
          this.state = 'crashed';
          this.lastError = reason instanceof Error ? reason.message : String(reason);
        });
    }, Math.min(30_000, 1_000 * this.restarts));
  }

  /** Finishes the batch in hand, leaves the group, then lets go of the publisher. */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.deadLetterPublisher?.disconnect();
    this.state = 'stopped';
  }

  private async onBatch({ topic, partition, messages, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }: ConsumedBatch): Promise<void> {
    for (let start = 0; start < messages.length; start += this.options.maxEventsPerTransaction) {
      if (!isRunning() || isStale()) return;
      const chunk = messages.slice(start, start + this.options.maxEventsPerTransaction);
      const decoded = chunk.map(decodeMessage);
      const invalid: DeadLetterRecord[] = decoded.flatMap((entry) =>
        entry.ok ? [] : [{ decoded: entry, kind: entry.kind, reason: entry.reason }],
      );
      // Dead letters reach their topic before the offsets move past them: never lost.
      await this.publishDeadLetters(topic, partition, invalid);
      await this.committer.submit({ topic, partition, decoded, invalid, heartbeat, isRunning });
      failpoint('consumer.after-db-commit');
      resolveOffset(chunk[chunk.length - 1]!.offset);
      await heartbeat();
      this.restarts = 0;
    }
    await commitOffsetsIfNecessary();
  }

  /**
   * Chunks of several partitions that arrived together (one fetch), in one transaction. A
   * failure here is not judged: each chunk is then applied alone, with the retries below.
   */
  private async applyGroup(group: readonly ChunkWork[]): Promise<void> {
    await this.applyInTransaction(group);
    if (this.state === 'retrying') this.state = 'running';
  }

  /**
   * One transaction for some chunks: each partition's offset and inbox bookkeeping, then one
   * `apply` of all their fresh events behind the apply gate, which is let go once the
   * transaction has committed or rolled back (its row locks gone). Spans end with it.
   */
  private async applyInTransaction(chunks: readonly ChunkBatch[]): Promise<void> {
    const spans: Span[] = [];
    let releaseGate: (() => void) | undefined;
    try {
      await this.dataSource.transaction(async (tx) => {
        const toApply: EventEnvelope[] = [];
        let deadLettered = 0;
        for (const chunk of chunks) {
          const claimed = await this.claimChunk(tx, chunk, spans);
          toApply.push(...claimed.toApply);
          deadLettered += claimed.deadLettered;
        }
        if (toApply.length > 0) {
          releaseGate = await this.applyGate.acquire();
          await this.projection.apply(toApply, tx);
        }
        failpoint('consumer.before-db-commit');
        this.applied += toApply.length;
        this.deadLettered += deadLettered;
      });
      for (const span of spans) endSpan(span);
    } catch (error) {
      for (const span of spans) endSpan(span, error);
      throw error;
    } finally {
      releaseGate?.();
    }
  }

  /** One chunk in its own transaction, retried by kind of error; the culprit is isolated. */
  private async applyChunkAlone(chunk: ChunkWork): Promise<void> {
    const { topic, partition, decoded, invalid, heartbeat, isRunning } = chunk;
    let attempt = 0;
    for (;;) {
      try {
        await this.applyInTransaction([chunk]);
        if (this.state === 'retrying') this.state = 'running';
        return;
      } catch (error) {
        const kind = classifyError(error);
        this.lastError = error instanceof Error ? error.message : String(error);
        if (!isRunning()) throw error;
        if (kind === 'infrastructure') {
          // Not the event's fault: wait for the database, keep the group membership alive.
          this.state = 'retrying';
          this.logger.warn(`${this.groupId}: ${this.lastError}; retrying`);
          await sleep(backoffDelay(attempt++));
          await heartbeat();
          continue;
        }
        attempt += 1;
        if (kind === 'unknown' && attempt < this.options.maxAttempts) {
          await sleep(backoffDelay(attempt));
          await heartbeat();
          continue;
        }
        // Find the event that cannot be applied; apply the others, dead-letter it.
        await this.applyOneByOne(topic, partition, decoded, invalid, heartbeat, isRunning);
        return;
      }
    }
  }

  /**
   * A chunk's bookkeeping inside a transaction: one statement for its offset and inbox, its
   * dead letters; answers its events to apply, in partition order.
   */
  private async claimChunk(tx: EntityManager, chunk: ChunkBatch, spans: Span[]): Promise<{ toApply: EventEnvelope[]; deadLettered: number }> {
    const { topic, partition, decoded, invalid } = chunk;
    const last = decoded[decoded.length - 1]!;
    const candidates = decoded.flatMap((entry) =>
      entry.ok && this.definition.eventTypes.includes(entry.event.type) ? [{ entry, event: entry.event }] : [],
    );
    const { previousNextOffset, claimed } = await claimPartitionBatch(
      tx,
      this.consumerName,
      topic,
      partition,
      candidates.map(({ entry, event }) => ({ id: event.id, offset: entry.offset, occurredAt: event.occurredAt })),
      BigInt(last.offset) + 1n,
    );
    const fresh = decoded.filter((entry) => BigInt(entry.offset) >= previousNextOffset);
    if (fresh.length === 0) return { toApply: [], deadLettered: 0 };
    const toApply: EventEnvelope[] = [];
    for (const { entry, event } of candidates) {
      // Within one batch a duplicate may appear twice: apply its first copy only.
      if (BigInt(entry.offset) >= previousNextOffset && claimed.delete(event.id)) toApply.push(event);
    }
    spans.push(...this.startApplySpans(topic, partition, fresh, toApply));
    const freshOffsets = new Set(fresh.map((entry) => entry.offset));
    const letters = invalid.filter((letter) => freshOffsets.has(letter.decoded.offset));
    await recordDeadLetters(tx, this.consumerName, topic, partition, letters);
    return { toApply, deadLettered: letters.length };
  }

  private async applyOneByOne(
    topic: string,
    partition: number,
    decoded: readonly DecodedMessage[],
    deadLetters: readonly DeadLetterRecord[],
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<void> {
    for (const entry of decoded) {
      const known = deadLetters.filter((letter) => letter.decoded === entry);
      let attempt = 0;
      for (;;) {
        try {
          await this.applyInTransaction([{ topic, partition, decoded: [entry], invalid: known }]);
          break;
        } catch (error) {
          if (!isRunning()) throw error;
          const kind = classifyError(error);
          const reason = error instanceof Error ? error.message : String(error);
          attempt += 1;
          if (kind === 'infrastructure' || (kind === 'unknown' && attempt < this.options.maxAttempts)) {
            await sleep(backoffDelay(attempt));
            await heartbeat();
            continue;
          }
          const letter: DeadLetterRecord = { decoded: entry, kind: 'handler-failed', reason };
          this.logger.error(`${this.groupId}: dead-lettering offset ${entry.offset} of ${topic}[${partition}]: ${reason}`);
          await this.publishDeadLetters(topic, partition, [letter]);
          await this.dataSource.transaction(async (tx) => {
            await recordDeadLetters(tx, this.consumerName, topic, partition, [letter]);
            await storeNextOffset(tx, this.consumerName, topic, partition, BigInt(entry.offset) + 1n, null);
          });
          this.deadLettered += 1;
          break;
        }
      }
    }
  }

  /**
   * One consumer span per event applied, a child of the message's `traceparent` header (the
   * relay's publish span) or, failing that, of the envelope's; ended when the transaction is.
   */
  private startApplySpans(topic: string, partition: number, fresh: readonly DecodedMessage[], toApply: readonly EventEnvelope[]): Span[] {
    if (!tracingEnabled() || toApply.length === 0) return [];
    const applying = new Set(toApply);
    const consumerTracer = tracer(this.options.serviceName);
    const spans: Span[] = [];
    for (const entry of fresh) {
      if (!entry.ok || !applying.has(entry.event)) continue;
      const header = entry.message.headers?.['traceparent'];
      const traceparent = (Array.isArray(header) ? header[0] : header)?.toString() ?? entry.event.traceparent;
      if (!traceparent) continue;
      spans.push(
        consumerTracer.startSpan(
          `apply ${this.consumerName}`,
          {
            kind: SpanKind.CONSUMER,
            attributes: {
              'messaging.operation.type': 'process',
              'messaging.destination.name': topic,
              'messaging.destination.partition.id': String(partition),
              'messaging.kafka.offset': Number(entry.offset),
              'messaging.consumer.group.name': this.groupId,
              'messaging.message.id': entry.event.id,
              'binhyen.event.type': entry.event.type,
              'service.name': this.options.serviceName,
            },
          },
          contextFromTraceparent(traceparent),
        ),
      );
    }
    return spans;
  }

  private async publishDeadLetters(topic: string, partition: number, letters: readonly DeadLetterRecord[]): Promise<void> {
    if (letters.length === 0) return;
    await this.deadLetterPublisher!.publish([
      {
        topic: deadLetterTopicFor(topic),
        messages: letters.map(({ decoded, kind, reason }) => ({
          key: decoded.message.key,
          value: decoded.message.value,
          headers: {
            ...decoded.message.headers,
            'dlq-consumer': this.groupId,
            'dlq-reason-kind': kind,
            'dlq-reason': reason.slice(0, 2000),
            'dlq-source-topic': topic,
            'dlq-source-partition': String(partition),
            'dlq-source-offset': decoded.offset,
          },
        })),
      },
    ]);
    for (const { decoded, reason } of letters) {
      this.logger.warn(`${this.groupId}: dead letter ${topic}[${partition}]@${decoded.offset} (event ${eventIdOf(decoded) ?? 'unknown'}): ${reason}`);
    }
  }
}

/** One partition's decoded messages and those of them that are dead letters already. */
interface ChunkBatch {
  topic: string;
  partition: number;
  decoded: readonly DecodedMessage[];
  invalid: readonly DeadLetterRecord[];
}

/** A chunk waiting for its transaction, with its batch's liveness callbacks. */
interface ChunkWork extends ChunkBatch {
  heartbeat: () => Promise<void>;
  isRunning: () => boolean;
}
