import type { FaultStack, StackKafka } from './stack';

export type SuiteMode = 'short' | 'full';

export interface ScenarioContext {
  stack: FaultStack;
  mode: SuiteMode;
  log(line: string): void;
}

/** One fault: it disturbs the running stack and returns what it saw; the suite then checks the invariants. */
export interface Scenario {
  id: number;
  title: string;
  /** The Kafka it needs: one broker (default) or the three-broker cluster (a stack of its own). */
  kafka?: StackKafka;
  /** Throws when the fault itself was not handled (e.g. a wrong status); returns a short note for the table. */
  run(context: ScenarioContext): Promise<string>;
}

export function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
