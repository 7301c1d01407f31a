import { scenarios } from './scenarios';
import { type SuiteMode } from './scenario';
import { FaultStack } from './stack';
import { resultsTable, runScenario, writeResults, type ScenarioResult } from './suite';

/**
 * `npm run faults` — the fault suite on a private local stack (Kafka broker, PostgreSQL cluster,
 * units and reporting as processes), printing scenario → result.
 *   --full        the long forms (scenario 11: ten minutes down)
 *   --only=1,4,9  a subset
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mode: SuiteMode = args.includes('--full') ? 'full' : 'short';
  const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',').map(Number);
  const chosen = scenarios.filter((scenario) => !only || only.includes(scenario.id));
  const log = (line: string): void => void process.stdout.write(`${line}\n`);
  const began = Date.now();
  const stack = await FaultStack.start(log);
  const results: ScenarioResult[] = [];
  const stop = async (): Promise<void> => {
    await stack.stop();
  };
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  try {
    for (const scenario of chosen) results.push(await runScenario(stack, scenario, mode, log));
  } finally {
    await stop();
  }
  const table = resultsTable(results, mode);
  const path = writeResults(table);
  process.stdout.write(`\n${table}\nTotal ${((Date.now() - began) / 1000).toFixed(0)} s; written to ${path}\n`);
  process.exit(results.every((result) => result.passed) ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
