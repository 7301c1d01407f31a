import { scenarios } from './scenarios';
import { FaultStack } from './stack';
import { resultsTable, runScenario, writeResults, type ScenarioResult } from './suite';

/**
 * The fault suite's short form (scenario 11 with 30 s down): one private stack (its own broker
 * and PostgreSQL cluster, so killing them disturbs no other test) shared by every scenario.
 * `npm run faults -- --full` runs the long forms.
 */
describe('fault suite (short form): nothing lost, nothing counted twice, nothing let in', () => {
  let stack: FaultStack;
  const results: ScenarioResult[] = [];
  const log = (line: string): void => void process.stdout.write(`[faults] ${line}\n`);

  beforeAll(async () => {
    stack = await FaultStack.start(log);
  }, 240_000);

  afterAll(async () => {
    if (results.length) {
      const table = resultsTable(results, 'short');
      process.stdout.write(`\n${table}\n`);
      writeResults(table, 'results-ci.md');
    }
    await stack?.stop();
  }, 120_000);

  for (const scenario of scenarios) {
    it(`${scenario.id}. ${scenario.title}`, async () => {
      const result = await runScenario(stack, scenario, 'short', log);
      results.push(result);
      if (!result.passed) throw new Error(result.note);
    }, 240_000);
  }
});
