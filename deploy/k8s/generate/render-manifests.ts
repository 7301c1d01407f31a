// Renders deploy/k8s/base from one description of the services, so the four stay alike:
//   npm run k8s:render      (a test checks the committed files equal this output)
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { campaignsEntry } from '@binh-yen/campaigns-app';
import { incidentsEntry } from '@binh-yen/incidents-app';
import { consumerGroupId, projectionsOf } from '@binh-yen/messaging';
import { reportingEntry } from '@binh-yen/reporting-app';
import { unitsEntry } from '@binh-yen/units-app';

type ServiceName = 'units' | 'incidents' | 'campaigns' | 'reporting';

interface ServiceManifest {
  name: ServiceName;
  memory: { request: string; limit: string };
}

/** A consumer group a projector Deployment runs and the topic KEDA reads its lag on (one trigger each). */
export interface ScaledGroup {
  group: string;
  topic: string;
}

/** Every Deployment runs at least this many pods, so a PDB of maxUnavailable 1 lets a node drain and one pod serves. */
export const MIN_REPLICAS = 2;
/** KEDA's credentials for the brokers (Secret kafka-scaler): sasl, username, password, tls, ca. */
export const KAFKA_TRIGGER_AUTH = 'kafka-scaler';

const services: ServiceManifest[] = [
  { name: 'units', memory: { request: '192Mi', limit: '384Mi' } },
  { name: 'incidents', memory: { request: '192Mi', limit: '384Mi' } },
  { name: 'campaigns', memory: { request: '192Mi', limit: '384Mi' } },
  { name: 'reporting', memory: { request: '256Mi', limit: '512Mi' } },
];

/** What the app modules need to be described (not started): nothing here is used to connect. */
const describing = { DATABASE_URL: 'postgres://render.invalid/none', KAFKA_BROKERS: 'kafka:9092', AUTH_JWKS_URL: 'https://id.example.gov.vn/.well-known/jwks.json' };

const appModules: Record<ServiceName, () => unknown> = {
  units: () => unitsEntry.load(describing).module,
  incidents: () => incidentsEntry.load(describing).module,
  campaigns: () => campaignsEntry.load(describing).module,
  reporting: () => reportingEntry.load(describing).module,
};

/**
 * The consumer groups of a service, from the projections its module tree registers (the same registry the
 * projection server fills at start; ADR 0038), one entry per topic: none is forgotten when a projection is added.
 */
export function scaledGroupsOf(service: ServiceName): ScaledGroup[] {
  return projectionsOf(appModules[service]()).flatMap((definition) =>
    definition.topics.map((topic) => ({ group: consumerGroupId(service, definition), topic })),
  );
}

/** YAML documents from the `yaml` package; long strings (PromQL) stay on one line. */
const yaml = (documents: object[]): string => documents.map((doc) => stringify(doc, { lineWidth: 0 })).join('---\n');

/** The two parts of a service, each its own Deployment from the same image (ADR 0038). */
type Part = 'api' | 'projector';

function serviceDocuments(service: ServiceManifest): object[] {
  const groups = scaledGroupsOf(service.name);
  const parts: Part[] = groups.length > 0 ? ['api', 'projector'] : ['api'];
  return parts.flatMap((part) => partDocuments(service, part, groups));
}

