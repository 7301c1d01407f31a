import { backoffDelay, sleep } from '../backoff';
import { classifyError, type ErrorClass } from './error-classification';

export interface RetryOptions {
  /** Attempts for an error of unknown kind before giving up. */
  maxAttempts: number;
  /** Keeps the group membership alive while waiting. */
  heartbeat(): Promise<void>;
  /** False once the subscription is stopping: the error is thrown, nothing is judged. */
  isRunning(): boolean;
  /** Told of every failure, before waiting or giving up (state, last error, logs). */
  onFailure(error: unknown, kind: ErrorClass, willRetry: boolean): void;
}

export type RetryOutcome = { ok: true } | { ok: false; error: unknown };

/**
 * The consumer's one retry loop, by kind of error: infrastructure (the database or the
 * network is away) is retried for as long as it takes, an unknown error up to
 * `maxAttempts` times, a permanent one never. Answers the error it gave up on; what
 * follows (isolating the culprit, dead-lettering it) is the caller's.
 */
export async function retryByErrorKind(work: () => Promise<void>, options: RetryOptions): Promise<RetryOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      if (!options.isRunning()) throw error;
      const kind = classifyError(error);
      const willRetry = kind === 'infrastructure' || (kind === 'unknown' && attempt < options.maxAttempts);
      options.onFailure(error, kind, willRetry);
      if (!willRetry) return { ok: false, error };
      await sleep(backoffDelay(attempt));
      await options.heartbeat();
    }
  }
}
