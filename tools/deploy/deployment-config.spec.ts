import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KNOWN_SECRETS, ServiceEnv } from '@binh-yen/service-runtime';
import { CampaignsEnv } from '@binh-yen/campaigns-app';
import { UPSTREAM_SERVICES } from '@binh-yen/dashboard-server';
import { IncidentsEnv } from '@binh-yen/incidents-app';
import { ReportingEnv } from '@binh-yen/reporting-app';
import { UnitsEnv } from '@binh-yen/units-app';
import { alertRules, eventPathDashboard, KAFKA_TRIGGER_AUTH, MIN_REPLICAS, renderGatewayApiComponent, renderManifests, renderObservabilityComponent, scaledGroupsOf, TARGET_LABELS } from '@binh-yen/k8s-manifests';
import { dashboardQueries, promqlReferences } from './promql-references';

const root = join(__dirname, '..', '..');

const envClasses = { units: UnitsEnv, incidents: IncidentsEnv, campaigns: CampaignsEnv, reporting: ReportingEnv } as const;
type ServiceName = keyof typeof envClasses;

/** Every variable a service's validated config knows, and the ones it cannot start without. */
function variablesOf(service: ServiceName): { known: Set<string>; required: string[] } {
  const shape = envClasses[service];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(shape, '', true, false);
  const instance = new shape() as unknown as Record<string, unknown>;
  const known = new Set([...metadata.map((m) => m.propertyName), ...Object.keys(instance)]);
  const optional = new Set(metadata.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName));
  const required = [...known].filter((name) => instance[name] === undefined && !optional.has(name));
  return { known, required };
}

type Manifest = { kind: string; apiVersion: string; metadata: { name: string; labels?: Record<string, string> }; spec?: Record<string, unknown> };

/** The service a Deployment belongs to (its API and its projector share the name label). */
const serviceOf = (deployment: Manifest): string => deployment.metadata.labels?.['app.kubernetes.io/name'] ?? deployment.metadata.name;

function manifests(folder = join(root, 'deploy', 'k8s', 'base')): Manifest[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
    .flatMap((file) => parseAllDocuments(readFileSync(join(folder, file), 'utf8')).map((doc) => doc.toJS() as Manifest));
}

type ComposeService = { build?: { dockerfile?: string; target?: string; args?: Record<string, string> }; environment?: Record<string, string>; depends_on?: Record<string, { condition: string }> };

/** docker-compose.yml's containers that run a service (the topics job builds the image's build stage), merge keys resolved. */
function composeServices(): Record<string, ComposeService> {
  const { services } = parseAllDocuments(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true })[0]!.toJS() as { services: Record<string, ComposeService> };
  return Object.fromEntries(Object.entries(services).filter(([, entry]) => entry.build?.dockerfile === 'deploy/docker/service.Dockerfile' && !entry.build.target));
}

function validate(folder?: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(__dirname, 'validate-k8s.mjs'), ...(folder ? [folder] : [])], (error, stdout) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}

