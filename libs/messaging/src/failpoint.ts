/**
 * Fault injection for the crash tests (after gofail in etcd): when the
 * environment variable BINHYEN_FAILPOINTS names a point, the process kills itself
 * there with SIGKILL, exactly like a crash: no cleanup, no flush, no finally.
 */
export type FailpointName =
  | 'relay.after-publish'
  | 'consumer.before-db-commit'
  | 'consumer.after-db-commit'
  // After a command's transaction (with its Idempotency-Key record) committed, before the response.
  | 'api.after-commit';

const armed = new Set((process.env['BINHYEN_FAILPOINTS'] ?? '').split(',').filter(Boolean));

export function failpoint(name: FailpointName): void {
  if (armed.has(name)) {
    process.stderr.write(`[failpoint] ${name}: killing process ${process.pid}\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}