function partDocuments(service: ServiceManifest, part: Part, groups: ScaledGroup[]): object[] {
  const name = `${service.name}-${part}`;
  const labels = { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/component': part, 'app.kubernetes.io/part-of': 'binh-yen' };
  const shared = [
    { name: 'PORT', value: '3000' },
    { name: 'HOST', value: '0.0.0.0' },
    { name: 'LOG_FORMAT', value: 'json' },
    { name: 'DATABASE_MIGRATE_ON_START', value: 'false' },
    // Each service creates the platform's topics it finds missing (explicitly; brokers never auto-create):
    // no topics Job whose template a new release could not change (ADR 0036).
    { name: 'KAFKA_PROVISION_TOPICS', value: 'true' },
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${service.name}-database`, key: 'url' } } },
    { name: 'AUTH_JWKS_URL', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'AUTH_JWKS_URL' } } },
    // Tokens must be the identity provider's, for this platform (issue 23): its issuer and this platform's audience.
    { name: 'AUTH_JWT_ISSUER', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'AUTH_JWT_ISSUER' } } },
    { name: 'AUTH_JWT_AUDIENCE', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'AUTH_JWT_AUDIENCE' } } },
    { name: 'KAFKA_BROKERS', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'KAFKA_BROKERS' } } },
    { name: 'KAFKA_PARTITIONS', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'KAFKA_PARTITIONS' } } },
    // Kafka over TLS with SCRAM (ADR 0035): the CA from the Secret kafka-ca (mounted), the user and password
    // from <service>-kafka; left out (plaintext) while the ConfigMap and the Secrets do not say otherwise.
    ...['KAFKA_SSL', 'KAFKA_SSL_CA_FILE', 'KAFKA_SASL_MECHANISM'].map((key) => ({ name: key, valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key, optional: true } } })),
    { name: 'KAFKA_SASL_USERNAME', valueFrom: { secretKeyRef: { name: `${service.name}-kafka`, key: 'username', optional: true } } },
    { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: `${service.name}-kafka`, key: 'password', optional: true } } },
    // Ingress then gateway: two proxies name the client's address (ADR 0036); a shared Redis if the ConfigMap names one.
    { name: 'TRUST_PROXY', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'TRUST_PROXY' } } },
    ...['RATE_LIMIT_STORE', 'RATE_LIMIT_REDIS_URL'].map((key) => ({ name: key, valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key, optional: true } } })),
    // Traces stay off until the platform ConfigMap names a collector (ADR 0019, 0021); an empty value is unset.
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'OTEL_EXPORTER_OTLP_ENDPOINT', optional: true } } },
    { name: 'OTEL_TRACES_EXPORTER', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'OTEL_TRACES_EXPORTER', optional: true } } },
    // Informants of public tips are encrypted with a key only the incidents service holds.
    ...(service.name === 'incidents' ? [{ name: 'INCIDENTS_INFORMANT_KEY', valueFrom: { secretKeyRef: { name: 'incidents-informant-key', key: 'key' } } }] : []),
  ];
  // The API serves HTTP and runs the outbox relay (it fills the outbox); the projector runs the consumers and
  // answers only /health and /metrics on its port (ADR 0038).
  const env = [
    { name: 'HTTP_ENABLED', value: String(part === 'api') },
    { name: 'CONSUMERS_ENABLED', value: String(part === 'projector') },
    ...shared,
  ];
  const probe = (path: string, period: number) => ({ httpGet: { path, port: 'http' }, periodSeconds: period, timeoutSeconds: 3, failureThreshold: 3 });
  const documents: object[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels },
      spec: {
        replicas: MIN_REPLICAS,
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics', 'prometheus.io/port': '3000' } },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            terminationGracePeriodSeconds: 45,
            // The release's migrations, in order, before this pod serves or consumes (ADR 0036): every new pod of
            // either part runs them; a Postgres advisory lock lets the first apply them while the others wait.
            initContainers: [
              {
                name: 'migrate',
                image: 'binh-yen/tools:latest',
                args: ['node', '-r', '@swc-node/register', 'tools/migrate.ts', service.name],
                env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${service.name}-database`, key: 'url' } } }],
                resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              },
            ],
            volumes: [{ name: 'kafka-ca', secret: { secretName: 'kafka-ca', optional: true } }],
            containers: [
              {
                name: service.name,
                image: `binh-yen/${service.name}:latest`,
                ports: [{ name: 'http', containerPort: 3000 }],
                env,
                resources: { requests: { cpu: '100m', memory: service.memory.request }, limits: { cpu: '1', memory: service.memory.limit } },
                volumeMounts: [{ name: 'kafka-ca', mountPath: '/etc/kafka-tls', readOnly: true }],
                readinessProbe: probe('/health/ready', 5),
                // Fails once a consumer or the relay is dead for good past LIVENESS_GRACE_SECONDS (ADR 0037).
                livenessProbe: { ...probe('/health/live', 10), initialDelaySeconds: 10 },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              },
            ],
          },
        },
      },
    },
    // The API's Service keeps the service's name (the gateway's upstream); the projector's is for scraping only.
    { apiVersion: 'v1', kind: 'Service', metadata: { name: part === 'api' ? service.name : name, labels }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
    // One pod at a time may go (a node drain proceeds), never more; with at least two replicas one always works.
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { maxUnavailable: 1, selector: { matchLabels: labels } } },
  ];
  if (part === 'projector') {
    documents.push({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name },
      spec: {
        scaleTargetRef: { name },
        // Two at least: a drain (PDB maxUnavailable 1) never leaves the projections without a pod.
        minReplicaCount: MIN_REPLICAS,
        // More replicas than partitions would only stand by.
        maxReplicaCount: 6,
        triggers: [
          // Every consumer group this Deployment runs, on every topic it reads (from the projection registry).
          ...groups.map(({ group, topic }) => ({
            type: 'kafka',
            // The brokers the pods use; TLS and SCRAM credentials from the TriggerAuthentication.
            metadata: { bootstrapServersFromEnv: 'KAFKA_BROKERS', consumerGroup: group, topic, lagThreshold: '1000', offsetResetPolicy: 'earliest' },
            authenticationRef: { name: KAFKA_TRIGGER_AUTH },
          })),
          { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
        ],
      },
    });
  } else {
    documents.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: MIN_REPLICAS,
        maxReplicas: 8,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    });
  }
  const scrapers = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } };
  const gateway = { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } };
  documents.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name },
    spec: {
      podSelector: { matchLabels: labels },
      policyTypes: ['Ingress', 'Egress'],
      // The gateway reaches the API only; Prometheus both.
      ingress: [{ from: part === 'api' ? [gateway, scrapers] : [scrapers], ports: [{ port: 3000, protocol: 'TCP' }] }],
      egress: [
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } } }], ports: [{ port: 5432, protocol: 'TCP' }] },
        // Kafka's plaintext (9092) or TLS (9093) listener.
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'kafka' } } }], ports: [{ port: 9092, protocol: 'TCP' }, { port: 9093, protocol: 'TCP' }] },
        { ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
        { ports: [{ port: 443, protocol: 'TCP' }] },
        // The OpenTelemetry collector's OTLP/HTTP port, wherever it runs.
        { ports: [{ port: 4318, protocol: 'TCP' }] },
      ],
    },
  });
  return documents;
}

