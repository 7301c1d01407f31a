import { bearer, consumerStates, createTestDatabase, serviceEnv, startServiceProcess, uniqueTopicPrefix, waitFor, type ServiceProcess, type TestDatabase } from '@binh-yen/testing';
import { Client } from 'pg';

/** The incidents and reporting services as processes, each on its own fresh database. */
export class PlatformUnderTest {
  readonly topicPrefix = uniqueTopicPrefix();
  incidents!: ServiceProcess;
  reporting!: ServiceProcess;
  incidentsDb!: TestDatabase;
  reportingDb!: TestDatabase;

  async createDatabases(): Promise<void> {
    this.incidentsDb = await createTestDatabase('incidents');
    this.reportingDb = await createTestDatabase('reporting');
  }

  async startIncidents(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    this.incidents = await startServiceProcess({ service: 'incidents', env: serviceEnv(this.incidentsDb.url, this.topicPrefix, extra) });
    return this.incidents;
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
