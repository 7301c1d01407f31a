import type { DataSource, EntityManager } from 'typeorm';
import { isObservable, lastValueFrom } from 'rxjs';
import { EVENT_TRACEPARENT_HEADER } from '@binh-yen/telemetry';
import { failpoint } from '../failpoint';
import { ApplyGate } from './apply-gate';
import type { Chunk } from './chunking';
import { claimPartitionBatch, recordDeadLetters } from './consumer-bookkeeping';
import { headerOf } from './decoded-message';
import type { ProjectionDefinition, ProjectionHandler } from './projection';
import { ProjectionContext, type ConsumedEvent, type PartitionRange } from './projection-context';

export interface TransactionCounts {
  applied: number;
  deadLettered: number;
}

/**
 * The body of one projection transaction, for one chunk or a group of them: each
 * partition's offset and inbox bookkeeping (one statement), its dead letters, then one
 * call of the handler with all fresh events behind the apply gate, which is let go once
 * the transaction has committed or rolled back (its row locks gone). The context is
 * settled (interceptors end their spans) when the transaction is.
 */
export class ProjectionTransaction {
  /** Projection writes of this consumer's two lanes take turns, from the handler to the commit. */
  private readonly applyGate = new ApplyGate();

  constructor(
    private readonly dataSource: DataSource,
    private readonly handler: ProjectionHandler,
    private readonly definition: ProjectionDefinition,
    private readonly consumer: string,
    private readonly groupId: string,
  ) {}

  async run(chunks: readonly Chunk[]): Promise<TransactionCounts> {
    let releaseGate: (() => void) | undefined;
    let context: ProjectionContext | undefined;
    let counts: TransactionCounts = { applied: 0, deadLettered: 0 };
    try {
      await this.dataSource.transaction(async (manager) => {
        const events: ConsumedEvent[] = [];
        let deadLettered = 0;
        for (const chunk of chunks) {
          const claimed = await this.claim(manager, chunk);
          events.push(...claimed.events);
          deadLettered += claimed.deadLettered;
        }
        if (events.length > 0) {
          releaseGate = await this.applyGate.acquire();
          context = new ProjectionContext({ consumer: this.consumer, groupId: this.groupId, manager, partitions: chunks.map(rangeOf), events });
          await settled(this.handler(events.map((consumed) => consumed.event), context));
        }
        failpoint('consumer.before-db-commit');
        counts = { applied: events.length, deadLettered };
      });
      context?.settle(undefined);
      return counts;
    } catch (error) {
      context?.settle(error);
      throw error;
    } finally {
      releaseGate?.();
    }
  }

  /** A chunk's bookkeeping: answers its events to apply (fresh, claimed, of a handled type), in partition order. */
  private async claim(manager: EntityManager, chunk: Chunk): Promise<{ events: ConsumedEvent[]; deadLettered: number }> {
    const { topic, partition, decoded, invalid } = chunk;
    const last = decoded[decoded.length - 1]!;
    const candidates = decoded.flatMap((entry) => (entry.ok === true && this.definition.eventTypes.includes(entry.event.type) ? [{ entry, event: entry.event }] : []));
    const { previousNextOffset, claimed } = await claimPartitionBatch(
      manager,
      this.consumer,
      topic,
      partition,
      candidates.map(({ entry, event }) => ({ id: event.id, offset: entry.offset, occurredAt: event.occurredAt })),
      BigInt(last.offset) + 1n,
    );
    const fresh = decoded.filter((entry) => BigInt(entry.offset) >= previousNextOffset);
    if (fresh.length === 0) return { events: [], deadLettered: 0 };
    const events: ConsumedEvent[] = [];
    for (const { entry, event } of candidates) {
      // Within one batch a duplicate may appear twice: apply its first copy only.
      if (BigInt(entry.offset) < previousNextOffset || !claimed.delete(event.id)) continue;
      // Ours first: the kafkajs instrumentation rewrites `traceparent` with a span of the relay's batch.
      const traceparent = headerOf(entry.message, EVENT_TRACEPARENT_HEADER) ?? headerOf(entry.message, 'traceparent') ?? event.traceparent;
      events.push({ event, topic, partition, offset: entry.offset, traceparent });
    }
    const freshOffsets = new Set(fresh.map((entry) => entry.offset));
    const letters = invalid.filter((letter) => freshOffsets.has(letter.decoded.offset));
    await recordDeadLetters(manager, this.consumer, topic, partition, letters);
    return { events, deadLettered: letters.length };
  }
}

function rangeOf(chunk: Chunk): PartitionRange {
  return { topic: chunk.topic, partition: chunk.partition, firstOffset: chunk.decoded[0]!.offset, lastOffset: chunk.decoded[chunk.decoded.length - 1]!.offset };
}

/**
 * The end of a handler's work. Nest's handler answers a promise, of an observable when
 * interceptors wrap the method: a cold one, which runs the method only once subscribed.
 */
export async function settled(result: unknown): Promise<void> {
  const value: unknown = await result;
  if (isObservable(value)) await lastValueFrom(value, { defaultValue: undefined });
}
