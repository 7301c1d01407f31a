import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  bearer,
  consumerStates,
  provincialAnalyst,
  createTestDatabase,
  listConsumerGroups,
  repoRoot,
  serviceEnv,
  startServiceProcess,
  uniqueTopicPrefix,
  waitFor,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';

import { alertRules, eventPathDashboard, TARGET_LABELS } from '@binh-yen/k8s-manifests';
import { dashboardQueries, exposedSeries, missingFrom } from './promql-references';

const SERVICES = ['units', 'incidents', 'campaigns', 'reporting'] as const;

interface Trigger {
  type: string;
  metadata: { consumerGroup?: string; topic?: string };
}

/** The (group, topic) pairs the committed ScaledObjects of deploy/k8s/base watch. */
function scaledGroups(): string[] {
  const folder = join(repoRoot(), 'deploy', 'k8s', 'base');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) => parseAllDocuments(readFileSync(join(folder, file), 'utf8')).map((doc) => doc.toJS() as { kind: string; spec?: { triggers?: Trigger[] } }))
    .filter((document) => document.kind === 'ScaledObject')
    .flatMap((document) => (document.spec?.triggers ?? []).filter((t) => t.type === 'kafka').map((t) => `${t.metadata.consumerGroup} ${t.metadata.topic}`))
    .sort();
}

/**
 * ADR 0038, against the services as they really run: every consumer group the four services join on the
 * broker (and every topic each reads) has its KEDA trigger in the rendered manifests, and nothing else does;
 * and one image runs as an API (HTTP_ENABLED, no consumers) or as a projector (CONSUMERS_ENABLED, only
 * /health and /metrics on its port).
 */
describe('API and projector Deployments, KEDA from the registry', () => {
  const prefix = uniqueTopicPrefix();
  const databases: TestDatabase[] = [];
  const processes: ServiceProcess[] = [];

  afterAll(async () => {
    await Promise.allSettled(processes.map((process) => process.stop()));
    await Promise.allSettled(databases.map((database) => database.drop()));
  });

  it('renders a trigger for every consumer group the services join, on every topic each reads, and none more', async () => {
    for (const service of SERVICES) {
      const database = await createTestDatabase(service);
      databases.push(database);
      processes.push(await startServiceProcess({ service, label: `${service}-groups`, env: serviceEnv(database.url, prefix, { INCIDENTS_INFORMANT_KEY: randomBytes(32).toString('base64') }) }));
    }
    const joined: string[] = [];
    for (const process of processes) {
      const states = await waitFor(() => consumerStates(process.url), (all) => all.every((s) => s.state === 'running'), { timeoutMs: 120_000, description: 'every consumer running' });
      const topics = (await (await fetch(`${process.url}/health/ready`)).json()) as { checks: { messaging: { detail: { consumers: { groupId: string; topics: string[] }[] } } } };
      expect(states.length).toBe(topics.checks.messaging.detail.consumers.length);
      for (const consumer of topics.checks.messaging.detail.consumers) {
        for (const topic of consumer.topics) joined.push(`${consumer.groupId.slice(prefix.length)} ${topic.slice(prefix.length)}`);
      }
    }
    // The broker's view: the groups that exist under this test's prefix are exactly those.
    const onBroker = (await listConsumerGroups()).filter((group) => group.startsWith(prefix)).map((group) => group.slice(prefix.length));
    expect(onBroker.sort()).toEqual([...new Set(joined.map((entry) => entry.split(' ')[0]!))].sort());
    expect(joined.sort()).toEqual(scaledGroups());
    expect(scaledGroups()).toContain('reporting.movement.v1 binhyen.model');
  }, 300_000);

  it('runs one image as an API without consumers or as a projector that answers only /health and /metrics', async () => {
    const database = databases.find((db) => db.url.includes('reporting'))!;
    const api = await startServiceProcess({ service: 'reporting', label: 'reporting-api', env: serviceEnv(database.url, prefix, { CONSUMERS_ENABLED: 'false' }) });
    processes.push(api);
    const projector = await startServiceProcess({ service: 'reporting', label: 'reporting-projector', env: serviceEnv(database.url, prefix, { HTTP_ENABLED: 'false' }) });
    processes.push(projector);

    expect(await consumerStates(api.url)).toEqual([]);
    const token = await bearer(provincialAnalyst);
    expect((await fetch(`${api.url}/api/v1/reports/freshness`, { headers: { authorization: token } })).status).toBe(200);
    expect((await fetch(`${api.url}/api/docs/openapi.json`)).status).toBe(200);

    // Every group reporting's committed KEDA triggers watch (checked against the broker above).
    const registered = [...new Set(scaledGroups().map((entry) => entry.split(' ')[0]!).filter((group) => group.startsWith('reporting.')))].sort();
    const states = await waitFor(() => consumerStates(projector.url), (all) => all.length === registered.length && all.every((s) => s.state === 'running'), { timeoutMs: 120_000, description: 'the projector consuming' });
    expect(states.map((s) => s.groupId.slice(prefix.length)).sort()).toEqual(registered);
    expect(registered).toContain('reporting.incident-counts.v1');
    expect((await fetch(`${projector.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${projector.url}/metrics`)).status).toBe(200);
    for (const path of ['/api/v1/reports/freshness', '/api/docs/openapi.json', '/api/docs']) {
      const refused = await fetch(`${projector.url}${path}`, { headers: { authorization: token } });
      expect([path, refused.status, refused.headers.get('content-type')]).toEqual([path, 404, expect.stringContaining('application/problem+json')]);
      expect(((await refused.json()) as { type: string }).type).toBe('urn:binh-yen:problem:api-disabled');
    }
  }, 300_000);

  it('exports every metric and label the alerts and the dashboard read (ADR 0052)', async () => {
    // The whole services, the API and the projector: what Prometheus would scrape from every kind of pod.
    const queries = [...alertRules.map((rule) => ({ name: rule.alert, expr: rule.expr, legend: '' })), ...dashboardQueries(eventPathDashboard()).map((query) => ({ name: query.expr, ...query }))];
    const gaps = (series: Map<string, Set<string>>) => queries.flatMap((query) => missingFrom(series, query.expr, query.legend, TARGET_LABELS).map((gap) => `${query.name}: ${gap}`));
    const scrapeAll = async (): Promise<Map<string, Set<string>>> => {
      const series = new Map<string, Set<string>>();
      for (const process of processes) {
        for (const [name, labels] of exposedSeries(await (await fetch(`${process.url}/metrics`)).text())) series.set(name, new Set([...(series.get(name) ?? []), ...labels]));
      }
      return series;
    };
    // Some series appear only once something happened: a projection's watermark after its first event (the
    // incidents service publishes its taxonomy at first start; reporting's taxonomy-names projection applies it).
    let series = await scrapeAll();
    for (const deadline = Date.now() + 60_000; gaps(series).length > 0 && Date.now() < deadline; series = await scrapeAll()) await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(gaps(series)).toEqual([]);
    // The check reads real series: the consumers' group label and the process start time among them.
    expect([...(series.get('binhyen_consumer_lag') ?? [])].sort()).toEqual(['group', 'partition', 'topic']);
    expect(series.has('process_start_time_seconds')).toBe(true);
  }, 120_000);
});
