import { randomUUID } from 'node:crypto';
import { deadLetterTopicFor, topicFor } from '@binh-yen/contracts';
import type { Caller } from '@binh-yen/auth';
import {
  bearer,
  consumerStates,
  findFreePort,
  policeOfficer,
  serviceEnv,
  startBroker,
  startCluster,
  startServiceProcess,
  uniqueTopicPrefix,
  waitFor,
  type RunningBroker,
  type RunningCluster,
  type ServiceProcess,
} from '@binh-yen/testing';
import { Client } from 'pg';
import { createTopics } from './kafka-admin';
import { PrivateCluster } from './pg-cluster';

/** The broker's limit for one record batch on the units topic, lowered so scenario 10 can reach it with a legal request. */
export const UNIT_TOPIC_MAX_MESSAGE_BYTES = 131_072;
/** What the units service is told (KAFKA_MAX_EVENT_BYTES): below the topic's limit. */
export const UNITS_MAX_EVENT_BYTES = 120_000;
export const MOVEMENT_CONSUMER = 'movement.v1';

const registrar: Caller = { subject: 'faults-registrar', agency: 'people-committee', roles: ['officer'], area: '25' };

export interface SeededUnit {
  code: string;
  path: string;
}

/**
 * The local stack of the fault suite, all of it private to the suite: its own Kafka broker
 * (killed, paused), its own PostgreSQL cluster (restarted), and the units and reporting
 * services as processes on it. Scenarios share one stack; each leaves it running.
 */
export type StackKafka = 'broker' | 'cluster';

export class FaultStack {
  readonly prefix = uniqueTopicPrefix();
  /** The single broker (scenarios 1–12); on a cluster stack, its first node. */
  broker!: RunningBroker;
  /** Three brokers with a quorum of three, RF 3, min.insync.replicas 2 (scenarios 13, 14). */
  cluster?: RunningCluster;
  pg!: PrivateCluster;
  unitsDbUrl!: string;
  reportingDbUrl!: string;
  units!: ServiceProcess;
  /** Reporting processes currently running (scenario 6 runs two). */
  reporting: ServiceProcess[] = [];
  readonly communes: SeededUnit[] = [];
  /** Events put on the topic by hand that consumers must apply (scenario 9), by id. */
  readonly injectedApplied = new Set<string>();
  /** Raw messages put on the topic by hand that consumers must dead-letter, by id (or marker). */
  readonly injectedDeadLetters = new Set<string>();
  /** Unit ids that exist only through injected events (not in the units database). */
  readonly injectedUnitIds = new Set<string>();

  get unitTopic(): string {
    return topicFor('unit', this.prefix);
  }

  get brokers(): string[] {
    return this.cluster?.brokers ?? this.broker.brokers;
  }

  static async start(log: (line: string) => void = () => undefined, kafka: StackKafka = 'broker'): Promise<FaultStack> {
    const stack = new FaultStack();
    const began = Date.now();
    const [started, pg] = await Promise.all([
      kafka === 'cluster' ? startCluster() : startBroker({ port: await findFreePort(), controllerPort: await findFreePort(), fresh: true }),
      PrivateCluster.start(),
    ]);
    if ('nodes' in started) {
      stack.cluster = started;
      stack.broker = started.nodes[0]!;
    } else {
      stack.broker = started;
    }
    stack.pg = pg;
    // serviceEnv() and the topic reader take the brokers from here.
    process.env['KAFKA_BROKERS'] = stack.brokers.join(',');
    log(`${kafka === 'cluster' ? 'cluster' : 'broker'} ${stack.brokers.join(',')} and PostgreSQL on port ${pg.port} in ${Date.now() - began} ms`);
    stack.unitsDbUrl = await pg.createDatabase('faults_units');
    stack.reportingDbUrl = await pg.createDatabase('faults_reporting');
    await createTopics(stack.brokers, [stack.unitTopic, deadLetterTopicFor(stack.unitTopic)], 3, { 'max.message.bytes': String(UNIT_TOPIC_MAX_MESSAGE_BYTES) });
    await Promise.all([stack.startUnits(), stack.startReporting()]);
    log(`services ready in ${Date.now() - began} ms`);
    await stack.seed();
    log(`seeded ${stack.communes.length} communes in ${Date.now() - began} ms`);
    return stack;
  }

