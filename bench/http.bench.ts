// The HTTP command path of the incidents service, as its own process (main.ts, Nest on
// Express, the units replica fed from Kafka, relay running):
//   ours:     POST /api/v1/incidents (JWT, validation, one transaction: the incident, its
//             history and its outbox event), a unique valid report per request;
//   naive:    the same endpoint as a typical team writes it (bench/naive-peer: NestJS, the same
//             DTO and ValidationPipe, a JWT guard, a TypeORM entity and `repository.save()`, no
//             outbox, audit, idempotency or duplicate search), its own process, same database;
//   baseline: GET /health/live of the same process (same Express + Nest stack, no work).
// A closed-loop load of C concurrent keep-alive connections (node:http Agent) for a fixed time,
// alternated bare/ours/naive (ours and naive swap places every repetition), after a warm-up.
// Also the peak RSS (VmHWM) of both processes under this load. Invalid if the units replica
// consumer rejoined its group during the run, or if the incidents and outbox rows (the naive
// peer's rows) do not equal the 201 answers counted by the client.
//   npm run bench:http [-- --small | --seconds=N --concurrency=C --repetitions=R]
//   BENCH_SERVICE_NODE_ARGS='--cpu-prof --cpu-prof-dir=tmp/prof' npm run bench:http -- --small   (profile the service)
import { bearer, consumerStates, serviceEnv, startServiceProcess, type ServiceProcess } from '@binh-yen/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { callers, hoursAgo, IncidentsUnderTest, phuThoUnits, report } from '@binh-yen/incidents-test-harness';
import { cpuTimesMs, fmt, numberArg, pct, percentile, residentSet, runMain, series, seriesCell, small, until, withBroker, writeResult, type Series } from './lib/bench-kit';

const seconds = numberArg('seconds', small ? 2 : 8);
const concurrency = numberArg('concurrency', 16);
const repetitions = numberArg('repetitions', small ? 1 : 5);

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  /** Every status answered, by count: what a failed run got instead of the expected one. */
  statuses: Record<number, number>;
  /** CPU per answered request: the Node process and its PostgreSQL backends (from /proc). */
  nodeCpuMs: number;
  postgresCpuMs: number;
}

/**
 * Officers of Việt Trì's police, one token each. In production the service limits each token
 * subject (RATE_LIMIT_PER_MINUTE, 6,000 by default; ADR 0036), as behind the gateway: one officer
 * cannot send hundreds of reports a second, a province's many officers together can. A pool this
 * large keeps the production limit on while no machine, however fast, trips it (512 × 100/s).
 */
const OFFICERS = 512;

function send(agent: Agent, url: URL, method: string, headers: Record<string, string>, body: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The processes whose CPU a request costs: the service and the PostgreSQL backends of its pool and relay. */
interface Costed {
  pid: number;
  backends: () => Promise<number[]>;
}

async function load(base: string, method: string, path: string, headers: () => Record<string, string>, body: (() => string) | undefined, expect: number, durationMs: number, costed: Costed): Promise<LoadResult> {
  const backendsBefore = await costed.backends();
  const nodeBefore = cpuTimesMs([costed.pid]).get(costed.pid) ?? Number.NaN;
  const postgresBefore = cpuTimesMs(backendsBefore);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(path, base);
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const statuses: Record<number, number> = {};
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const status = await send(agent, url, method, headers(), body?.());
        latencies.push(performance.now() - sent);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === expect) ok += 1;
        else failed += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const nodeCpu = (cpuTimesMs([costed.pid]).get(costed.pid) ?? Number.NaN) - nodeBefore;
  // A backend opened during the window counts whole; one closed during it is left out (a pool keeps them).
  const backendsAfter = [...new Set([...backendsBefore, ...(await costed.backends())])];
  let postgresCpu = 0;
  for (const [pid, ms] of cpuTimesMs(backendsAfter)) postgresCpu += ms - (postgresBefore.get(pid) ?? 0);
  return { requestsPerSecond: ok / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), ok, failed, statuses, nodeCpuMs: nodeCpu / Math.max(ok, 1), postgresCpuMs: postgresCpu / Math.max(ok, 1) };
}

