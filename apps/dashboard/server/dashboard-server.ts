import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { OidcSettings } from './oidc-settings';
import type { AssetSource } from './static-assets';

export const UPSTREAM_SERVICES = ['units', 'incidents', 'campaigns', 'reporting'] as const;
export type UpstreamService = (typeof UPSTREAM_SERVICES)[number];

/** A user the sign-in page offers in the embedded mode (demo tokens only). */
export interface DemoUser {
  label: string;
  agency: string;
  roles: string[];
  area: string;
  token: string;
}

export interface DashboardServerOptions {
  host: string;
  port: number;
  assets: AssetSource;
  /** Base URL of each service, e.g. http://127.0.0.1:3104. */
  upstreams: Record<UpstreamService, string>;
  /** Shown to the browser so it knows whether to offer the demo picker. */
  mode: 'embedded' | 'deployed';
  /** Embedded mode only, on a loopback address only: the demo users to pick from on the sign-in page. */
  demoUsers?: () => Promise<DemoUser[]>;
  /** Sign-in through the province's OpenID Connect provider (ADR 0049): offered whenever set. */
  oidc?: OidcSettings;
}

/** An address only this machine reaches (the embedded demo's). */
const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

export interface RunningDashboard {
  url: string;
  stop(): Promise<void>;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) stay on their own hop.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

// Inline style attributes (chart widths) need 'unsafe-inline' for styles only; scripts stay 'self'.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The app's pages may also talk to the identity provider (discovery, token and refresh requests). */
function pageHeaders(options: DashboardServerOptions): Record<string, string> {
  if (!options.oidc) return SECURITY_HEADERS;
  const provider = new URL(options.oidc.issuer).origin;
  return { ...SECURITY_HEADERS, 'content-security-policy': CSP.replace("connect-src 'self'", `connect-src 'self' ${provider}`) };
}

function forwardableHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const type = status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  response.end(JSON.stringify(body));
}

function problem(response: ServerResponse, status: number, title: string, detail: string): void {
  sendJson(response, status, { type: 'about:blank', title, status, detail });
}

function forwardedProto(request: IncomingMessage): 'http' | 'https' {
  const claimed = String(request.headers['x-forwarded-proto'] ?? '').split(',')[0]?.trim();
  return claimed === 'https' ? 'https' : 'http';
}

/**
 * `/svc/<service>/api/v1/...` → `<upstream>/api/v1/...`: the browser talks to one
 * origin (no CORS), bearer token passed through untouched; responses are streamed,
 * so the freshness server-sent events arrive as they are sent.
 */
function proxy(request: IncomingMessage, response: ServerResponse, upstream: string, path: string): void {
  const target = new URL(path, upstream);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = forwardableHeaders(request.headers);
  headers['x-forwarded-for'] = [request.headers['x-forwarded-for'], request.socket.remoteAddress].filter(Boolean).join(', ');
  // Behind the TLS Ingress the client spoke https to the Ingress, which says so; directly, it spoke http to us.
  headers['x-forwarded-proto'] = forwardedProto(request);
  const outgoing = send(target, { method: request.method, headers }, (incoming) => {
    response.writeHead(incoming.statusCode ?? 502, forwardableHeaders(incoming.headers));
    response.flushHeaders();
    incoming.pipe(response);
  });
  outgoing.on('error', (error) => {
    if (!response.headersSent) problem(response, 502, 'Dịch vụ không phản hồi (Bad gateway)', `${new URL(upstream).host}: ${error.message}`);
    else response.destroy();
  });
  // A closed tab ends the upstream request too (an SSE stream would run forever otherwise).
  response.on('close', () => outgoing.destroy());
  request.pipe(outgoing);
}

async function serveAsset(request: IncomingMessage, response: ServerResponse, assets: AssetSource, path: string, headers: Record<string, string>): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    problem(response, 405, 'Method not allowed', `${request.method} ${path}`);
    return;
  }
  const wanted = path === '/' ? '/index.html' : path;
  // Unknown paths without an extension are pages of the app: it routes in the browser.
  const asset = (await assets.get(wanted)) ?? (/\.[a-z0-9]+$/i.test(wanted) ? undefined : await assets.get('/index.html'));
  if (!asset) {
    problem(response, 404, 'Not found', path);
    return;
  }
  response.writeHead(200, { 'content-type': asset.contentType, 'content-length': asset.body.length, 'cache-control': 'no-cache', ...headers });
  response.end(request.method === 'HEAD' ? undefined : asset.body);
}

async function handle(options: DashboardServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
  const service = /^\/svc\/([a-z]+)(\/.*)$/.exec(url.pathname);
  if (service) {
    const [, name = '', path = ''] = service;
    const upstream = options.upstreams[name as UpstreamService] as string | undefined;
    // Only the public API is reachable through the dashboard (no docs, metrics or health).
    if (!upstream || !path.startsWith('/api/v1/')) {
      problem(response, 404, 'Not found', url.pathname);
      return;
    }
    proxy(request, response, upstream, `${path}${url.search}`);
    return;
  }
  // The gateway routes for other systems: /api/<service>/v1/... (the API) and
  // /api/<service>/docs/... (its OpenAPI document and UI) → <upstream>/api/v1|docs/...
  const gateway = /^\/api\/([a-z]+)(\/.*)$/.exec(url.pathname);
  if (gateway) {
    const [, name = '', rest = ''] = gateway;
    const upstream = options.upstreams[name as UpstreamService] as string | undefined;
    if (!upstream || !/^\/(v1|docs)(\/|$)/.test(rest)) {
      problem(response, 404, 'Not found', url.pathname);
      return;
    }
    proxy(request, response, upstream, `/api${rest}${url.search}`);
    return;
  }
  if (url.pathname === '/config.json') {
    sendJson(response, 200, { mode: options.mode, demoUsers: Boolean(options.demoUsers), ...(options.oidc ? { oidc: options.oidc } : {}) });
    return;
  }
  if (url.pathname === '/demo-users.json') {
    if (!options.demoUsers) problem(response, 404, 'Not found', 'Demo users exist only in the embedded mode.');
    else sendJson(response, 200, await options.demoUsers());
    return;
  }
  if (url.pathname === '/health/live') {
    sendJson(response, 200, { status: 'ok' });
    return;
  }
  await serveAsset(request, response, options.assets, url.pathname, pageHeaders(options));
}

/**
 * The dashboard's own small server, which is also the platform's gateway (the single entry in
 * docker-compose): the built app at /, the four services at /svc/<service>/api/v1/... (for the
 * browser app) and /api/<service>/v1|docs/... (for other systems). Headers such as
 * `traceparent` and `X-Request-Id` pass through, so a caller's trace continues into the services.
 */
export async function startDashboardServer(options: DashboardServerOptions): Promise<RunningDashboard> {
  // Demo users are working tokens for anyone who asks: never where another machine can ask (issue 23).
  if (options.demoUsers && !isLoopback(options.host)) {
    throw new Error(`Demo sign-in is served on a loopback address only (127.0.0.1), not on ${options.host}: set DEMO_SIGN_IN=false.`);
  }
  const server = createServer((request, response) => {
    handle(options, request, response).catch((error: unknown) => {
      if (!response.headersSent) problem(response, 500, 'Internal error', error instanceof Error ? error.message : String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        // Open event streams would hold the server (and the services behind it) open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