describe('deployment configuration, checked without Docker or a cluster', () => {
  const documents = manifests();

  it('is valid against the Kubernetes schemas (and the check does catch a broken manifest)', async () => {
    const valid = await validate();
    expect(valid.code).toBe(0);
    expect(valid.stdout.split('\n').filter((line) => line.startsWith('valid')).length).toBeGreaterThanOrEqual(20);
    const broken = mkdtempSync(join(tmpdir(), 'k8s-'));
    writeFileSync(join(broken, 'bad.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: two\n  selector: {}\n  template: {}\n');
    const invalid = await validate(broken);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('INVALID bad.yaml: Deployment/x');
    for (const component of ['gateway-api', 'observability']) expect((await validate(join(root, 'deploy', 'k8s', 'components', component))).code).toBe(0);
  });

  it('is what the generator renders (npm run k8s:render after editing it)', () => {
    for (const [folder, files] of [
      ['base', renderManifests()],
      ['components/gateway-api', renderGatewayApiComponent()],
      ['components/observability', renderObservabilityComponent()],
    ] as const) {
      for (const [file, text] of files) expect([folder, file, readFileSync(join(root, 'deploy', 'k8s', folder, file), 'utf8') === text]).toEqual([folder, file, true]);
    }
  });

  it('publishes the gateway, and only it, through an Ingress with TLS (or the Gateway API component)', () => {
    const byKind = (kind: string, from = documents): Manifest[] => from.filter((d) => d.kind === kind);
    const servicePorts = new Map(byKind('Service').map((s) => [s.metadata.name, (s.spec!['ports'] as { name: string; port: number }[])]));
    const [ingress, ...more] = byKind('Ingress');
    expect(more).toEqual([]);
    const spec = ingress!.spec as {
      tls: { hosts: string[]; secretName: string }[];
      rules: { host: string; http: { paths: { path: string; pathType: string; backend: { service: { name: string; port: { name: string } } } }[] } }[];
    };
    expect(spec.tls).toEqual([{ hosts: [spec.rules[0]!.host], secretName: 'binh-yen-tls' }]);
    const backends = spec.rules.flatMap((rule) => rule.http.paths.map((path) => ({ path: path.path, type: path.pathType, service: path.backend.service.name, port: path.backend.service.port.name })));
    // Every public path (the dashboard, /svc/<service>/api/v1, /api/<service>/v1|docs) is under the gateway's `/`.
    expect(backends).toEqual([{ path: '/', type: 'Prefix', service: 'gateway', port: 'http' }]);
    expect(servicePorts.get('gateway')?.map((port) => port.name)).toContain('http');

    const gatewayApi = manifests(join(root, 'deploy', 'k8s', 'components', 'gateway-api'));
    const gateway = byKind('Gateway', gatewayApi)[0]!;
    const listeners = (gateway.spec!['listeners'] as { name: string; protocol: string; tls?: { certificateRefs: { name: string }[] } }[]);
    expect(listeners.find((l) => l.protocol === 'HTTPS')?.tls?.certificateRefs).toEqual([{ kind: 'Secret', name: 'binh-yen-tls' }]);
    for (const route of byKind('HTTPRoute', gatewayApi)) {
      const { parentRefs, rules } = route.spec as { parentRefs: { name: string; sectionName: string }[]; rules: { backendRefs?: { name: string; port: number }[] }[] };
      for (const parent of parentRefs) expect(listeners.map((l) => `${gateway.metadata.name}/${l.name}`)).toContain(`${parent.name}/${parent.sectionName}`);
      for (const backend of rules.flatMap((rule) => rule.backendRefs ?? [])) {
        expect(backend.name).toBe('gateway');
        expect(servicePorts.get(backend.name)?.map((port) => port.port)).toContain(backend.port);
      }
    }

    // The gateway reaches every service, and every service admits the gateway.
    const policies = new Map(byKind('NetworkPolicy').map((p) => [p.metadata.name, JSON.stringify(p.spec)]));
    for (const service of UPSTREAM_SERVICES) {
      expect(policies.get('gateway')).toContain(`{"podSelector":{"matchLabels":{"app.kubernetes.io/name":"${service}","app.kubernetes.io/component":"api"}}}`);
      expect(policies.get(`${service}-api`)).toContain('{"podSelector":{"matchLabels":{"app.kubernetes.io/name":"gateway"}}}');
      // A projector serves no API: the gateway does not reach it.
      expect(policies.get(`${service}-projector`) ?? '').not.toContain('"gateway"');
    }
  });

  it('scales each projector on the lag of every consumer group it runs, from the projection registry (the movement group on its model topic too)', () => {
    const projectors = documents.filter((d) => d.kind === 'Deployment' && d.metadata.name.endsWith('-projector')).map((d) => d.metadata.name);
    expect(projectors.sort()).toEqual(['campaigns-projector', 'incidents-projector', 'reporting-projector']);
    for (const service of Object.keys(envClasses) as ServiceName[]) {
      const scaled = documents.find((d) => d.kind === 'ScaledObject' && (d.spec!['scaleTargetRef'] as { name: string }).name === `${service}-projector`);
      const triggers = ((scaled?.spec!['triggers'] ?? []) as { type: string; metadata: { consumerGroup?: string; topic?: string } }[]).filter((t) => t.type === 'kafka');
      expect([service, triggers.map((t) => ({ group: t.metadata.consumerGroup, topic: t.metadata.topic }))]).toEqual([service, scaledGroupsOf(service)]);
    }
    expect(scaledGroupsOf('units')).toEqual([]);
    const reporting = scaledGroupsOf('reporting');
    expect(new Set(reporting.map((g) => g.group))).toEqual(new Set(['reporting.movement.v1', 'reporting.incident-counts.v1', 'reporting.campaign-figures.v1', 'reporting.case-pipeline.v1', 'reporting.taxonomy-names.v1']));
    expect(reporting).toContainEqual({ group: 'reporting.movement.v1', topic: 'binhyen.model' });
    expect(scaledGroupsOf('incidents')).toEqual([{ group: 'incidents.known-units.v1', topic: 'binhyen.unit' }]);
    for (const document of documents.filter((d) => d.kind === 'ScaledObject')) {
      const target = (document.spec!['scaleTargetRef'] as { name: string }).name;
      expect(documents.some((d) => d.kind === 'Deployment' && d.metadata.name === target && target.endsWith('-projector'))).toBe(true);
    }
  });

  it('runs each service as an API Deployment and, where it has projections, a projector Deployment from the same image', () => {
    for (const document of documents.filter((d) => d.kind === 'Deployment' && d.metadata.name !== 'gateway')) {
      const part = document.metadata.name.slice(serviceOf(document).length + 1);
      const container = (document.spec!['template'] as { spec: { containers: { image: string; env: { name: string; value?: string }[] }[] } }).spec.containers[0]!;
      const value = (name: string): string | undefined => container.env.find((v) => v.name === name)?.value;
      expect([document.metadata.name, value('HTTP_ENABLED'), value('CONSUMERS_ENABLED')]).toEqual([document.metadata.name, String(part === 'api'), String(part === 'projector')]);
      expect(container.image).toBe(`binh-yen/${serviceOf(document)}:latest`);
    }
    // The gateway's upstream Service selects the API pods only.
    for (const service of UPSTREAM_SERVICES) {
      const selector = documents.find((d) => d.kind === 'Service' && d.metadata.name === service)!.spec!['selector'] as Record<string, string>;
      expect(selector['app.kubernetes.io/component']).toBe('api');
    }
  });

  it('lets nodes drain: every Deployment keeps two pods at least, and its PDB lets one go at a time', () => {
    const deployments = documents.filter((d) => d.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['campaigns-api', 'campaigns-projector', 'gateway', 'incidents-api', 'incidents-projector', 'reporting-api', 'reporting-projector', 'units-api']);
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const labels = (deployment.spec!['selector'] as { matchLabels: Record<string, string> }).matchLabels;
      const budgets = documents.filter((d) => d.kind === 'PodDisruptionBudget' && JSON.stringify((d.spec!['selector'] as { matchLabels: unknown }).matchLabels) === JSON.stringify(labels));
      expect([name, budgets.map((b) => b.spec)]).toEqual([name, [{ maxUnavailable: 1, selector: { matchLabels: labels } }]]);
      expect([name, deployment.spec!['replicas']]).toEqual([name, MIN_REPLICAS]);
      const scalers = documents.filter((d) => (d.kind === 'HorizontalPodAutoscaler' || d.kind === 'ScaledObject') && (d.spec!['scaleTargetRef'] as { name: string }).name === name);
      expect([name, scalers.length]).toEqual([name, 1]);
      const floor = scalers[0]!.kind === 'ScaledObject' ? scalers[0]!.spec!['minReplicaCount'] : scalers[0]!.spec!['minReplicas'];
      expect([name, floor]).toEqual([name, MIN_REPLICAS]);
      // APIs (and the gateway) on an HPA by CPU; projectors on KEDA (lag and CPU).
      expect([name, scalers[0]!.kind]).toEqual([name, name.endsWith('-projector') ? 'ScaledObject' : 'HorizontalPodAutoscaler']);
      // Every scaler also follows CPU (the APIs' load), KEDA's as a trigger beside the lag.
      expect([name, JSON.stringify(scalers[0]!.spec).includes('cpu')]).toEqual([name, true]);
    }
  });

  it('scales on lag with KEDA through a TriggerAuthentication that carries the brokers\' TLS and SCRAM settings', () => {
    const [auth, ...others] = documents.filter((d) => d.kind === 'TriggerAuthentication');
    expect(others).toEqual([]);
    expect(auth!.metadata.name).toBe(KAFKA_TRIGGER_AUTH);
    const parameters = (auth!.spec!['secretTargetRef'] as { parameter: string; name: string; key: string }[]);
    expect(parameters.map((p) => p.parameter).sort()).toEqual(['ca', 'password', 'sasl', 'tls', 'username']);
    for (const scaled of documents.filter((d) => d.kind === 'ScaledObject')) {
      for (const trigger of (scaled.spec!['triggers'] as { type: string; metadata: Record<string, string>; authenticationRef?: { name: string } }[]).filter((t) => t.type === 'kafka')) {
        expect(trigger.authenticationRef).toEqual({ name: KAFKA_TRIGGER_AUTH });
        // The same brokers as the pods: KEDA reads the target container's KAFKA_BROKERS.
        expect(trigger.metadata['bootstrapServersFromEnv']).toBe('KAFKA_BROKERS');
      }
    }
  });

  it('migrates once per release, in order, before a new pod serves: an init step under an advisory lock, no Jobs', () => {
    expect(documents.filter((d) => d.kind === 'Job' || d.kind === 'CronJob').map((d) => d.metadata.name)).toEqual([]);
    const services = documents.filter((d) => d.kind === 'Deployment' && d.metadata.name !== 'gateway');
    expect(services.length).toBe(7);
    for (const deployment of services) {
      const service = serviceOf(deployment);
      const pod = (deployment.spec!['template'] as { spec: { initContainers?: { name: string; image: string; args: string[]; env: { name: string; valueFrom?: unknown }[] }[]; containers: { env: { name: string; value?: string }[] }[] } }).spec;
      expect(pod.initContainers?.map((c) => ({ name: c.name, image: c.image, args: c.args, env: c.env }))).toEqual([
        { name: 'migrate', image: 'binh-yen/tools:latest', args: ['node', '-r', '@swc-node/register', 'tools/migrate.ts', service], env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${service}-database`, key: 'url' } } }] },
      ]);
      expect(existsSync(join(root, 'tools', 'migrate.ts'))).toBe(true);
      // The app itself does not migrate again (DATABASE_MIGRATE_ON_START=false).
      expect(pod.containers[0]!.env.find((v) => v.name === 'DATABASE_MIGRATE_ON_START')?.value).toBe('false');
    }
    // The lock itself: libs/persistence/src/run-migrations.ts (its int-spec runs four at once).
    expect(readFileSync(join(root, 'libs', 'persistence', 'src', 'run-migrations.ts'), 'utf8')).toContain('pg_advisory_lock');
  });

  it('alerts and charts only on metrics the services export', () => {
    const exported = new Set(
      ['libs/service-runtime/src/event-path-metrics.ts', 'libs/http/src/http-observability.ts']
        .flatMap((file) => readFileSync(join(root, file), 'utf8').match(/binhyen_[a-z_]+/g) ?? []),
    );
    const queries = [
      ...alertRules.map((rule) => rule.expr),
      ...JSON.stringify(eventPathDashboard()).match(/"expr":"(?:[^"\\]|\\.)*"/g)!,
    ];
    const used = new Set(queries.flatMap((query) => query.match(/binhyen_[a-z_]+/g) ?? []).map((name) => name.replace(/_(bucket|count|sum)$/, '')));
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
    // The runbook's figures: lag, backlog age, freshness, dead letters, errors, consumers down.
    for (const metric of ['binhyen_consumer_lag', 'binhyen_outbox_oldest_unpublished_seconds', 'binhyen_projection_last_applied_seconds', 'binhyen_dead_letters_stored', 'binhyen_http_requests_total', 'binhyen_consumer_up']) {
      expect([metric, alertRules.some((rule) => rule.expr.includes(metric))]).toEqual([metric, true]);
    }
    for (const metric of ['binhyen_consumer_lag', 'binhyen_outbox_oldest_unpublished_seconds', 'binhyen_projection_watermark_seconds', 'binhyen_dead_letters_stored', 'binhyen_http_requests_total']) {
      expect([metric, JSON.stringify(eventPathDashboard()).includes(metric)]).toEqual([metric, true]);
    }
    const runbook = readFileSync(join(root, 'docs', 'runbook.md'), 'utf8');
    for (const rule of alertRules) expect([rule.alert, runbook.includes(rule.alert)]).toEqual([rule.alert, true]);
  });

  it('pages for what liveness cannot heal: a group down for longer than a restart takes, and restarts that loop (ADR 0052)', () => {
    const seconds = (duration: string): number => Number(duration.slice(0, -1)) * { s: 1, m: 60, h: 3600 }[duration.slice(-1) as 's' | 'm' | 'h'];
    // How long a consumer dead for good lives on: the grace, then the probe failing failureThreshold times.
    for (const projector of documents.filter((d) => d.kind === 'Deployment' && d.metadata.name.endsWith('-projector'))) {
      const container = (projector.spec!['template'] as { spec: { containers: { env: { name: string; value?: string }[]; livenessProbe: { periodSeconds: number; failureThreshold: number; timeoutSeconds: number } }[] } }).spec.containers[0]!;
      const grace = Number(container.env.find((v) => v.name === 'LIVENESS_GRACE_SECONDS')?.value ?? new ServiceEnv().LIVENESS_GRACE_SECONDS);
      const { periodSeconds, failureThreshold, timeoutSeconds } = container.livenessProbe;
      const heal = grace + periodSeconds * failureThreshold + timeoutSeconds;
      const down = alertRules.find((rule) => rule.alert === 'BinhYenConsumerDown')!;
      const window = seconds(/\[(\d+[smh])\]/.exec(down.expr)![1]!) + seconds(down.for);
      // Twice the heal: one restart (and a kubelet back-off) passes without a page.
      expect([projector.metadata.name, heal, window >= 2 * heal]).toEqual([projector.metadata.name, heal, true]);
      // Across the job's pods: a replica that took over the partitions keeps the group consuming.
      expect(promqlReferences(down.expr).labels.sort()).toEqual(['group', 'job']);
    }
    const loop = alertRules.find((rule) => rule.alert === 'BinhYenRestartLoop')!;
    expect(loop).toMatchObject({ severity: 'critical', expr: expect.stringMatching(/^changes\(process_start_time_seconds\{[^}]*\}\[30m\]\) >= 3$/) });
    // The dashboard shows the restarts too; every label it groups or names is one the metrics or Prometheus give.
    expect(dashboardQueries(eventPathDashboard()).some((query) => query.expr.includes('process_start_time_seconds'))).toBe(true);
  });

  it('scrapes every API and projector pod through the ServiceMonitor, with job = the service the alerts name', () => {
    const monitoring = parseAllDocuments(renderObservabilityComponent().get('monitoring.yaml')!).map((doc) => doc.toJS() as Manifest);
    const monitor = monitoring.find((d) => d.kind === 'ServiceMonitor')!.spec as {
      selector: { matchExpressions: { key: string; values: string[] }[] };
      jobLabel: string;
      endpoints: { port: string; path: string }[];
    };
    const [selected] = monitor.selector.matchExpressions;
    expect(TARGET_LABELS).toContain('job');
    for (const deployment of documents.filter((d) => d.kind === 'Deployment' && d.metadata.name !== 'gateway')) {
      const service = documents.find((d) => d.kind === 'Service' && JSON.stringify((d.spec as { selector: object }).selector) === JSON.stringify(deployment.metadata.labels));
      const ports = (service?.spec as { ports: { name: string }[] } | undefined)?.ports.map((port) => port.name) ?? [];
      const job = service?.metadata.labels?.[monitor.jobLabel];
      expect([deployment.metadata.name, selected!.values.includes(job ?? ''), ports.includes(monitor.endpoints[0]!.port)]).toEqual([deployment.metadata.name, true, true]);
      expect(job).toBe(serviceOf(deployment));
    }
    expect(monitor.endpoints[0]!.path).toBe('/metrics');
    // The alerts' job matchers name exactly the scraped services.
    for (const rule of alertRules.filter((r) => r.expr.includes('job=~'))) expect(/job=~"([^"]+)"/.exec(rule.expr)![1]!.split('|').sort()).toEqual([...selected!.values].sort());
  });

  it('sets only variables each service knows, and every one it requires', () => {
    for (const document of documents.filter((d) => d.kind === 'Deployment')) {
      const containers = ((document.spec!['template'] as { spec: { containers: { env: { name: string }[] }[] } }).spec.containers);
      const names = containers.flatMap((container) => container.env.map((variable) => variable.name));
      if (document.metadata.name === 'gateway') {
        // The dashboard server's variables (apps/dashboard/server/main.ts): every upstream is required.
        const upstreams = UPSTREAM_SERVICES.map((service) => `${service.toUpperCase()}_URL`);
        expect(names.filter((name) => ![...upstreams, 'PORT', 'HOST', 'DASHBOARD_PUBLIC_DIR'].includes(name))).toEqual([]);
        expect(upstreams.filter((name) => !names.includes(name))).toEqual([]);
        continue;
      }
      const service = serviceOf(document) as ServiceName;
      const { known, required } = variablesOf(service);
      expect(names.filter((name) => !known.has(name))).toEqual([]);
      expect(required.filter((name) => !names.includes(name))).toEqual([]);
      expect(names.some((name) => name === 'AUTH_JWKS_URL' || name === 'AUTH_JWT_SECRET')).toBe(true);
    }
    for (const [name, entry] of Object.entries(composeServices())) {
      const service = entry.build!.args!.APP as ServiceName;
      const { known, required } = variablesOf(service);
      const names = Object.keys(entry.environment ?? {});
      expect([name, names.filter((variable) => !known.has(variable))]).toEqual([name, []]);
      expect([name, required.filter((variable) => !names.includes(variable))]).toEqual([name, []]);
    }
  });

  it('runs compose as the cluster runs: each service API, and its projector where it has one (ADR 0052)', () => {
    const compose = composeServices();
    for (const deployment of documents.filter((d) => d.kind === 'Deployment' && d.metadata.name !== 'gateway')) {
      const service = serviceOf(deployment);
      const part = deployment.metadata.name.endsWith('-projector') ? 'projector' : 'api';
      const entry = compose[part === 'api' ? service : `${service}-projector`];
      const flag = (name: string): string => entry?.environment?.[name] ?? 'true';
      expect([deployment.metadata.name, entry?.build?.args?.APP, flag('HTTP_ENABLED'), flag('CONSUMERS_ENABLED')]).toEqual([deployment.metadata.name, service, String(part === 'api'), String(part === 'projector')]);
      // A projector starts after its API migrated the database, and does not migrate itself.
      if (part === 'projector') expect([entry!.depends_on?.[service]?.condition, flag('DATABASE_MIGRATE_ON_START')]).toEqual(['service_healthy', 'false']);
    }
    expect(Object.keys(compose).length).toBe(documents.filter((d) => d.kind === 'Deployment' && d.metadata.name !== 'gateway').length);
  });

  it('builds each service from its own runtime stage, and only reporting’s carries Chromium, fonts with Vietnamese glyphs and CHROMIUM_PATH (issue 20)', () => {
    const text = readFileSync(join(root, 'deploy', 'docker', 'service.Dockerfile'), 'utf8');
    // A stage of its own per service: FROM name → its lines until the next FROM.
    const stages = new Map<string, string>();
    for (const block of text.split(/^(?=FROM )/m).filter((part) => part.startsWith('FROM '))) stages.set(/ AS (\S+)/.exec(block.split('\n')[0]!)![1]!, block);
    // The stage's name comes from APP, so APP is declared before the first FROM.
    expect(text.indexOf('ARG APP')).toBeLessThan(text.indexOf('FROM '));
    expect(/^FROM runtime-\$\{APP\} AS service$/m.test(text)).toBe(true);
    expect([...stages.keys()].at(-1)).toBe('service');
    const compose = parseAllDocuments(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true })[0]!.toJS() as { services: Record<string, { build?: { dockerfile?: string; target?: string; args?: { APP?: string } } }> };
    // The services' images (the topics job builds only the build stage).
    // An API and its projector share their service's image, so each service once.
    const apps = [...new Set(Object.values(compose.services).flatMap(({ build }) => (build?.dockerfile === 'deploy/docker/service.Dockerfile' && !build.target && build.args?.APP ? [build.args.APP] : [])))];
    expect(apps.sort()).toEqual(['campaigns', 'incidents', 'reporting', 'units']);
    for (const app of apps) {
      const stage = stages.get(`runtime-${app}`);
      expect({ app, stage: stage !== undefined }).toEqual({ app, stage: true });
      expect({ app, chromium: /\bchromium\b/.test(stage!) }).toEqual({ app, chromium: app === 'reporting' });
    }
    const reporting = stages.get('runtime-reporting')!;
    expect(reporting).toMatch(/apt-get install -y --no-install-recommends chromium fonts-liberation2 fontconfig/);
    expect(reporting).toMatch(/fc-list ":lang=vi" family \| grep -q "Liberation Serif"/);
    expect(reporting).toMatch(/^ENV CHROMIUM_PATH=\/usr\/bin\/chromium$/m);
    // The browser is driven by playwright-core, so it is a production dependency (npm ci --omit=dev keeps it).
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['playwright-core']).toBeDefined();
  });

  it('refers only to paths that exist in every Dockerfile', () => {
    const folder = join(root, 'deploy', 'docker');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('Dockerfile'))) {
      for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
        const copy = /^COPY\s+(?!--from)(.+)$/.exec(line.trim());
        if (!copy) continue;
        const sources = copy[1]!.split(/\s+/).slice(0, -1);
        for (const source of sources.filter((s) => s !== '.')) expect([file, source, existsSync(join(root, source))]).toEqual([file, source, true]);
      }
      for (const script of readFileSync(join(folder, file), 'utf8').match(/tools\/[\w./-]+/g) ?? []) expect([file, script, existsSync(join(root, script))]).toEqual([file, script, true]);
    }
    for (const manifest of documents.filter((d) => d.kind === 'Job' || d.kind === 'Deployment')) {
      for (const script of JSON.stringify(manifest).match(/tools\/[\w./-]+\.ts/g) ?? []) expect(existsSync(join(root, script))).toBe(true);
    }
  });
  it('ships no secret: compose requires each one (no default), and no published secret is left in any deployment file (issue 23)', () => {
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    for (const secret of ['AUTH_JWT_SECRET', 'INCIDENTS_INFORMANT_KEY']) {
      const uses = [...text.matchAll(new RegExp(`\\$\\{${secret}([^}]*)\\}`, 'g'))].map((match) => match[1]!);
      expect([secret, uses.length > 0]).toEqual([secret, true]);
      // `${X:?message}` stops `docker compose config` and `up` with the message until the operator sets X.
      for (const use of uses) expect([secret, use.startsWith(':?')]).toEqual([secret, true]);
    }
    const files = [join(root, 'docker-compose.yml'), join(root, '.env.example'), ...readdirSync(join(root, 'deploy', 'k8s', 'base')).map((file) => join(root, 'deploy', 'k8s', 'base', file))];
    for (const file of files) {
      const content = readFileSync(file, 'utf8');
      for (const published of KNOWN_SECRETS) expect([file, content.includes(published)]).toEqual([file, false]);
    }
  });
});
