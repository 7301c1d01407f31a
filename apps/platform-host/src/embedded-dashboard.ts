import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueToken, type Agency, type Role } from '@binh-yen/auth';
import {
  assetsFromDirectory,
  assetsFromMemory,
  bundleDashboard,
  oidcSettingsFromEnv,
  startDashboardServer,
  type AssetSource,
  type DemoUser,
  type RunningDashboard,
} from '@binh-yen/dashboard-server';
import type { EmbeddedSettings } from './embedded-settings';
import type { HostedServices } from './host-services';
import { say } from './service-logger';

const DEFAULT_PORT = 3100;

/**
 * Demo users below the province, to show area scoping; the file has every agency × role at the
 * province. Việt Trì city (25.227) as in 1998; Phường Việt Trì (25.07897), a ward directly under
 * the province after the demo data's 2025 reform, whose officer submits to the province.
 */
const DISTRICT_USERS: { agency: Agency; role: Role; area: string }[] = [
  { agency: 'people-committee', role: 'officer', area: '25.227' },
  { agency: 'people-committee', role: 'analyst', area: '25.227' },
  { agency: 'police', role: 'officer', area: '25.227' },
  { agency: 'people-committee', role: 'officer', area: '25.07897' },
];

/** The province users first that a visitor most likely wants. */
const FIRST: string[] = ['people-committee/analyst', 'police/approver', 'people-committee/approver', 'police/officer'];

function dashboardPort(env: NodeJS.ProcessEnv): number {
  const value = env['DASHBOARD_PORT'];
  if (value === undefined || value === '') return DEFAULT_PORT;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`DASHBOARD_PORT must be a port number, not "${value}"`);
  return parsed;
}

/** Bundled now from apps/dashboard/src (esbuild, ~1 s); the built copy in dist when esbuild is not installed. */
async function dashboardAssets(): Promise<AssetSource | undefined> {
  try {
    return assetsFromMemory(await bundleDashboard({ minify: true }));
  } catch (error) {
    const built = join(__dirname, '..', '..', '..', 'dist', 'apps', 'dashboard', 'public');
    if (existsSync(join(built, 'index.html'))) return assetsFromDirectory(built);
    say(`dashboard not served: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** data/demo-tokens.json (written by demoCredentials once the platform is ready) plus a few district users. */
function demoUsers(settings: EmbeddedSettings): () => Promise<DemoUser[]> {
  return async () => {
    const file = JSON.parse(await readFile(join(settings.dataDir, 'demo-tokens.json'), 'utf8')) as { area: string; tokens: Record<string, Record<string, string>> };
    const province: DemoUser[] = Object.entries(file.tokens).flatMap(([agency, byRole]) =>
      Object.entries(byRole).map(([role, token]) => ({ label: `${agency}/${role}`, agency, roles: [role], area: file.area, token })),
    );
    province.sort((a, b) => rank(a.label) - rank(b.label));
    const districts = await Promise.all(
      DISTRICT_USERS.map(async ({ agency, role, area }) => ({
        label: `${agency}/${role}`,
        agency,
        roles: [role],
        area,
        token: await issueToken({ subject: `demo-${agency}-${role}-${area}`, agency, roles: [role], area }, settings.signing),
      })),
    );
    return [...province, ...districts];
  };
}

function rank(label: string): number {
  const index = FIRST.indexOf(label);
  return index === -1 ? FIRST.length : index;
}

/**
 * The analyst dashboard in the embedded mode: the same server as in a container
 * (static files + a reverse proxy to the four services), with the demo user picker.
 * A dashboard that cannot start never stops the platform.
 */
export async function startEmbeddedDashboard(settings: EmbeddedSettings, services: HostedServices): Promise<RunningDashboard | undefined> {
  const assets = await dashboardAssets();
  if (!assets) return undefined;
  const port = dashboardPort(process.env);
  const oidc = oidcSettingsFromEnv(process.env);
  try {
    return await startDashboardServer({
      host: settings.host,
      port,
      assets,
      upstreams: { units: services.units.url, incidents: services.incidents.url, campaigns: services.campaigns.url, reporting: services.reporting.url },
      mode: 'embedded',
      // Only on loopback, outside production (the launcher's readiness check and the server both see to it).
      ...(settings.demoSignIn ? { demoUsers: demoUsers(settings) } : {}),
      ...(oidc ? { oidc } : {}),
    });
  } catch (error) {
    // E.g. the port is taken by another `npm start`: the services run on regardless.
    say(`dashboard not served on port ${port} (DASHBOARD_PORT): ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
