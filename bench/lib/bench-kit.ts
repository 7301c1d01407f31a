// Shared pieces of the benchmark suite: the broker, repetitions with median and spread,
// percentiles, machine facts, rebalance counting and the result files.
import { IncidentEventTypes, uuidv7, type EventEnvelope, type IncidentReportedV1 } from '@binh-yen/contracts';
import type { IncidentEvent } from '@binh-yen/contracts';
import { KafkaTransport, type ProjectionHandler, type SubscriptionHandlers, type SubscriptionOptions, type EventSubscription } from '@binh-yen/messaging';
import { findFreePort, startBroker, type RunningBroker } from '@binh-yen/testing';
import type { Kafka } from 'kafkajs';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { IncidentCountsProjection } from '@binh-yen/reporting-app';

export const small = process.argv.includes('--small');

export function numberArg(name: string, fallback: number): number {
  const value = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  return value === undefined ? fallback : Number(value);
}

export async function until(check: () => Promise<boolean>, timeoutMs = 300_000, intervalMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface Series {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how noisy the repetitions were. */
  spread: number;
  runs: number[];
}

export function series(runs: readonly number[]): Series {
  const sorted = [...runs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, spread: median === 0 ? 0 : (sorted.at(-1)! - sorted[0]!) / median, runs: [...runs] };
}

export const fmt = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '—');
export const pct = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;
export const seriesCell = (s: Series, digits = 0): string => `${fmt(s.median, digits)} (${fmt(s.min, digits)}–${fmt(s.max, digits)}, ±${(s.spread * 50).toFixed(0)}%)`;

/** The broker of KAFKA_BROKERS, or a fresh one for this run. */
export async function withBroker<T>(work: (brokers: string[]) => Promise<T>): Promise<T> {
  let broker: RunningBroker | undefined;
  let brokers = process.env['KAFKA_BROKERS']?.split(',');
  if (!brokers) {
    broker = await startBroker({ port: await findFreePort(), controllerPort: await findFreePort(), fresh: true });
    brokers = broker.brokers;
    process.env['KAFKA_BROKERS'] = brokers.join(',');
  }
  try {
    return await work(brokers);
  } finally {
    await broker?.stop();
  }
}

/** Cores, CPU, memory, Node, Kafka (the jars the broker runs) and PostgreSQL versions. */
export async function machineFacts(): Promise<Record<string, unknown>> {
  let postgres = 'unknown';
  const client = new Client({ connectionString: process.env['BINHYEN_TEST_ADMIN_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  try {
    await client.connect();
    postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  } catch {
    // reported as unknown
  } finally {
    await client.end().catch(() => undefined);
  }
  let kafka = 'unknown';
  try {
    kafka = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(join(__dirname, '..', '..', 'deploy', 'local', 'kafka', 'pom.xml'), 'utf8'))?.[1] ?? 'unknown';
  } catch {
    kafka = '3.9.1';
  }
  let load: string | undefined;
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    load = undefined;
  }
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    commit = undefined;
  }
  return { cores: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, kafka, kafkajs: '2.2.4', postgres, loadAverage: load, commit };
}

/** One line of the summary: what was measured, against what, and whether the target was met. */
export interface CaseOutcome {
  case: string;
  ours: string;
  baseline: string;
  ratio: number | null;
  target: string;
  met: boolean | null;
  valid: boolean;
  notes?: string;
}

/** Writes bench/results/<name>.json and .md (or <name>.small.tmp.* in small mode). */
export async function writeResult(name: string, title: string, body: { summary: CaseOutcome[]; markdown: string; data: Record<string, unknown> }): Promise<void> {
  const machine = await machineFacts();
  const date = new Date().toISOString();
  const file = small ? `${name}.small.tmp` : name;
  const json = { date, mode: small ? 'small' : 'full', machine, cases: body.summary, ...body.data };
  writeFileSync(join(__dirname, '..', 'results', `${file}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const lines = [
    `# ${title}`,
    '',
    `${date}, ${small ? 'small' : 'full'} mode. Machine: ${Object.entries(machine).map(([key, value]) => `${key} ${String(value)}`).join(', ')}.`,
    '',
    body.markdown,
    '',
    '| case | ours | baseline | ratio | target | met | valid |',
    '|---|---|---|---|---|---|---|',
    ...body.summary.map((c) => `| ${c.case} | ${c.ours} | ${c.baseline} | ${c.ratio === null ? '—' : pct(c.ratio)} | ${c.target} | ${c.met === null ? 'reported' : c.met ? 'yes' : '**no**'} | ${c.valid ? 'yes' : '**no**'} |`),
    '',
  ];
  writeFileSync(join(__dirname, '..', 'results', `${file}.md`), `${lines.join('\n')}\n`);
}

/**
 * The Kafka transport of the platform, counting every group join of its consumers: the first
 * join of a subscription is the start; any later one is a rebalance.
 */
/**
 * The reporting service's incident-counts handler as the runner calls it. In the service
 * Nest's handler proxy (guard, interceptor, pipes) wraps it: a few calls per transaction,
 * nothing per event, so the benchmarks call the method itself.
 */
export function incidentCountsHandler(): ProjectionHandler {
  const projection = new IncidentCountsProjection();
  // The runner hands over only events of incident.reported and .transferred, checked against their schemas.
  return (events, context) => projection.apply(events as readonly IncidentEvent[], context);
}

export class JoinCountingTransport extends KafkaTransport {
  joins = 0;

  override subscribe(options: SubscriptionOptions, handlers: SubscriptionHandlers): Promise<EventSubscription> {
    return super.subscribe(options, {
      ...handlers,
      onJoined: () => {
        this.joins += 1;
        handlers.onJoined();
      },
    });
  }
}

/** Peak and current resident set of a process, in MiB, from /proc/<pid>/status. */
export function residentSet(pid: number): { peakMiB: number; currentMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMiB: kib('VmHWM') / 1024, currentMiB: kib('VmRSS') / 1024 };
}

/**
 * CPU time (user + system) used so far by each process, in ms, from /proc/<pid>/stat; a process
 * already gone is left out. CPU per request from two readings is what a loaded, shared machine
 * distorts least (ADR 0022): the neighbours slow the wall clock, not the work done.
 */
export function cpuTimesMs(pids: readonly number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS);
    } catch {
      // Gone: nothing to read.
    }
  }
  return times;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}

const categories = ['criminal-offence', 'traffic-order', 'drugs', 'gambling', 'dispute-complaint', 'smuggling'];

/** An incident.reported event as the incidents service writes it, spread over 40 wards of Việt Trì and a quarter. */
export function incidentEvent(index: number): EventEnvelope<IncidentReportedV1> {
  const incidentId = uuidv7();
  const occurredAt = new Date(Date.UTC(2026, 6, 1) + (index % 90) * 86_400_000).toISOString();
  return {
    id: uuidv7(),
    type: IncidentEventTypes.reported,
    version: 1,
    occurredAt,
    aggregate: { type: 'incident', id: incidentId },
    sequence: 1,
    actor: { agency: 'police', subject: 'bench' },
    area: `25.227.${String(7882 + (index % 40)).padStart(5, '0')}`,
    data: { incidentId, unitCode: '07882', category: categories[index % categories.length]!, occurredAt, reportedAt: occurredAt, summary: `Vụ việc số ${index}` },
  };
}

/** Sum over partitions of the end offsets of a topic. */
export async function topicEnd(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}
