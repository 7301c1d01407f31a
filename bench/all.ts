// The whole benchmark suite, one broker for all of it, each case in its own process one after
// another (so no case competes with another for the two cores), then bench/results/summary.md
// with every case, its ratio and whether its target was met.
//   npm run bench:all [-- --small] [--only=relay,consumer,http,memory,freshness,event-path,report,rebuild] [--summary-only]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, machineFacts, pct, runMain, small, withBroker, type CaseOutcome } from './lib/bench-kit';

interface Bench {
  id: string;
  script: string;
  result: string;
  /** Reads the result file into summary lines (the older benches write their own shapes). */
  outcomes(json: Record<string, unknown>): CaseOutcome[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const fromCases = (json: Json): CaseOutcome[] => json.cases as CaseOutcome[];

const benches: Bench[] = [
  { id: 'relay', script: 'relay.bench.ts', result: 'relay', outcomes: fromCases },
  { id: 'consumer', script: 'consumer.bench.ts', result: 'consumer', outcomes: fromCases },
  { id: 'http', script: 'http.bench.ts', result: 'http', outcomes: fromCases },
  { id: 'memory', script: 'memory.bench.ts', result: 'memory', outcomes: fromCases },
  { id: 'freshness', script: 'freshness.bench.ts', result: 'freshness', outcomes: fromCases },
  {
    id: 'event-path',
    script: 'event-path.bench.ts',
    result: 'event-path',
    outcomes: (json: Json) => [
      {
        case: 'event path end to end (outbox → relay → Kafka → projection)',
        ours: `${fmt(json.eventPathEventsPerSecond.median)} ev/s`,
        baseline: `${fmt(json.rawKafkajsEventsPerSecond.median)} ev/s (raw produce → no-op consume)`,
        ratio: json.ratio,
        target: 'reported',
        met: null,
        valid: true,
      },
    ],
  },
  {
    id: 'report',
    script: 'report-query.bench.ts',
    result: 'report-query',
    outcomes: (json: Json) => {
      const levels = json.results as { level: string; oursP95: number; speedup: number }[];
      const worstP95 = Math.max(...levels.map((level) => level.oursP95));
      const slowest = Math.min(...levels.map((level) => level.speedup));
      return [
        {
          case: `report query (${json.incidents} incidents)`,
          ours: `p95 ${levels.map((level) => `${level.level} ${level.oursP95.toFixed(2)} ms`).join(', ')}`,
          baseline: `naive GROUP BY; ours faster by: ${levels.map((level) => `${level.level} ${level.speedup.toFixed(0)}×`).join(', ')}`,
          ratio: slowest,
          target: 'p95 ≤ 50 ms and ≥ 100× faster (every level)',
          met: worstP95 <= 50 && slowest >= 100,
          valid: true,
          notes: 'ratio column: the smallest speed-up (×), not a percentage',
        },
      ];
    },
  },
  {
    id: 'rebuild',
    script: 'rebuild.bench.ts',
    result: 'rebuild',
    outcomes: (json: Json) => [
      {
        case: 'rebuild (incident-counts)',
        ours: `${fmt(json.rebuildEventsPerSecond)} ev/s`,
        baseline: `${fmt(json.rawEventsPerSecond)} ev/s (raw consumption)`,
        ratio: json.rebuildEventsPerSecond / json.rawEventsPerSecond,
        target: '≥ 10,000 ev/s',
        met: json.rebuildEventsPerSecond >= 10_000,
        valid: true,
      },
    ],
  },
];

const only = process.argv.find((arg) => arg.startsWith('--only='))?.split('=')[1]?.split(',');
/** Rewrites the summary from the result files already there, running nothing. */
const summaryOnly = process.argv.includes('--summary-only');

async function suite(): Promise<void> {
  {
    const chosen = benches.filter((bench) => !only || only.includes(bench.id));
    const outcomes: CaseOutcome[] = [];
    const failures: string[] = [];
    const durations: string[] = [];
    for (const bench of chosen) {
      const file = join(__dirname, 'results', `${bench.result}${small ? '.small.tmp' : ''}.json`);
      if (summaryOnly) {
        if (existsSync(file)) outcomes.push(...bench.outcomes(JSON.parse(readFileSync(file, 'utf8'))));
        continue;
      }
      process.stdout.write(`\n=== ${bench.id}${small ? ' (small)' : ''}\n`);
      const started = Date.now();
      const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join('bench', bench.script), ...(small ? ['--small'] : [])], {
        cwd: join(__dirname, '..'),
        stdio: 'inherit',
        env: process.env,
      });
      durations.push(`${bench.id} ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (run.status !== 0) {
        failures.push(`${bench.id} exited with ${run.status ?? run.signal}`);
        outcomes.push({ case: bench.id, ours: 'failed', baseline: '—', ratio: null, target: '—', met: false, valid: false, notes: `exit ${run.status ?? run.signal}` });
        continue;
      }
      if (!existsSync(file)) {
        failures.push(`${bench.id} wrote no ${file}`);
        continue;
      }
      outcomes.push(...bench.outcomes(JSON.parse(readFileSync(file, 'utf8'))));
    }
    const machine = await machineFacts();
    const date = new Date().toISOString();
    const name = small ? 'summary.small.tmp' : 'summary';
    const ratioCell = (c: CaseOutcome): string => (c.ratio === null ? '—' : c.notes?.includes('speed-up') ? `${c.ratio.toFixed(0)}×` : pct(c.ratio));
    const lines = [
      '# Benchmark suite: summary',
      '',
      `${date}, ${small ? 'small mode (a check that every case runs and stays correct; timings mean nothing)' : 'full mode'}. \`npm run bench:all${small ? ' -- --small' : ''}\`.`,
      '',
      `Machine: ${Object.entries(machine).map(([key, value]) => `${key} ${String(value)}`).join(', ')}.`,
      '',
      'Every ratio is against a baseline measured in the same run on the same machine; per-case files hold the repetitions, medians and spreads.',
      '',
      '| case | ours | baseline (same run) | ratio | target | met | valid run |',
      '|---|---|---|---|---|---|---|',
      ...outcomes.map((c) => `| ${c.case} | ${c.ours} | ${c.baseline} | ${ratioCell(c)} | ${c.target} | ${c.met === null ? 'reported' : c.met ? 'yes' : '**no**'} | ${c.valid ? 'yes' : `**no** (${c.notes ?? ''})`} |`),
      '',
      ...(summaryOnly ? ['Rewritten from the per-case result files (`--summary-only`); each file says when its case ran.'] : [`Durations: ${durations.join(', ')}.`]),
      ...(failures.length > 0 ? ['', `Failures: ${failures.join('; ')}.`] : []),
      '',
    ];
    // What was tried per missed target, written by hand, kept when the summary is rewritten.
    const notes = join(__dirname, 'results', 'notes.md');
    if (!small && existsSync(notes)) lines.push(readFileSync(notes, 'utf8').trimEnd(), '');
    writeFileSync(join(__dirname, 'results', `${name}.md`), `${lines.join('\n')}\n`);
    writeFileSync(join(__dirname, 'results', `${name}.json`), `${JSON.stringify({ date, mode: small ? 'small' : 'full', machine, cases: outcomes, durations, failures }, null, 2)}\n`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
    if (failures.length > 0) throw new Error(`benchmark suite: ${failures.join('; ')}`);
  }
}

runMain(() => (summaryOnly ? suite() : withBroker(suite)));
