import { scenarios } from './scenarios';
import type { StackKafka } from './stack';
import { FaultStack } from './stack';
import { resultsTable, runScenario, writeResults, type ScenarioResult } from './suite';

/**
 * The fault suite's short form (scenario 11 with 30 s down): one private stack per kind of Kafka
 * (a broker for 1–12, a three-broker cluster for 13–14; each with its own PostgreSQL cluster, so
 * killing them disturbs no other test), shared by the scenarios of that kind, one after the other.
 * `npm run faults -- --full` runs the long forms.
 */
const results: ScenarioResult[] = [];
const log = (line: string): void => void process.stdout.write(`[faults] ${line}\n`);

afterAll(() => {
  if (!results.length) return;
  const table = resultsTable(results, 'short');
  process.stdout.write(`\n${table}\n`);
  writeResults(table, 'results-ci.md');
});

for (const kafka of ['broker', 'cluster'] as const satisfies readonly StackKafka[]) {
  describe(`fault suite (short form) on ${kafka === 'broker' ? 'one broker' : 'three brokers'}: nothing lost, nothing counted twice, nothing let in`, () => {
    let stack: FaultStack;

    beforeAll(async () => {
      stack = await FaultStack.start(log, kafka);
    }, 240_000);

    afterAll(async () => {
      await stack?.stop();
    }, 120_000);

    for (const scenario of scenarios.filter((s) => (s.kafka ?? 'broker') === kafka)) {
      it(`${scenario.id}. ${scenario.title}`, async () => {
        const result = await runScenario(stack, scenario, 'short', log);
        results.push(result);
        if (!result.passed) throw new Error(result.note);
      }, 300_000);
    }
  });
}