const platform = [
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'binh-yen-platform' },
    // OTEL_EXPORTER_OTLP_ENDPOINT: e.g. http://otel-collector.observability:4318 turns tracing on.
    // KAFKA_SSL=true, KAFKA_SSL_CA_FILE=/etc/kafka-tls/ca.crt, KAFKA_SASL_MECHANISM=scram-sha-512 secure the wire (ADR 0035);
    // RATE_LIMIT_STORE=redis with RATE_LIMIT_REDIS_URL shares the rate limit between replicas (ADR 0036).
    data: {
      KAFKA_BROKERS: 'kafka:9092',
      KAFKA_PARTITIONS: '6',
      OTEL_EXPORTER_OTLP_ENDPOINT: '',
      AUTH_JWKS_URL: 'https://id.example.gov.vn/.well-known/jwks.json',
      TRUST_PROXY: '2',
      AUTH_JWT_ISSUER: 'https://id.example.gov.vn',
      AUTH_JWT_AUDIENCE: 'binh-yen-api',
    },
  },
  {
    // KEDA reads consumer-group lag with the brokers' TLS and SCRAM settings (ADR 0035): sasl
    // (scram_sha512, or none on a plaintext cluster), username, password, tls (enable|disable), ca.
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name: KAFKA_TRIGGER_AUTH },
    spec: { secretTargetRef: ['sasl', 'username', 'password', 'tls', 'ca'].map((parameter) => ({ parameter, name: KAFKA_TRIGGER_AUTH, key: parameter })) },
  },
];

