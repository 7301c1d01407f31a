// Renders deploy/k8s/base from one description of the services, so the four stay alike:
//   npm run k8s:render      (a test checks the committed files equal this output)
import { writeFileSync } from 'node:fs';
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
    { name: 'KAFKA_BROKERS', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'KAFKA_BROKERS' } } },
    { name: 'KAFKA_PARTITIONS', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'KAFKA_PARTITIONS' } } },
    // Traces stay off until the platform ConfigMap turns them on (ADR 0019).
    { name: 'OTEL_TRACES_EXPORTER', valueFrom: { configMapKeyRef: { name: 'binh-yen-platform', key: 'OTEL_TRACES_EXPORTER' } } },
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
    data: { KAFKA_BROKERS: 'kafka:9092', KAFKA_PARTITIONS: '6', OTEL_TRACES_EXPORTER: 'none', AUTH_JWKS_URL: 'https://id.example.gov.vn/.well-known/jwks.json' },
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

const root = join(__dirname, '..', 'base');
const files: string[] = ['platform.yaml'];
writeFileSync(join(root, 'platform.yaml'), `# Generated by deploy/k8s/generate/render-manifests.ts; edit that file.\n${yaml(platform)}`);
for (const service of services) {
  writeFileSync(join(root, `${service.name}.yaml`), `# Generated by deploy/k8s/generate/render-manifests.ts; edit that file.\n${yaml(serviceDocuments(service))}`);
  files.push(`${service.name}.yaml`);
}
writeFileSync(
  join(root, 'kustomization.yaml'),
  `# Generated by deploy/k8s/generate/render-manifests.ts; edit that file.\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: binh-yen\nresources:\n${files.map((file) => `  - ${file}`).join('\n')}\n`,
);
process.stdout.write(`rendered ${files.length} files into deploy/k8s/base\n`);
