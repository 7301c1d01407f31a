/** What the dashboard's server tells the browser (GET /config.json). */
export interface DashboardConfig {
  mode: 'embedded' | 'deployed';
  /** Embedded mode on loopback only: the demo user picker. */
  demoUsers: boolean;
  /** Sign-in through the province's OpenID Connect provider (ADR 0049). */
  oidc?: { issuer: string; clientId: string; scope: string; resource?: string };
}

let loaded: Promise<DashboardConfig> | undefined;

/** Read once per page: every caller shares the answer. */
export function loadDashboardConfig(): Promise<DashboardConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-store' }).then(async (response) => {
    if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
    return (await response.json()) as DashboardConfig;
  });
  return loaded;
}
