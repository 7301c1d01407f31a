import { scenarios } from './scenarios';
import { type SuiteMode } from './scenario';
import { FaultStack, type StackKafka } from './stack';
import { resultsTable, runScenario, writeResults, type ScenarioResult } from './suite';

/**
 * `npm run faults` — the fault suite on a private local stack (Kafka broker, PostgreSQL cluster,
 * units and reporting as processes; a three-broker cluster for 13 and 14), printing scenario → result.
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
  const results: ScenarioResult[] = [];
  let stack: FaultStack | undefined;
  process.once('SIGINT', () => void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));
  // One stack per kind of Kafka, one after the other: a broker (1–12), then three brokers (13, 14).
  for (const kafka of ['broker', 'cluster'] as const satisfies readonly StackKafka[]) {
    const mine = chosen.filter((scenario) => (scenario.kafka ?? 'broker') === kafka);
    if (!mine.length) continue;
    stack = await FaultStack.start(log, kafka);
    try {
      for (const scenario of mine) results.push(await runScenario(stack, scenario, mode, log));
    } finally {
      await stack.stop();
      stack = undefined;
    }
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
