// The dashboard in a container or a cluster: serves dist/apps/dashboard/public and
// proxies /svc/<service>/api/v1/... to each service. Configuration from the
// environment (documented in .env.example, "Dashboard").
import { join } from 'node:path';
import { oidcSettingsFromEnv } from './oidc-settings';
import { startDashboardServer, UPSTREAM_SERVICES, type UpstreamService } from './dashboard-server';
import { assetsFromDirectory } from './static-assets';

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value || !/^https?:\/\/[^\s]+$/.test(value)) throw new Error(`${name} must be the base URL of the service, e.g. http://reporting:3000 (got "${value ?? ''}")`);
  return value;
}

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env['PORT']}"`);
  const upstreams = Object.fromEntries(UPSTREAM_SERVICES.map((service) => [service, required(env, `${service.toUpperCase()}_URL`)])) as Record<UpstreamService, string>;
  const oidc = oidcSettingsFromEnv(env);
  const dashboard = await startDashboardServer({
    host: env['HOST'] || '0.0.0.0',
    port,
    assets: assetsFromDirectory(env['DASHBOARD_PUBLIC_DIR'] || join(__dirname, 'public')),
    upstreams,
    mode: 'deployed',
    ...(oidc ? { oidc } : {}),
  });
  process.stdout.write(`${JSON.stringify({ level: 'log', message: `dashboard listening on ${dashboard.url}`, upstreams })}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void dashboard.stop().then(() => process.exit(0)));
}

main(process.env).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