/** The public name of the platform and the TLS certificate for it (a Secret of type kubernetes.io/tls, e.g. from cert-manager). */
const publicHost = 'binhyen.example.gov.vn';
const tlsSecret = 'binh-yen-tls';

/**
 * The gateway (ADR 0019): the dashboard's server, the single public entry, as in compose. It serves the
 * dashboard at /, the APIs at /api/<service>/v1/... and their OpenAPI at /api/<service>/docs; health and
 * metrics of the services stay inside the cluster. The Ingress sends every public path to it (ADR 0021).
 */
function gatewayDocuments(): object[] {
  const labels = { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/part-of': 'binh-yen' };
  const upstreams = services.map((service) => ({ name: `${service.name.toUpperCase()}_URL`, value: `http://${service.name}` }));
  const probe = (period: number) => ({ httpGet: { path: '/health/live', port: 'http' }, periodSeconds: period, timeoutSeconds: 3, failureThreshold: 3 });
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'gateway', labels },
      spec: {
        replicas: MIN_REPLICAS,
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            // Long-lived freshness streams (server-sent events) are cut at shutdown; the browser reconnects.
            terminationGracePeriodSeconds: 30,
            containers: [
              {
                name: 'gateway',
                image: 'binh-yen/dashboard:latest',
                ports: [{ name: 'http', containerPort: 3000 }],
                env: [{ name: 'PORT', value: '3000' }, { name: 'HOST', value: '0.0.0.0' }, ...upstreams],
                resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '192Mi' } },
                readinessProbe: probe(5),
                livenessProbe: { ...probe(10), initialDelaySeconds: 5 },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              },
            ],
          },
        },
      },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'gateway', labels }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'gateway' }, spec: { maxUnavailable: 1, selector: { matchLabels: labels } } },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'gateway' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
        minReplicas: MIN_REPLICAS,
        maxReplicas: 6,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'gateway' },
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress', 'Egress'],
        // The ingress controller (or Gateway API implementation) lives in a namespace of the cluster's choosing.
        ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 3000, protocol: 'TCP' }] }],
        egress: [
          { to: services.map((service) => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/component': 'api' } } })), ports: [{ port: 3000, protocol: 'TCP' }] },
          { ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
        ],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'binh-yen',
        labels: { 'app.kubernetes.io/part-of': 'binh-yen' },
        annotations: {
          // ingress-nginx: the API's body limit is 256kb, report exports stream, the freshness stream stays open.
          'nginx.ingress.kubernetes.io/proxy-body-size': '1m',
          'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
          'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
          'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
          // A first, coarse limit per client address at the edge (ingress-nginx, per controller replica);
          // the services limit each caller precisely behind it (ADR 0036).
          'nginx.ingress.kubernetes.io/limit-rps': '50',
          'nginx.ingress.kubernetes.io/limit-burst-multiplier': '5',
          'nginx.ingress.kubernetes.io/limit-connections': '100',
        },
      },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: [publicHost], secretName: tlsSecret }],
        rules: [
          {
            host: publicHost,
            http: {
              // One entry: the gateway routes /, /svc/<service>/api/v1, /api/<service>/v1 and /api/<service>/docs.
              paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'gateway', port: { name: 'http' } } } }],
            },
          },
        ],
      },
    },
  ];
}

