import type { ConsumedBatch, LogMessage } from '../transport/event-transport';
import type { DeadLetterRecord } from './consumer-bookkeeping';
import { decodeFor, type DecodedMessage } from './decoded-message';

/** One partition's decoded messages and those of them that are dead letters already. */
export interface Chunk {
  topic: string;
  partition: number;
  decoded: readonly DecodedMessage[];
  invalid: readonly DeadLetterRecord[];
}

/** A chunk waiting for its transaction, with its batch's liveness callbacks. */
export interface ChunkWork extends Chunk {
  heartbeat: () => Promise<void>;
  isRunning: () => boolean;
  /** The offset to resolve once the chunk's transaction has committed. */
  lastOffset: string;
}

/**
 * Cuts a partition's batch into chunks of at most `maxEvents` messages, each decoded (JSON
 * and contract check) with its undecodable messages set apart as dead letters; messages of
 * types the projection does not apply (by their `event-type` header) pass by undecoded.
 * Lazily: a chunk is decoded when the consumer gets to it, after the one before has committed.
 */
export function* chunksOf(batch: ConsumedBatch, maxEvents: number, appliedTypes: ReadonlySet<string>): Generator<ChunkWork> {
  const { topic, partition, messages, heartbeat, isRunning } = batch;
  for (let start = 0; start < messages.length; start += maxEvents) {
    const slice: LogMessage[] = messages.slice(start, start + maxEvents);
    const decoded = slice.map((message) => decodeFor(message, appliedTypes));
    const invalid: DeadLetterRecord[] = decoded.flatMap((entry) => (entry.ok === false ? [{ decoded: entry, kind: entry.kind, reason: entry.reason }] : []));
    yield { topic, partition, decoded, invalid, heartbeat, isRunning, lastOffset: slice[slice.length - 1]!.offset };
  }
}
