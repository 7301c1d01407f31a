// Renders deploy/k8s/base from one description of the services, so the four stay alike:
//   npm run k8s:render      (a test checks the committed files equal this output)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ServiceManifest {
  name: 'units' | 'incidents' | 'campaigns' | 'reporting';
  replicas: number;
  /** Consumer groups (exact ids) and their topics, for KEDA lag scaling. */
  consumerGroups: { group: string; topic: string }[];
  memory: { request: string; limit: string };
}

const services: ServiceManifest[] = [
  { name: 'units', replicas: 2, consumerGroups: [], memory: { request: '192Mi', limit: '384Mi' } },
  { name: 'incidents', replicas: 2, consumerGroups: [{ group: 'incidents.known-units.v1', topic: 'binhyen.unit' }], memory: { request: '192Mi', limit: '384Mi' } },
  { name: 'campaigns', replicas: 2, consumerGroups: [{ group: 'campaigns.known-units.v1', topic: 'binhyen.unit' }], memory: { request: '192Mi', limit: '384Mi' } },
  {
    name: 'reporting',
    replicas: 2,
    consumerGroups: [
      { group: 'reporting.movement.v1', topic: 'binhyen.unit' },
      { group: 'reporting.incident-counts.v1', topic: 'binhyen.incident' },
    ],
    memory: { request: '256Mi', limit: '512Mi' },
  },
];

const yaml = (documents: object[]): string => documents.map((doc) => toYaml(doc, 0)).join('---\n');

function toYaml(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]\n';
    return value
      .map((item) => {
        if (item !== null && typeof item === 'object') {
          const body = toYaml(item, indent + 2);
          return `${pad}- ${body.slice(indent + 2)}`;
        }
        return `${pad}- ${scalar(item)}\n`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}\n';
    return entries
      .map(([key, item]) => {
        if (item !== null && typeof item === 'object' && !(Array.isArray(item) && item.length === 0) && Object.keys(item).length > 0) {
          return `${pad}${key}:\n${toYaml(item, Array.isArray(item) ? indent : indent + 2)}`;
        }
        return `${pad}${key}: ${Array.isArray(item) ? '[]' : typeof item === 'object' && item !== null ? '{}' : scalar(item)}\n`;
      })
      .join('');
  }
  return `${pad}${scalar(value)}\n`;
}

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  return /^[A-Za-z0-9_./-]+$/.test(text) && !/^(true|false|null|yes|no|on|off|\d.*)$/i.test(text) ? text : JSON.stringify(text);
}

