import type { ServiceName } from './demo-client';

const DEFAULT_PORTS: Record<ServiceName, number> = { units: 3101, incidents: 3102, campaigns: 3103, reporting: 3104 };

/** Where the running platform is: `<SERVICE>_URL`, or the host and `<SERVICE>_PORT` both modes use. */
export function serviceUrls(env: NodeJS.ProcessEnv): Record<ServiceName, string> {
  const host = env['HOST'] || '127.0.0.1';
  const url = (service: ServiceName): string =>
    env[`${service.toUpperCase()}_URL`] || `http://${host}:${env[`${service.toUpperCase()}_PORT`] || DEFAULT_PORTS[service]}`;
  return { units: url('units'), incidents: url('incidents'), campaigns: url('campaigns'), reporting: url('reporting') };
}