/** The same entry through the Gateway API: a Gateway terminating TLS and an HTTPRoute to the gateway Service. */
function gatewayApiDocuments(): object[] {
  return [
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'binh-yen', labels: { 'app.kubernetes.io/part-of': 'binh-yen' } },
      spec: {
        // The class the cluster's implementation installs (Envoy Gateway, Istio, Cilium, NGINX Gateway Fabric…).
        gatewayClassName: 'public',
        listeners: [
          { name: 'https', protocol: 'HTTPS', port: 443, hostname: publicHost, tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: tlsSecret }] } },
          { name: 'http', protocol: 'HTTP', port: 80, hostname: publicHost },
        ],
      },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'binh-yen-https', labels: { 'app.kubernetes.io/part-of': 'binh-yen' } },
      spec: {
        parentRefs: [{ name: 'binh-yen', sectionName: 'https' }],
        hostnames: [publicHost],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'gateway', port: 80 }] }],
      },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'binh-yen-http-redirect', labels: { 'app.kubernetes.io/part-of': 'binh-yen' } },
      spec: {
        parentRefs: [{ name: 'binh-yen', sectionName: 'http' }],
        hostnames: [publicHost],
        rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
      },
    },
  ];
}

/** The services whose /metrics Prometheus scrapes (the gateway has none). */
const scraped = services.map((service) => service.name);
const lagByGroup = 'sum by (group) (max by (group, topic, partition) (binhyen_consumer_lag))';

/** Prometheus's own target labels of a scraped pod (the ServiceMonitor's `jobLabel` sets `job` to the service). */
export const TARGET_LABELS = ['job', 'instance', 'pod', 'namespace', 'service', 'container', 'endpoint'];

/**
 * The runbook's alerts ("Watch"), as a PrometheusRule of the Prometheus Operator. Every expression
 * names only metrics and labels the services export (tools/deploy/deployment-config.spec.ts reads the
 * sources, tools/deploy/split-deployments.int-spec.ts the running services' /metrics).
 * They page for what the platform cannot heal by itself (ADR 0052): a consumer or the relay dead for good
 * fails liveness and is restarted about 90 s later (ADR 0037), so a dead part alerts only once restarts
 * did not bring it back: its group ran nowhere for longer than a heal takes, or its process keeps restarting.
 */
export const alertRules: { alert: string; expr: string; for: string; severity: 'warning' | 'critical'; summary: string }[] = [
  { alert: 'BinhYenConsumerLagHigh', expr: `${lagByGroup} > 1000`, for: '10m', severity: 'warning', summary: 'Consumer group {{ $labels.group }} is more than 1000 events behind' },
  {
    alert: 'BinhYenConsumerDown',
    // Over a window, so the scrape gaps of a restart neither hide a dead group nor reset the alert.
    expr: 'max by (job, group) (max_over_time(binhyen_consumer_up[5m])) == 0',
    for: '1m',
    severity: 'critical',
    summary: 'No pod of {{ $labels.job }} ran consumer {{ $labels.group }} for 5 minutes: liveness restarts did not bring it back',
  },
  {
    alert: 'BinhYenRestartLoop',
    expr: `changes(process_start_time_seconds{job=~"${scraped.join('|')}"}[30m]) >= 3`,
    for: '0m',
    severity: 'critical',
    summary: '{{ $labels.job }} {{ $labels.pod }} restarted 3 times in 30 minutes: what kills it outlives a restart',
  },
  { alert: 'BinhYenOutboxStuck', expr: 'max by (job) (binhyen_outbox_oldest_unpublished_seconds) > 300', for: '5m', severity: 'warning', summary: 'Events of {{ $labels.job }} wait in the outbox for more than 5 minutes (Kafka unreachable or refusing writes)' },
  { alert: 'BinhYenDeadLetters', expr: 'max by (group, projection) (delta(binhyen_dead_letters_stored[15m])) > 0', for: '0m', severity: 'warning', summary: 'Projection {{ $labels.projection }} dead-lettered events: see the runbook, "Dead letters"' },
  {
    alert: 'BinhYenProjectionStale',
    expr: `(time() - max by (group, projection) (binhyen_projection_last_applied_seconds)) > 900 and on (group) (${lagByGroup}) > 0`,
    for: '5m',
    severity: 'warning',
    summary: 'Projection {{ $labels.projection }} applied nothing for 15 minutes while events wait',
  },
  {
    alert: 'BinhYenHttpErrors',
    expr: 'sum by (job, route) (rate(binhyen_http_requests_total{status=~"5.."}[5m])) / sum by (job, route) (rate(binhyen_http_requests_total[5m])) > 0.05',
    for: '10m',
    severity: 'warning',
    summary: 'More than 5% of {{ $labels.job }} {{ $labels.route }} answers are server errors',
  },
  { alert: 'BinhYenServiceDown', expr: `up{job=~"${scraped.join('|')}"} == 0`, for: '5m', severity: 'critical', summary: 'Prometheus cannot scrape {{ $labels.job }} {{ $labels.pod }}' },
];

