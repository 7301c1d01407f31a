import { topicFor, type EventEnvelope } from '@binh-yen/contracts';
import {
  bearer,
  consumerStates,
  createTestDatabase,
  publishEvents,
  serviceEnv,
  startServiceProcess,
  testBrokers,
  uniqueTopicPrefix,
  unitRegistered,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';
import { Client } from 'pg';

/** The incidents and reporting services as processes, each on its own fresh database. */
export class PlatformUnderTest {
  readonly topicPrefix = uniqueTopicPrefix();
  incidents!: ServiceProcess;
  reporting!: ServiceProcess;
  incidentsDb!: TestDatabase;
  reportingDb!: TestDatabase;
  /** The units the incidents service must know (its replica is fed by the units topic); made once, published once. */
  readonly units: EventEnvelope[] = [
    unitRegistered({ code: '25', name: 'Tỉnh Phú Thọ', path: '25', kind: 'province', subkind: 'province' }),
    unitRegistered({ code: '227', name: 'Thành phố Việt Trì', path: '25.227', kind: 'district', subkind: 'city' }),
    unitRegistered({ code: '237', name: 'Huyện Lâm Thao', path: '25.237', kind: 'district', subkind: 'district' }),
    unitRegistered({ code: '07882', name: 'Phường Dữu Lâu', path: '25.227.07882' }),
    unitRegistered({ code: '08020', name: 'Thị trấn Hùng Sơn', path: '25.237.08020', kind: 'commune', subkind: 'township' }),
  ];
  private unitsSeeded = false;

  async createDatabases(): Promise<void> {
    this.incidentsDb = await createTestDatabase('incidents');
    this.reportingDb = await createTestDatabase('reporting');
  }

  /** Starts the incidents service and, the first time, seeds its units replica through the units topic. */
  async startIncidents(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    this.incidents = await startServiceProcess({ service: 'incidents', env: serviceEnv(this.incidentsDb.url, this.topicPrefix, extra) });
    await this.seedUnits();
    return this.incidents;
  }

  /** Publishes the units as the units service would, and waits until the incidents replica has them. */
  async seedUnits(brokers: string[] = testBrokers()): Promise<void> {
    if (this.unitsSeeded) return;
    await publishEvents(topicFor('unit', this.topicPrefix), this.units, brokers);
    const ids = this.units.map((event) => event.id);
    await waitFor(
      async () => Number((await this.sql<{ n: string }>(this.incidentsDb, `SELECT count(*) AS n FROM known_units WHERE unit_id = ANY($1::uuid[])`, [this.units.map((event) => event.aggregate.id)]))[0]!.n),
      (known) => known === ids.length,
      { timeoutMs: 60_000, description: 'the incidents units replica to apply the seeded units' },
    );
    this.unitsSeeded = true;
  }

  async startReporting(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    this.reporting = await startServiceProcess({ service: 'reporting', env: serviceEnv(this.reportingDb.url, this.topicPrefix, extra) });
    await waitFor(() => consumerStates(this.reporting.url), (states) => states.length > 0 && states.every((s) => s.state === 'running'), {
      timeoutMs: 60_000,
      description: 'reporting consumers to join their groups',
    });
    return this.reporting;
  }

  async postIncident(body: Record<string, unknown>): Promise<Response> {
    return fetch(`${this.incidents.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: await bearer(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async incidentCounts(quarter: string, area?: string): Promise<{ total: number; byCategory: { category: string; incidents: number }[] }> {
    const query = new URLSearchParams({ quarter, ...(area ? { area } : {}) });
    const response = await fetch(`${this.reporting.url}/api/v1/reports/incident-counts?${query}`, {
      headers: { authorization: await bearer() },
    });
    if (response.status !== 200) throw new Error(`incident-counts answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { total: number; byCategory: { category: string; incidents: number }[] };
  }

  async reportingFreshness(): Promise<Record<string, { lag: number | null }>> {
    const response = await fetch(`${this.reporting.url}/api/v1/reports/freshness`, { headers: { authorization: await bearer() } });
    return (await response.json()) as Record<string, { lag: number | null }>;
  }

  async waitForTotal(quarter: string, expected: number, timeoutMs = 30_000): Promise<void> {
    await waitFor(() => this.incidentCounts(quarter), (counts) => counts.total >= expected, {
      timeoutMs,
      description: `${expected} incidents in ${quarter}`,
    });
  }

  /** Runs SQL on a service's own database (the test reads it as an oracle). */
  async sql<T>(database: TestDatabase, text: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.incidents?.stop(), this.reporting?.stop()]);
    await Promise.allSettled([this.incidentsDb?.drop(), this.reportingDb?.drop()]);
  }
}
