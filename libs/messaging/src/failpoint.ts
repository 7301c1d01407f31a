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

/**
 * `name` arms a point for any passage; `name@qualifier` only for a passage that names the qualifier
 * (the relay names the event types of its batch): a service that publishes at start (the taxonomy)
 * then dies at the event the test is about, not before.
 */
const armed = new Map(
  (process.env['BINHYEN_FAILPOINTS'] ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const [name, qualifier] = entry.split('@');
      return [name!, qualifier ?? null] as const;
    }),
);

export function failpoint(name: FailpointName, qualifiers: readonly string[] = []): void {
  if (!armed.has(name)) return;
  const wanted = armed.get(name);
  if (wanted && !qualifiers.includes(wanted)) return;
  process.stderr.write(`[failpoint] ${name}: killing process ${process.pid}\n`);
  process.kill(process.pid, 'SIGKILL');
}
