import { HttpStatus, Injectable } from '@nestjs/common';
import type { Caller } from '@binh-yen/auth';
import { ProblemException, problemType } from '@binh-yen/http';
import { failpoint } from '@binh-yen/messaging';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * What a key is unique within: the command and who sent it — the subject *and* the area its
 * token gave it. An officer moved to another area is another caller: the old area's answer is
 * not replayed to the new token (issue 23).
 */
export interface IdempotencyScope {
  command: string;
  caller: Pick<Caller, 'subject' | 'area'>;
}

const scopeKey = ({ command, caller }: IdempotencyScope): string => `${command}:${caller.subject}@${caller.area}`;

export interface IdempotentOutcome<T> {
  result: T;
  /** True when the key was seen before and the stored result is returned. */
  replayed: boolean;
}

/**
 * Runs a command at most once per (scope, key). The key is recorded in the same
 * transaction as the command's own writes and events, so a crash after the commit
 * and before the response leaves a record, and the client's retry gets the first
 * answer instead of a second incident.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * @param scope what the key is unique within: the command and its caller (subject and area)
   * @param fingerprint of the request (fingerprintOf(body)); the same key with another request is refused
   * @param work the command; it writes through `tx`, and returns the JSON-serialisable response
   */
  async run<T>(key: string | undefined, idempotencyScope: IdempotencyScope, fingerprint: string, work: (tx: EntityManager) => Promise<T>): Promise<IdempotentOutcome<T>> {
    if (key === undefined) return { result: await this.dataSource.transaction(work), replayed: false };
    const scope = scopeKey(idempotencyScope);
    const outcome = await this.dataSource.transaction(async (tx): Promise<IdempotentOutcome<T>> => {
      // Two requests with one key at once: the second waits here, then finds the first's record.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`idempotency|${scope}|${key}`]);
      const seen: { fingerprint: string; result: T }[] = await tx.query(
        'SELECT fingerprint, result FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      if (seen[0]) {
        if (seen[0].fingerprint !== fingerprint) throw keyReused(key);
        return { result: seen[0].result, replayed: true };
      }
      const result = await work(tx);
      await tx.query('INSERT INTO idempotency_keys (scope, key, fingerprint, result) VALUES ($1, $2, $3, $4::jsonb)', [
        scope,
        key,
        fingerprint,
        JSON.stringify(result),
      ]);
      return { result, replayed: false };
    });
    if (!outcome.replayed) failpoint('api.after-commit');
    return outcome;
  }
}

function keyReused(key: string): ProblemException {
  return new ProblemException({
    type: problemType('idempotency-key-reused'),
    title: 'Khóa Idempotency-Key đã dùng cho yêu cầu khác (Idempotency-Key reused)',
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    detail: `The Idempotency-Key "${key}" was already used with a different request; use a new key for a new request.`,
    errors: [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
  });
}