/** The Grafana dashboard of the event path: lag, backlog and its age, freshness, dead letters, errors. */
export function eventPathDashboard(): object {
  const panel = (id: number, title: string, unit: string, exprs: { expr: string; legend: string }[], y: number, x: number) => ({
    id,
    type: 'timeseries',
    title,
    datasource: { type: 'prometheus', uid: '${datasource}' },
    gridPos: { h: 8, w: 12, x, y },
    fieldConfig: { defaults: { unit }, overrides: [] },
    options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['lastNotNull', 'max'] } },
    targets: exprs.map(({ expr, legend }, i) => ({ refId: String.fromCharCode(65 + i), expr, legendFormat: legend })),
  });
  return {
    title: 'Bình Yên — event path',
    uid: 'binh-yen-event-path',
    tags: ['binh-yen'],
    timezone: 'browser',
    schemaVersion: 39,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: { list: [{ name: 'datasource', type: 'datasource', query: 'prometheus', current: {} }] },
    panels: [
      panel(1, 'Consumer lag by group (events)', 'short', [{ expr: lagByGroup, legend: '{{group}}' }], 0, 0),
      panel(2, 'Outbox backlog and its oldest row', 'short', [
        { expr: 'max by (job) (binhyen_outbox_backlog)', legend: '{{job}} backlog' },
        { expr: 'max by (job) (binhyen_outbox_oldest_unpublished_seconds)', legend: '{{job}} oldest (s)' },
      ], 0, 12),
      panel(3, 'Freshness: how far behind each projection is (s)', 's', [{ expr: 'time() - max by (projection) (binhyen_projection_watermark_seconds)', legend: '{{projection}}' }], 8, 0),
      panel(4, 'Throughput: published and applied (events/s)', 'short', [
        { expr: 'sum by (job) (rate(binhyen_relay_published_events_total[5m]))', legend: '{{job}} published' },
        { expr: 'sum by (group) (rate(binhyen_consumer_applied_events[5m]))', legend: '{{group}} applied' },
      ], 8, 12),
      panel(5, 'Dead letters stored', 'short', [{ expr: 'max by (projection) (binhyen_dead_letters_stored)', legend: '{{projection}}' }], 16, 0),
      panel(6, 'HTTP server errors (5xx/s) and consumers down', 'short', [
        { expr: 'sum by (job, route) (rate(binhyen_http_requests_total{status=~"5.."}[5m]))', legend: '{{job}} {{route}}' },
        { expr: 'count by (group) (binhyen_consumer_up == 0)', legend: '{{group}} down' },
      ], 16, 12),
      // Liveness heals by restarting (ADR 0037): one restart is the platform at work, a series of them is not.
      panel(7, 'Restarts per pod (last hour)', 'short', [{ expr: `changes(process_start_time_seconds{job=~"${scraped.join('|')}"}[1h])`, legend: '{{job}} {{pod}}' }], 24, 0),
    ],
  };
}

