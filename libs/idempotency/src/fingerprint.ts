import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
  );
}

/** The same request gives the same fingerprint, whatever the order of its fields. */
export function fingerprintOf(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(request)) ?? 'undefined').digest('hex');
}
