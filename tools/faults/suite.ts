import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@binh-yen/testing';
import { checkInvariants } from './invariants';
import { seconds, type Scenario, type SuiteMode } from './scenario';
import type { FaultStack } from './stack';

export interface ScenarioResult {
  id: number;
  title: string;
  passed: boolean;
  note: string;
  durationMs: number;
}

/** Runs one scenario on the stack, then waits until quiet and checks the invariants. Never throws. */
export async function runScenario(stack: FaultStack, scenario: Scenario, mode: SuiteMode, log: (line: string) => void): Promise<ScenarioResult> {
  const began = Date.now();
  log(`▶ ${scenario.id}. ${scenario.title}`);
  try {
    const note = await scenario.run({ stack, mode, log });
    const checked = await checkInvariants(stack);
    const summary = `${note} — quiet: ${checked.produced} produced, ${checked.applied} applied once, ${checked.deadLettered} dead-lettered, ${checked.duplicatesOnTopic} duplicates skipped; projections = oracle; order kept`;
    log(`  ✔ ${summary} (${seconds(Date.now() - began)})`);
    return { id: scenario.id, title: scenario.title, passed: true, note: summary, durationMs: Date.now() - began };
  } catch (error) {
    const note = error instanceof Error ? error.message : String(error);
    log(`  ✘ ${note}`);
    return { id: scenario.id, title: scenario.title, passed: false, note, durationMs: Date.now() - began };
  }
}

export function resultsTable(results: readonly ScenarioResult[], mode: SuiteMode): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const lines = [
    `Fault suite (${mode} form), ${new Date().toISOString()}: ${results.filter((r) => r.passed).length} passed, ${results.filter((r) => !r.passed).length} failed`,
    '',
    '| # | scenario | result | time | what happened |',
    '|---|---|---|---|---|',
    ...results.map((r) => `| ${r.id} | ${cell(r.title)} | ${r.passed ? 'PASS' : 'FAIL'} | ${seconds(r.durationMs)} | ${cell(r.note)} |`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes the table to test-artifacts/faults/results.md (gitignored) and returns its path. */
export function writeResults(table: string, name = 'results.md'): string {
  const dir = join(repoRoot(), 'test-artifacts', 'faults');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, table);
  return path;
}
