import type { Caller } from '@binh-yen/auth';
import { assertVersion, assertVersionIfGiven, requireIfMatch } from '@binh-yen/http';

/** What every command is given besides its input: who asks, the key to repeat it safely, the version read, the time. */
export interface CommandContext {
  readonly caller: Caller;
  /** `Idempotency-Key`: the same key answers the first result. */
  readonly idempotencyKey?: string;
  /** `If-Match`: the version the caller last read. */
  readonly expectedVersion?: number;
  readonly now: Date;
}

export function commandContext(caller: Caller, options: { idempotencyKey?: string | undefined; expectedVersion?: number | undefined; now?: Date } = {}): CommandContext {
  return {
    caller,
    ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
    ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
    now: options.now ?? new Date(),
  };
}

/** Prologue of an update that needs If-Match: 428 without it, 412 on another version. */
export function requireExpectedVersion(context: CommandContext, current: number): void {
  assertVersion(current, requireIfMatch(context.expectedVersion));
}

/** Prologue of an update where If-Match is optional: 412 only when the caller read another version. */
export function checkExpectedVersion(context: CommandContext, current: number): void {
  assertVersionIfGiven(current, context.expectedVersion);
}
