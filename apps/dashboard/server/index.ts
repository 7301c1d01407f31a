// The dashboard server's public entry (ADR 0053): what the platform host and the tools may use of it.
// Nothing outside apps/dashboard imports another of its files (the boundary rule refuses it).
import type { Asset } from './static-assets';

export { startDashboardServer, UPSTREAM_SERVICES, type DemoUser, type RunningDashboard } from './dashboard-server';
export { oidcSettingsFromEnv } from './oidc-settings';
export { assetsFromDirectory, assetsFromMemory, type AssetSource } from './static-assets';

/** Bundles apps/dashboard/src now. esbuild is a development tool: it loads only when this is called. */
export async function bundleDashboard(options: { minify?: boolean } = {}): Promise<Map<string, Asset>> {
  const bundler = await import('./bundle-dashboard');
  return bundler.bundleDashboard(options);
}