runMain(() =>
  withBroker(async (brokers) => {
    const service = new IncidentsUnderTest();
    // The services' defaults rather than the tests' quick settings.
    // BENCH_SERVICE_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof", profiles the service
    // (node flags: NODE_OPTIONS refuses --cpu-prof).
    const nodeArgs = (process.env['BENCH_SERVICE_NODE_ARGS'] ?? '').split(/\s+/).filter(Boolean);
    await service.start({
      KAFKA_PARTITIONS: '6',
      RELAY_POLL_INTERVAL_MS: '1000',
      KAFKA_SESSION_TIMEOUT_MS: '30000',
      KAFKA_HEARTBEAT_INTERVAL_MS: '3000',
    }, nodeArgs);
    let naivePeer: ServiceProcess | undefined;
    try {
      // The peer on the service's database (its own table), with the same pool size and token key.
      naivePeer = await startServiceProcess({
        service: 'incidents',
        label: 'naive-peer',
        entry: join('bench', 'naive-peer', 'main.ts'),
        env: serviceEnv(service.database.url, service.topicPrefix, { DATABASE_POOL_SIZE: '10' }),
      });
      await service.publishUnits(phuThoUnits().events);
      const officer = callers.policeVietTri;
      const authorizations = await Promise.all(
        Array.from({ length: OFFICERS }, (_, n) => bearer({ ...officer, subject: `${officer.subject}-${String(n).padStart(3, '0')}` })),
      );
      let index = 0;
      const headers = (): Record<string, string> => ({ authorization: authorizations[index % OFFICERS]!, 'content-type': 'application/json' });
      // Spread over three wards, four categories and ~170 days, so that the possible-duplicate
      // search (same unit and category within ±72 h) sees a realistic handful of candidates.
      const wards = ['07882', '07885', '07888'];
      const kinds = ['criminal-offence', 'traffic-order', 'drugs', 'gambling'];
      const body = (): string => {
        index += 1;
        return JSON.stringify(
          report({
            unitCode: wards[index % wards.length],
            category: kinds[Math.floor(index / wards.length) % kinds.length],
            occurredAt: hoursAgo(1 + ((index * 7) % 4_000)),
            summary: `Vụ việc số ${index} tại phường, người dân trình báo`,
            people: { suspects: index % 3, victims: 1 },
          }),
        );
      };
      const base = service.service.url;
      const groupsBefore = await groupMembers(brokers, service.topicPrefix);
      const naiveBase = naivePeer.url;
      process.stdout.write(`HTTP benchmark: incidents service pid ${service.service.pid}, naive peer pid ${naivePeer.pid}, ${concurrency} connections, ${repetitions} × ${seconds} s per side\n`);

      const backendsOf = async (applicationName: string): Promise<number[]> =>
        (await service.sql<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE $1`, [applicationName])).map((row) => row.pid);
      const oursCosted: Costed = { pid: service.service.pid, backends: () => backendsOf('incidents%') };
      const naiveCosted: Costed = { pid: naivePeer.pid, backends: () => backendsOf('naive-peer') };
      let created = 0;
      const bare = async (ms: number): Promise<LoadResult> => {
        const result = await load(base, 'GET', '/health/live', () => ({}), undefined, 200, ms, oursCosted);
        if (result.failed > 0) throw new Error(`${result.failed} liveness probe(s) not answered 200; statuses answered: ${JSON.stringify(result.statuses)}`);
        return result;
      };
      const ours = async (ms: number): Promise<LoadResult> => {
        const result = await load(base, 'POST', '/api/v1/incidents', headers, body, 201, ms, oursCosted);
        created += result.ok;
        if (result.failed > 0) throw new Error(`${result.failed} report(s) not answered 201; statuses answered: ${JSON.stringify(result.statuses)}`);
        return result;
      };
      let naiveCreated = 0;
      const naive = async (ms: number): Promise<LoadResult> => {
        const result = await load(naiveBase, 'POST', '/api/v1/incidents', headers, body, 201, ms, naiveCosted);
        naiveCreated += result.ok;
        if (result.failed > 0) throw new Error(`${result.failed} naive report(s) not answered 201; statuses answered: ${JSON.stringify(result.statuses)}`);
        return result;
      };
      await bare(small ? 1_000 : 3_000);
      await ours(small ? 1_000 : 3_000);
      await naive(small ? 1_000 : 3_000);
      const bareRuns: LoadResult[] = [];
      const ourRuns: LoadResult[] = [];
      const naiveRuns: LoadResult[] = [];
      for (let run = 1; run <= repetitions; run++) {
        bareRuns.push(await bare(seconds * 1000));
        // Ours and the peer swap places each repetition, so neither always follows the bare run.
        if (run % 2 === 1) {
          ourRuns.push(await ours(seconds * 1000));
          naiveRuns.push(await naive(seconds * 1000));
        } else {
          naiveRuns.push(await naive(seconds * 1000));
          ourRuns.push(await ours(seconds * 1000));
        }
        process.stdout.write(
          `  run ${run}: bare ${fmt(bareRuns.at(-1)!.requestsPerSecond)} req/s (p99 ${fmt(bareRuns.at(-1)!.p99, 1)} ms), report-incident ${fmt(ourRuns.at(-1)!.requestsPerSecond)} req/s (p50 ${fmt(ourRuns.at(-1)!.p50, 1)} ms, p99 ${fmt(ourRuns.at(-1)!.p99, 1)} ms), naive peer ${fmt(naiveRuns.at(-1)!.requestsPerSecond)} req/s (p50 ${fmt(naiveRuns.at(-1)!.p50, 1)} ms)\n`,
        );
      }
      const memory = residentSet(service.service.pid);
      const naiveMemory = residentSet(naivePeer.pid);

      // Oracle: every 201 is one incident and one outbox event, and the relay published them all.
      const [incidents] = await service.sql<{ n: string }>(`SELECT count(*) AS n FROM incidents`);
      const [events] = await service.sql<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE event_type = 'incident.reported'`);
      await until(async () => Number((await service.sql<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NULL`))[0]!.n) === 0, 60_000, 100);
      const groupsAfter = await groupMembers(brokers, service.topicPrefix);
      const states = await consumerStates(base);
      const rejoined = JSON.stringify(groupsBefore) !== JSON.stringify(groupsAfter) || states.some((state) => state.state !== 'running');
      const oracleOk = Number(incidents!.n) === created && Number(events!.n) === created;
      if (!oracleOk) throw new Error(`${created} reports answered 201 but ${incidents!.n} incidents and ${events!.n} outbox events`);
      const [naiveRows] = await service.sql<{ n: string }>(`SELECT count(*) AS n FROM naive_incidents`);
      if (Number(naiveRows!.n) !== naiveCreated) throw new Error(`${naiveCreated} naive reports answered 201 but ${naiveRows!.n} rows`);

      const pick = (runs: LoadResult[], field: 'requestsPerSecond' | 'p50' | 'p99' | 'nodeCpuMs' | 'postgresCpuMs'): Series => series(runs.map((run) => run[field]));
      const bareRps = pick(bareRuns, 'requestsPerSecond');
      const ourRps = pick(ourRuns, 'requestsPerSecond');
      const ourP50 = pick(ourRuns, 'p50');
      const ourP99 = pick(ourRuns, 'p99');
      const bareP50 = pick(bareRuns, 'p50');
      const bareP99 = pick(bareRuns, 'p99');
      const naiveRps = pick(naiveRuns, 'requestsPerSecond');
      const naiveP50 = pick(naiveRuns, 'p50');
      const naiveP99 = pick(naiveRuns, 'p99');
      const ratio = ourRps.median / bareRps.median;
      // CPU per request, Node + PostgreSQL: what bounds throughput when the cores are the limit,
      // and what the neighbours' load distorts least.
      const cpu = (runs: LoadResult[]): { node: number; postgres: number; total: number } => {
        const node = pick(runs, 'nodeCpuMs').median;
        const postgres = pick(runs, 'postgresCpuMs').median;
        return { node, postgres, total: node + postgres };
      };
      const bareCpu = cpu(bareRuns);
      const ourCpu = cpu(ourRuns);
      const naiveCpu = cpu(naiveRuns);
      const cpuRatio = naiveCpu.total / ourCpu.total;
      // Ours against the peer, repetition by repetition (each pair ran back to back), then the median.
      const naiveRatio = series(ourRuns.map((run, n) => run.requestsPerSecond / naiveRuns[n]!.requestsPerSecond));
      const valid = !rejoined;
      const markdown = [
        `Incidents service as a process, ${concurrency} keep-alive connections (closed loop), ${repetitions} × ${seconds} s per side after a warm-up, alternated. ${created} incidents reported; incidents and outbox rows equal the 201 answers; consumer groups unchanged: ${!rejoined}. Naive peer (bench/naive-peer): ${naiveCreated} rows equal its 201 answers.`,
        '',
        '| case | req/s median (min–max, ±half-range) | p50 ms | p99 ms |',
        '|---|---|---|---|',
        `| GET /health/live (bare, same process) | ${seriesCell(bareRps)} | ${fmt(bareP50.median, 1)} | ${fmt(bareP99.median, 1)} |`,
        `| POST /api/v1/incidents (report-incident) | ${seriesCell(ourRps)} | ${fmt(ourP50.median, 1)} | ${fmt(ourP99.median, 1)} |`,
        `| POST /api/v1/incidents, naive peer (TypeORM \`save()\`) | ${seriesCell(naiveRps)} | ${fmt(naiveP50.median, 1)} | ${fmt(naiveP99.median, 1)} |`,
        `| **ours / bare** | **${pct(ratio)}** | | |`,
        `| **ours / naive** (per repetition: ${naiveRatio.runs.map((r) => pct(r)).join(', ')}) | **${pct(naiveRatio.median)}** | | |`,
        '',
        'CPU per answered request (median of the repetitions, from /proc: the Node process and its PostgreSQL backends):',
        '',
        '| case | Node ms | PostgreSQL ms | total ms |',
        '|---|---|---|---|',
        `| bare | ${fmt(bareCpu.node, 2)} | ${fmt(bareCpu.postgres, 2)} | ${fmt(bareCpu.total, 2)} |`,
        `| report-incident (ours) | ${fmt(ourCpu.node, 2)} | ${fmt(ourCpu.postgres, 2)} | ${fmt(ourCpu.total, 2)} |`,
        `| naive peer | ${fmt(naiveCpu.node, 2)} | ${fmt(naiveCpu.postgres, 2)} | ${fmt(naiveCpu.total, 2)} |`,
        `| **naive / ours** (the throughput ratio the CPU allows) | | | **${pct(cpuRatio)}** |`,
        '',
        `Peak RSS (VmHWM) under this load: incidents process ${fmt(memory.peakMiB, 0)} MiB (current ${fmt(memory.currentMiB, 0)} MiB), naive peer ${fmt(naiveMemory.peakMiB, 0)} MiB.`,
      ].join('\n');
      process.stdout.write(`\n${markdown}\n`);
      await writeResult('http', 'HTTP command benchmark (report-incident) and memory', {
        markdown,
        summary: [
          {
            case: 'HTTP command',
            ours: `${fmt(ourRps.median)} req/s, p50 ${fmt(ourP50.median, 1)} ms, p99 ${fmt(ourP99.median, 1)} ms`,
            baseline: `${fmt(bareRps.median)} req/s (GET /health/live, same process)`,
            ratio,
            target: '≥ 30%',
            met: ratio >= 0.3,
            valid,
            notes: valid ? undefined : 'a consumer group changed members during the run',
          },
          {
            case: 'HTTP command against the naive peer',
            ours: `${fmt(ourRps.median)} req/s`,
            baseline: `${fmt(naiveRps.median)} req/s (NestJS + TypeORM save(), same DTO, same database)`,
            ratio: naiveRatio.median,
            target: '≥ 100%',
            met: naiveRatio.median >= 1,
            valid,
            notes: `CPU per report: ours ${fmt(ourCpu.total, 2)} ms (Node ${fmt(ourCpu.node, 2)}, PostgreSQL ${fmt(ourCpu.postgres, 2)}), naive ${fmt(naiveCpu.total, 2)} ms`,
          },
          { case: 'memory (incidents, HTTP case)', ours: `peak RSS ${fmt(memory.peakMiB)} MiB`, baseline: '—', ratio: null, target: 'reported', met: null, valid: true },
        ],
        data: { concurrency, seconds, repetitions, created, bare: { requestsPerSecond: bareRps, p50: bareP50, p99: bareP99 }, reportIncident: { requestsPerSecond: ourRps, p50: ourP50, p99: ourP99 }, naivePeer: { created: naiveCreated, requestsPerSecond: naiveRps, p50: naiveP50, p99: naiveP99 }, ratio, naiveRatio, cpuPerRequestMs: { bare: bareCpu, reportIncident: ourCpu, naivePeer: naiveCpu }, cpuRatio, memory: { incidents: memory, naivePeer: naiveMemory }, consumerGroupsUnchanged: !rejoined },
      });
      if (!valid) throw new Error('a consumer group rejoined during the run: the run is invalid');
    } finally {
      await naivePeer?.stop();
      await service.stop();
    }
  }),
);

/** Members of the service's consumer groups: a rejoin after a lost session shows as a new member id. */
async function groupMembers(brokers: string[], prefix: string): Promise<Record<string, string[]>> {
  const admin = new Kafka({ clientId: 'bench-http-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups.map((group) => group.groupId).filter((id) => id.startsWith(prefix)).sort();
    const described = await admin.describeGroups(groups);
    return Object.fromEntries(described.groups.map((group) => [group.groupId, group.members.map((member) => member.memberId).sort()]));
  } finally {
    await admin.disconnect();
  }
}

