import { PermanentEventError } from './projection';
import { retryByErrorKind, type RetryOptions } from './retry-by-error-kind';

function options(failures: string[]): RetryOptions {
  return {
    maxAttempts: 3,
    heartbeat: async () => undefined,
    isRunning: () => true,
    onFailure: (_error, kind, willRetry) => failures.push(`${kind}:${willRetry ? 'retry' : 'give up'}`),
  };
}

/** Fails with each error in turn, then succeeds. */
function failing(...errors: Error[]): () => Promise<void> {
  return async () => {
    const next = errors.shift();
    if (next) throw next;
  };
}

const infrastructure = (): Error => Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });

describe('the consumer’s one retry loop, by kind of error', () => {
  it('retries infrastructure errors past maxAttempts, as long as it takes', async () => {
    const failures: string[] = [];
    const outcome = await retryByErrorKind(failing(infrastructure(), infrastructure(), infrastructure(), infrastructure()), options(failures));
    expect(outcome).toEqual({ ok: true });
    expect(failures).toEqual(Array.from({ length: 4 }, () => 'infrastructure:retry'));
  }, 30_000);

  it('gives up on an unknown error after maxAttempts, answering it', async () => {
    const failures: string[] = [];
    const error = new Error('broken');
    const outcome = await retryByErrorKind(failing(error, error, error, error), options(failures));
    expect(outcome).toEqual({ ok: false, error });
    expect(failures).toEqual(['unknown:retry', 'unknown:retry', 'unknown:give up']);
  });

  it('never retries a permanent error', async () => {
    const failures: string[] = [];
    const outcome = await retryByErrorKind(failing(new PermanentEventError('invariant broken')), options(failures));
    expect(outcome.ok).toBe(false);
    expect(failures).toEqual(['permanent:give up']);
  });

  it('throws, judging nothing, once the subscription stops', async () => {
    const failures: string[] = [];
    await expect(retryByErrorKind(failing(new Error('stopping')), { ...options(failures), isRunning: () => false })).rejects.toThrow('stopping');
    expect(failures).toEqual([]);
  });
});
