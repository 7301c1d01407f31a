// Validates deploy/k8s/base (or the folder given) against the Kubernetes OpenAPI schemas, offline
// (kubernetes-models ships them and is ESM-only, hence a module of its own).
// Prints one line per document; exits 1 if any is invalid.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';

const models = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'batch/v1/CronJob': CronJob,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
};
// Custom resources have no schema here; their shape is checked by the jest spec.
const customResources = new Set(['keda.sh/v1alpha1/ScaledObject', 'keda.sh/v1alpha1/TriggerAuthentication', 'monitoring.coreos.com/v1/PrometheusRule', 'monitoring.coreos.com/v1/ServiceMonitor', 'gateway.networking.k8s.io/v1/Gateway', 'gateway.networking.k8s.io/v1/HTTPRoute']);

const folder = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'deploy', 'k8s', 'base');
let failures = 0;
for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml')) {
  for (const document of parseAllDocuments(readFileSync(join(folder, file), 'utf8'))) {
    const manifest = document.toJS();
    const key = `${manifest.apiVersion}/${manifest.kind}`;
    const label = `${file}: ${manifest.kind}/${manifest.metadata?.name}`;
    if (customResources.has(key)) {
      console.log(`custom  ${label}`);
      continue;
    }
    const Model = models[key];
    try {
      if (!Model) throw new Error(`no schema known for ${key}`);
      new Model(manifest).validate();
      console.log(`valid   ${label}`);
    } catch (error) {
      failures++;
      console.log(`INVALID ${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
process.exit(failures > 0 ? 1 : 0);
