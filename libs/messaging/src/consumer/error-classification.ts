import { PermanentEventError } from './projection';

/**
 * Errors that say nothing about the event: the database or network is away.
 * They are retried for as long as it takes, never dead-lettered.
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export type ErrorClass = 'infrastructure' | 'permanent' | 'unknown';

export function classifyError(error: unknown): ErrorClass {
  if (error instanceof PermanentEventError) return 'permanent';
  if (!(error instanceof Error)) return 'unknown';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (CONNECTION_CODES.has(code)) return 'infrastructure';
    // Postgres classes 08 (connection), 53 (resources), 57 (operator intervention),
    // 40001/40P01 (serialization failure, deadlock): retry, the event is fine.
    if (/^(08|53|57)/.test(code) || code === '40001' || code === '40P01') return 'infrastructure';
  }
  if (/Connection terminated|connection is closed|Client has encountered a connection error|not queryable/i.test(error.message)) {
    return 'infrastructure';
  }
  return 'unknown';
}
