import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractViolation, ExchangeCounts } from '@binh-yen/http';
import { repoRoot } from './repo-root';

// The recorder's (@binh-yen/http) names, repeated because jest's global set-up resolves no path
// aliases; contract-log.spec.ts holds them equal.
export const CONTRACT_LOG_VAR = 'OPENAPI_CONTRACT_LOG';
export const VIOLATIONS_FILE = 'violations.ndjson';
export const EXCHANGES_PREFIX = 'exchanges-';

export interface ContractSummary {
  exchanges: number;
  operations: number;
  byService: Record<string, number>;
  violations: ContractViolation[];
}

/**
 * The folder this run's services record contract violations in (ADR 0046), emptied at the start:
 * OPENAPI_CONTRACT_LOG when given (two runs at once keep apart), else test-artifacts/contract.
 */
export function startContractLog(directory = process.env[CONTRACT_LOG_VAR] || join(repoRoot(), 'test-artifacts', 'contract')): string {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  process.env[CONTRACT_LOG_VAR] = directory;
  return directory;
}

/** Everything the recorders of a run wrote: exchanges checked and violations. */
export function readContractLog(directory: string): ContractSummary {
  const violationsFile = join(directory, VIOLATIONS_FILE);
  const violations = existsSync(violationsFile)
    ? readFileSync(violationsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ContractViolation)
    : [];
  const operations = new Set<string>();
  const byService: Record<string, number> = {};
  let exchanges = 0;
  for (const file of existsSync(directory) ? readdirSync(directory) : []) {
    if (!file.startsWith(EXCHANGES_PREFIX)) continue;
    const counts = JSON.parse(readFileSync(join(directory, file), 'utf8')) as ExchangeCounts;
    exchanges += counts.checked;
    byService[counts.service] = (byService[counts.service] ?? 0) + counts.checked;
    for (const key of Object.keys(counts.byOperation)) operations.add(`${counts.service} ${key.split(' ')[0]}`);
  }
  return { exchanges, operations: operations.size, byService, violations };
}

/** Fails the run on any violation; writes the summary beside the log either way. */
export function assertContractKept(directory: string): ContractSummary {
  const summary = readContractLog(directory);
  writeFileSync(join(directory, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const line = `[contract] ${summary.exchanges} HTTP exchanges over ${summary.operations} operations checked against the OpenAPI documents: ${summary.violations.length} violation(s)`;
  process.stdout.write(`\n${line}\n`);
  if (summary.violations.length > 0) {
    const shown = summary.violations.slice(0, 20).map((violation) => `  ${JSON.stringify(violation)}`);
    throw new Error(`${line}:\n${shown.join('\n')}\n(all of them in ${join(directory, VIOLATIONS_FILE)})`);
  }
  return summary;
}