function observabilityDocuments(): object[] {
  return [
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'binh-yen', labels: { 'app.kubernetes.io/part-of': 'binh-yen' } },
      spec: {
        selector: { matchExpressions: [{ key: 'app.kubernetes.io/name', operator: 'In', values: scraped }] },
        // job = the service's name, as the alerts and the dashboard expect.
        jobLabel: 'app.kubernetes.io/name',
        endpoints: [{ port: 'http', path: '/metrics', interval: '30s', scrapeTimeout: '10s' }],
      },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'binh-yen', labels: { 'app.kubernetes.io/part-of': 'binh-yen' } },
      spec: {
        groups: [
          {
            name: 'binh-yen-event-path',
            rules: alertRules.map(({ alert, expr, for: duration, severity, summary }) => ({
              alert,
              expr,
              for: duration,
              labels: { severity },
              annotations: { summary, runbook: 'docs/runbook.md, "Watch" and "Dead letters"' },
            })),
          },
        ],
      },
    },
  ];
}

/** For clusters with the Prometheus Operator and Grafana's dashboard sidecar (deploy/k8s/components/observability). */
export function renderObservabilityComponent(): Map<string, string> {
  const header = '# Generated by deploy/k8s/generate/render-manifests.ts; edit that file.\n';
  return new Map([
    ['monitoring.yaml', `${header}${yaml(observabilityDocuments())}`],
    ['grafana-event-path.json', `${JSON.stringify(eventPathDashboard(), null, 2)}\n`],
    [
      'kustomization.yaml',
      `${header}# Alerts (PrometheusRule), scraping (ServiceMonitor) and the event-path dashboard (a ConfigMap Grafana's\n# sidecar picks up by its label): add "components: [../../components/observability]" to an overlay.\napiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - monitoring.yaml\nconfigMapGenerator:\n  - name: binh-yen-grafana-dashboards\n    files:\n      - grafana-event-path.json\n    options:\n      disableNameSuffixHash: true\n      labels:\n        grafana_dashboard: "1"\n`,
    ],
  ]);
}

/** Every file of deploy/k8s/base, by name, as the generator writes it. */
export function renderManifests(): Map<string, string> {
  const header = '# Generated by deploy/k8s/generate/render-manifests.ts; edit that file.\n';
  const files = new Map<string, string>();
  files.set('platform.yaml', `${header}${yaml(platform)}`);
  for (const service of services) files.set(`${service.name}.yaml`, `${header}${yaml(serviceDocuments(service))}`);
  files.set('gateway.yaml', `${header}${yaml(gatewayDocuments())}`);
  const resources = [...files.keys()];
  files.set(
    'kustomization.yaml',
    `${header}apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: binh-yen\nresources:\n${resources.map((file) => `  - ${file}`).join('\n')}\n`,
  );
  return files;
}

/** The Gateway API alternative to the Ingress (deploy/k8s/components/gateway-api), by file name. */
export function renderGatewayApiComponent(): Map<string, string> {
  const header = '# Generated by deploy/k8s/generate/render-manifests.ts; edit that file.\n';
  return new Map([
    ['http-route.yaml', `${header}${yaml(gatewayApiDocuments())}`],
    [
      'kustomization.yaml',
      `${header}# Use instead of the Ingress where the cluster runs a Gateway API implementation:\n# add "components: [../../components/gateway-api]" to an overlay.\napiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - http-route.yaml\npatches:\n  - target:\n      kind: Ingress\n      name: binh-yen\n    patch: |-\n      $patch: delete\n      apiVersion: networking.k8s.io/v1\n      kind: Ingress\n      metadata:\n        name: binh-yen\n`,
    ],
  ]);
}

if (require.main === module) {
  const k8s = join(__dirname, '..');
  const base = renderManifests();
  for (const [file, text] of base) writeFileSync(join(k8s, 'base', file), text);
  const component = renderGatewayApiComponent();
  mkdirSync(join(k8s, 'components', 'gateway-api'), { recursive: true });
  for (const [file, text] of component) writeFileSync(join(k8s, 'components', 'gateway-api', file), text);
  const observability = renderObservabilityComponent();
  mkdirSync(join(k8s, 'components', 'observability'), { recursive: true });
  for (const [file, text] of observability) writeFileSync(join(k8s, 'components', 'observability', file), text);
  process.stdout.write(`rendered ${base.size} files into deploy/k8s/base, ${component.size} into components/gateway-api, ${observability.size} into components/observability\n`);
}
