import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDashboardServer, type DemoUser, type RunningDashboard } from './dashboard-server';
import { oidcSettingsFromEnv } from './oidc-settings';
import { assetsFromMemory } from './static-assets';

/** A stand-in service: echoes what reached it, and streams two server-sent events. */
function fakeService(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/api/v1/stream')) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"n":1}\n\n');
      setTimeout(() => response.end('data: {"n":2}\n\n'), 200);
      return;
    }
    response.writeHead(request.headers.authorization ? 200 : 401, { 'content-type': 'application/json', connection: 'keep-alive' });
    if (request.url?.startsWith('/api/v1/echo-proto')) {
      response.end(JSON.stringify({ proto: request.headers['x-forwarded-proto'], forwardedFor: request.headers['x-forwarded-for'] }));
      return;
    }
    response.end(JSON.stringify({ method: request.method, url: request.url, authorization: request.headers.authorization ?? null, ...(request.headers.traceparent ? { traceparent: request.headers.traceparent } : {}) }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

describe('the dashboard server: static files and a proxy to the services', () => {
  let service: { url: string; server: Server };
  let dashboard: RunningDashboard;

  beforeAll(async () => {
    service = await fakeService();
    const assets = new Map([
      ['/index.html', { body: Buffer.from('<!doctype html><div id="root"></div>'), contentType: 'text/html; charset=utf-8' }],
      ['/app.js', { body: Buffer.from('console.log(1)'), contentType: 'text/javascript; charset=utf-8' }],
    ]);
    dashboard = await startDashboardServer({
      host: '127.0.0.1',
      port: 0,
      assets: assetsFromMemory(assets),
      upstreams: { units: service.url, incidents: service.url, campaigns: service.url, reporting: 'http://127.0.0.1:9' },
      mode: 'deployed',
    });
  });

  afterAll(async () => {
    await dashboard.stop();
    await new Promise((resolve) => service.server.close(resolve));
  });

  it('serves the app, its pages (routed in the browser) and a CSP without inline scripts', async () => {
    const index = await fetch(`${dashboard.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${dashboard.url}/report`)).text()).toContain('id="root"');
    expect((await fetch(`${dashboard.url}/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${dashboard.url}/missing.js`)).status).toBe(404);
  });

  it('passes /svc/<service>/api/v1/... on with the bearer token and the query, and nothing else', async () => {
    const answer = await fetch(`${dashboard.url}/svc/units/api/v1/units/227/subtree?x=1`, { headers: { authorization: 'Bearer abc' } });
    expect(await answer.json()).toEqual({ method: 'GET', url: '/api/v1/units/227/subtree?x=1', authorization: 'Bearer abc' });
    expect((await fetch(`${dashboard.url}/svc/units/api/v1/units`)).status).toBe(401);
    expect((await fetch(`${dashboard.url}/svc/units/metrics`)).status).toBe(404);
    expect((await fetch(`${dashboard.url}/svc/payments/api/v1/x`)).status).toBe(404);
  });

  it('is the gateway: /api/<service>/v1|docs/... reach the service with the caller’s trace context, nothing else does', async () => {
    const answer = await fetch(`${dashboard.url}/api/incidents/v1/incidents?limit=2`, {
      headers: { authorization: 'Bearer abc', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    });
    expect(await answer.json()).toEqual({ method: 'GET', url: '/api/v1/incidents?limit=2', authorization: 'Bearer abc', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(await (await fetch(`${dashboard.url}/api/units/docs/openapi.json`, { headers: { authorization: 'Bearer abc' } })).json()).toMatchObject({ url: '/api/docs/openapi.json' });
    expect((await fetch(`${dashboard.url}/api/units/metrics`)).status).toBe(404);
    expect((await fetch(`${dashboard.url}/api/units/health/ready`)).status).toBe(404);
    expect((await fetch(`${dashboard.url}/api/payments/v1/x`)).status).toBe(404);
    expect((await fetch(`${dashboard.url}/api/units/v10/x`)).status).toBe(404);
  });

  it('tells the service the protocol the client used: https behind the TLS Ingress, http otherwise', async () => {
    const proto = async (headers: Record<string, string>): Promise<string> =>
      ((await (await fetch(`${dashboard.url}/api/units/v1/echo-proto`, { headers: { authorization: 'Bearer abc', ...headers } })).json()) as { proto: string }).proto;
    expect(await proto({ 'x-forwarded-proto': 'https' })).toBe('https');
    expect(await proto({})).toBe('http');
    expect(await proto({ 'x-forwarded-proto': 'gopher' })).toBe('http');
  });

  it("forwards the client's address for the services' per-address limit (TRUST_PROXY names the gateway there)", async () => {
    const forwardedFor = async (headers: Record<string, string>): Promise<string> =>
      ((await (await fetch(`${dashboard.url}/api/units/v1/echo-proto`, { headers: { authorization: 'Bearer abc', ...headers } })).json()) as { forwardedFor: string }).forwardedFor;
    expect(await forwardedFor({})).toBe('127.0.0.1');
    // Behind the Ingress: its chain kept, the Ingress's address (here the test's) appended.
    expect(await forwardedFor({ 'x-forwarded-for': '203.0.113.5' })).toBe('203.0.113.5, 127.0.0.1');
  });

  it('streams server-sent events as they come', async () => {
    const response = await fetch(`${dashboard.url}/svc/incidents/api/v1/stream`);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: {"n":1}\n\n');
    await reader.cancel();
  });

  it('answers a problem when a service is down, and offers demo users only in the embedded mode', async () => {
    const down = await fetch(`${dashboard.url}/svc/reporting/api/v1/reports/freshness`);
    expect(down.status).toBe(502);
    expect(down.headers.get('content-type')).toContain('application/problem+json');
    expect(await (await fetch(`${dashboard.url}/config.json`)).json()).toEqual({ mode: 'deployed', demoUsers: false });
    expect((await fetch(`${dashboard.url}/demo-users.json`)).status).toBe(404);
  });
});

describe('demo sign-in (issue 23, finding 2)', () => {
  const assets = assetsFromMemory(new Map([['/index.html', { body: Buffer.from('<!doctype html>'), contentType: 'text/html; charset=utf-8' }]]));
  const upstreams = { units: 'http://127.0.0.1:9', incidents: 'http://127.0.0.1:9', campaigns: 'http://127.0.0.1:9', reporting: 'http://127.0.0.1:9' };
  const demoUsers = async (): Promise<DemoUser[]> => [{ label: 'police/administrator', agency: 'police', roles: ['administrator'], area: '25', token: 'a-working-token' }];

  it.each(['0.0.0.0', '::', '192.168.1.20'])('is refused on an address other machines reach (%s): the server does not start', async (host) => {
    await expect(startDashboardServer({ host, port: 0, assets, upstreams, mode: 'embedded', demoUsers })).rejects.toThrow(/loopback/);
  });

  it('is offered on the loopback address of the embedded demo', async () => {
    const dashboard = await startDashboardServer({ host: '127.0.0.1', port: 0, assets, upstreams, mode: 'embedded', demoUsers });
    try {
      expect((await fetch(`${dashboard.url}/demo-users.json`)).status).toBe(200);
    } finally {
      await dashboard.stop();
    }
  });
});

describe('sign-in through an OpenID Connect provider (ADR 0049)', () => {
  const assets = assetsFromMemory(new Map([['/index.html', { body: Buffer.from('<!doctype html>'), contentType: 'text/html; charset=utf-8' }]]));
  const upstreams = { units: 'http://127.0.0.1:9', incidents: 'http://127.0.0.1:9', campaigns: 'http://127.0.0.1:9', reporting: 'http://127.0.0.1:9' };

  it('tells the browser the provider and lets its pages talk to it (CSP connect-src), nothing else', async () => {
    const oidc = oidcSettingsFromEnv({ OIDC_ISSUER_URL: 'https://id.phutho.gov.vn/realms/binh-yen/', OIDC_CLIENT_ID: 'binh-yen-dashboard' })!;
    const dashboard = await startDashboardServer({ host: '127.0.0.1', port: 0, assets, upstreams, mode: 'deployed', oidc });
    try {
      expect(await (await fetch(`${dashboard.url}/config.json`)).json()).toEqual({
        mode: 'deployed',
        demoUsers: false,
        oidc: { issuer: 'https://id.phutho.gov.vn/realms/binh-yen', clientId: 'binh-yen-dashboard', scope: 'openid profile offline_access' },
      });
      const csp = (await fetch(`${dashboard.url}/oidc-callback`)).headers.get('content-security-policy');
      expect(csp).toContain("connect-src 'self' https://id.phutho.gov.vn;");
      expect(csp).toContain("script-src 'self';");
    } finally {
      await dashboard.stop();
    }
  });

  it('is off without settings, and refuses half or malformed ones', () => {
    expect(oidcSettingsFromEnv({})).toBeUndefined();
    expect(() => oidcSettingsFromEnv({ OIDC_CLIENT_ID: 'binh-yen-dashboard' })).toThrow(/OIDC_ISSUER_URL/);
    expect(() => oidcSettingsFromEnv({ OIDC_ISSUER_URL: 'id.phutho.gov.vn', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_ISSUER_URL/);
    expect(() => oidcSettingsFromEnv({ OIDC_ISSUER_URL: 'https://id.phutho.gov.vn' })).toThrow(/OIDC_CLIENT_ID/);
  });
});