  env(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
    return serviceEnv(databaseUrl, this.prefix, {
      KAFKA_BROKERS: this.brokers.join(','),
      RATE_LIMIT_PER_MINUTE: '0',
      DATABASE_POOL_SIZE: '10',
      LOG_LEVEL: 'warn',
      ...extra,
    });
  }

  async startUnits(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    this.units = await startServiceProcess({ service: 'units', label: 'faults-units', env: this.env(this.unitsDbUrl, { KAFKA_MAX_EVENT_BYTES: String(UNITS_MAX_EVENT_BYTES), ...extra }) });
    return this.units;
  }

  /** Starts one more reporting process (on the same database, in the same consumer groups). */
  async startReporting(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    const armed = Boolean(extra['BINHYEN_FAILPOINTS']);
    const process = await startServiceProcess({ service: 'reporting', label: 'faults-reporting', env: this.env(this.reportingDbUrl, extra), mayExitDuringStart: armed });
    this.reporting.push(process);
    if (!armed) {
      await waitFor(() => consumerStates(process.url), (states) => states.length > 0 && states.every((s) => s.state === 'running'), {
        timeoutMs: 90_000,
        description: 'reporting consumers to join their groups',
      });
    }
    void process.exited.then(() => {
      this.reporting = this.reporting.filter((running) => running !== process);
    });
    return process;
  }

  /** Stops (SIGTERM) or kills (SIGKILL) every reporting process. */
  async stopReporting(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const running = [...this.reporting];
    await Promise.all(running.map((process) => (signal === 'SIGKILL' ? process.kill('SIGKILL') : process.stop())));
    this.reporting = this.reporting.filter((process) => !running.includes(process));
  }

  async restartUnits(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    await this.units.stop();
    return this.startUnits(extra);
  }

  /** A province, two districts and twelve communes, registered through the API like a clerk would. */
  private async seed(): Promise<void> {
    const register = async (body: Record<string, unknown>): Promise<void> => {
      const response = await this.call('POST', '/api/v1/units', { ...body, effectiveFrom: '1998-01-01' }, registrar);
      if (response.status !== 201) throw new Error(`registering ${String(body['code'])} answered ${response.status}: ${await response.text()}`);
    };
    await register({ code: '25', name: 'Tỉnh Phú Thọ', kind: 'province', subkind: 'province' });
    for (const [district, name] of [['227', 'Thành phố Việt Trì'], ['237', 'Huyện Lâm Thao']] as const) {
      await register({ code: district, name, kind: 'district', subkind: 'district', parentCode: '25' });
      for (let i = 0; i < 6; i++) {
        const code = `${district}${String(i).padStart(2, '0')}`;
        await register({ code, name: `Xã thử nghiệm ${code}`, kind: 'commune', subkind: 'commune', parentCode: district });
        this.communes.push({ code, path: `25.${district}.${code}` });
      }
    }
  }

  randomCommune(): string {
    return this.communes[Math.floor(Math.random() * this.communes.length)]!.code;
  }

  async call(method: string, path: string, body: unknown, caller: Caller = policeOfficer, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.units.url}${path}`, {
      method,
      headers: { authorization: await bearer(caller), 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
    });
  }

  /** Rates a commune for a quarter (a new revision each time). */
  rate(code: string, quarter: string, input: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
    return this.call('PUT', `/api/v1/units/${code}/ratings/${quarter}`, ratingBody(input), policeOfficer, headers);
  }

  async sql<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: url });
    client.on('error', () => undefined); // a restarted server ends the session; the query itself reports it
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  units$<T>(text: string, values: unknown[] = []): Promise<T[]> {
    return this.sql<T>(this.unitsDbUrl, text, values);
  }

  reporting$<T>(text: string, values: unknown[] = []): Promise<T[]> {
    return this.sql<T>(this.reportingDbUrl, text, values);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.units?.stop(), ...this.reporting.map((process) => process.stop())]);
    await Promise.allSettled([this.cluster ? this.cluster.stop() : this.broker?.stop(), this.pg?.destroy()]);
  }
}

export function ratingBody(input: Record<string, unknown>): Record<string, unknown> {
  return {
    assessor: 'Đại úy Nguyễn Văn An',
    assessedOn: '2026-10-05',
    justification: `Không để xảy ra tội phạm nghiêm trọng (${randomUUID().slice(0, 8)})`,
    ...input,
  };
}
