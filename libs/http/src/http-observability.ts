import type { INestApplication } from '@nestjs/common';
import { contextFromTraceparent, SpanKind, SpanStatusCode, tracer, tracingEnabled, withEventCause } from '@binh-yen/telemetry';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Counter, Histogram, Registry } from 'prom-client';

/**
 * HTTP metrics of one service: request count and duration by method, route
 * template (never the raw path, so ids do not explode the label set) and status.
 * Kept in their own registry, which the service's /metrics merges with its own.
 */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'binhyen_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'binhyen_http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its answer, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
}

const HTTP_METRICS = 'binhyenHttpMetrics';

/** The HTTP metrics of an app built by configureHttpApp (read by the /metrics endpoint). */
export function httpMetricsOf(expressApp: unknown): HttpMetrics | undefined {
  return (expressApp as { locals?: Record<string, unknown> } | undefined)?.locals?.[HTTP_METRICS] as HttpMetrics | undefined;
}

export function attachHttpMetrics(app: INestApplication, metrics: HttpMetrics): void {
  const expressApp = app.getHttpAdapter().getInstance() as { locals: Record<string, unknown> };
  expressApp.locals[HTTP_METRICS] = metrics;
}

/** `/api/v1/incidents/:id`, or `unmatched` when no route answered (a 404, a request refused before routing). */
export function routeTemplate(request: Request): string {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}

/**
 * Measures every request and, when tracing is on, serves it inside a server span
 * (a child of the caller's `traceparent`, if it sent one), so whatever the
 * request appends to the outbox carries this trace onwards.
 */
export function observeHttp(serviceName: string, metrics: HttpMetrics): RequestHandler {
  const httpTracer = tracer(serviceName);
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const traced = tracingEnabled();
    const given = request.headers['traceparent'];
    const parent = contextFromTraceparent(traced && typeof given === 'string' ? given : undefined);
    const span = traced
      ? httpTracer.startSpan(`${request.method} ${request.path}`, {
          kind: SpanKind.SERVER,
          attributes: { 'http.request.method': request.method, 'url.path': request.path, 'service.name': serviceName },
        }, parent)
      : undefined;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      const route = routeTemplate(request);
      const labels = { method: request.method, route, status: String(response.statusCode) };
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      if (span) {
        span.updateName(`${request.method} ${route}`);
        span.setAttributes({ 'http.route': route, 'http.response.status_code': response.statusCode });
        if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    };
    response.once('finish', finish);
    response.once('close', finish);
    // The request causes the events it writes: their publish spans hang under this span, not under the
    // handler or query spans instrumentations open inside it (ADR 0036).
    if (span) withEventCause(span, parent, next);
    else next();
  };
}