function serviceDocuments(service: ServiceManifest): object[] {
  const labels = { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/part-of': 'binh-yen' };
  const env = [
    { name: 'PORT', value: '3000' },
    { name: 'HOST', value: '0.0.0.0' },
    { name: 'LOG_FORMAT', value: 'json' },
    { name: 'DATABASE_MIGRATE_ON_START', value: 'false' },
    { name: 'KAFKA_PROVISION_TOPICS', value: 'false' },
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${service.name}-database`, key: 'url' } } },
    { name: 'AUTH_JWKS_URL', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'AUTH_JWKS_URL' } } },
    // Tokens must be the identity provider's, for this platform (issue 23): its issuer and this platform's audience.
    { name: 'AUTH_JWT_ISSUER', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'AUTH_JWT_ISSUER' } } },
    { name: 'AUTH_JWT_AUDIENCE', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'AUTH_JWT_AUDIENCE' } } },
    { name: 'KAFKA_BROKERS', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'KAFKA_BROKERS' } } },
    { name: 'KAFKA_PARTITIONS', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'KAFKA_PARTITIONS' } } },
    // Traces stay off until the platform ConfigMap names a collector (ADR 0019, 0021); an empty value is unset.
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'OTEL_EXPORTER_OTLP_ENDPOINT', optional: true } } },
    { name: 'OTEL_TRACES_EXPORTER', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'OTEL_TRACES_EXPORTER', optional: true } } },
    // Informants of public tips are encrypted with a key only the incidents service holds.
    ...(service.name === 'incidents' ? [{ name: 'INCIDENTS_INFORMANT_KEY', valueFrom: { secretKeyRef: { name: 'incidents-informant-key', key: 'key' } } }] : []),
  ];
  const probe = (path: string, period: number) => ({ httpGet: { path, port: 'http' }, periodSeconds: period, timeoutSeconds: 3, failureThreshold: 3 });
  const documents: object[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: service.name, labels },
      spec: {
        replicas: service.replicas,
        selector: { matchLabels: labels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics', 'prometheus.io/port': '3000' } },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            terminationGracePeriodSeconds: 45,
            containers: [
              {
                name: service.name,
                image: `binh-yen/${service.name}:latest`,
                ports: [{ name: 'http', containerPort: 3000 }],
                env,
                resources: { requests: { cpu: '100m', memory: service.memory.request }, limits: { cpu: '1', memory: service.memory.limit } },
                readinessProbe: probe('/health/ready', 5),
                livenessProbe: { ...probe('/health/live', 10), initialDelaySeconds: 10 },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              },
            ],
          },
        },
      },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: service.name, labels }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: service.name }, spec: { minAvailable: 1, selector: { matchLabels: labels } } },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: `${service.name}-migrate`, labels: { ...labels, 'app.kubernetes.io/component': 'migration' } },
      spec: {
        backoffLimit: 3,
        template: {
          metadata: { labels: { ...labels, 'app.kubernetes.io/component': 'migration' } },
          spec: {
            restartPolicy: 'OnFailure',
            securityContext: { runAsNonRoot: true, runAsUser: 1000 },
            containers: [
              {
                name: 'migrate',
                image: 'binh-yen/tools:latest',
                args: ['node', '-r', '@swc-node/register', 'tools/migrate.ts', service.name],
                env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${service.name}-database`, key: 'url' } } }],
                resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
              },
            ],
          },
        },
      },
    },
  ];
  if (service.consumerGroups.length > 0) {
    documents.push({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: `${service.name}-consumers` },
      spec: {
        scaleTargetRef: { name: service.name },
        minReplicaCount: 1,
        // More replicas than partitions would only stand by.
        maxReplicaCount: 6,
        triggers: [
          ...service.consumerGroups.map(({ group, topic }) => ({
            type: 'kafka',
            metadata: { bootstrapServers: 'kafka:9092', consumerGroup: group, topic, lagThreshold: '1000', offsetResetPolicy: 'earliest' },
          })),
          { type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } },
        ],
      },
    });
  } else {
    documents.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: service.name },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name },
        minReplicas: service.replicas,
        maxReplicas: 8,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    });
  }
  documents.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: service.name },
    spec: {
      podSelector: { matchLabels: labels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway' } } }, { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }], ports: [{ port: 3000, protocol: 'TCP' }] },
      ],
      egress: [
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'postgres' } } }], ports: [{ port: 5432, protocol: 'TCP' }] },
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'kafka' } } }], ports: [{ port: 9092, protocol: 'TCP' }] },
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
    data: {
      KAFKA_BROKERS: 'kafka:9092',
      KAFKA_PARTITIONS: '6',
      OTEL_EXPORTER_OTLP_ENDPOINT: '',
      AUTH_JWKS_URL: 'https://id.example.gov.vn/.well-known/jwks.json',
      AUTH_JWT_ISSUER: 'https://id.example.gov.vn',
      AUTH_JWT_AUDIENCE: 'binh-yen-api',
    },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'topics', labels: { 'app.kubernetes.io/part-of': 'binh-yen', 'app.kubernetes.io/component': 'topics' } },
    spec: {
      backoffLimit: 5,
      template: {
        spec: {
          restartPolicy: 'OnFailure',
          securityContext: { runAsNonRoot: true, runAsUser: 1000 },
          containers: [
            {
              name: 'topics',
              image: 'binh-yen/tools:latest',
              args: ['node', '-r', '@swc-node/register', 'tools/create-topics.ts'],
              envFrom: [{ configMapRef: { name: 'binh-yen-platform' } }],
              resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
            },
          ],
        },
      },
    },
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
        replicas: 2,
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
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'gateway' }, spec: { minAvailable: 1, selector: { matchLabels: labels } } },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'gateway' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' },
        minReplicas: 2,
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
          { to: services.map((service) => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': service.name } } })), ports: [{ port: 3000, protocol: 'TCP' }] },
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
  process.stdout.write(`rendered ${base.size} files into deploy/k8s/base and ${component.size} into deploy/k8s/components/gateway-api\n`);
}
