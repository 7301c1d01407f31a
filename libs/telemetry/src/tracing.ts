import { appendFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import {
  context,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ExportResultCode, hrTimeToMilliseconds, W3CTraceContextPropagator, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation, type KafkajsMessage } from '@opentelemetry/instrumentation-kafkajs';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { detectResources, envDetector, processDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/**
 * OpenTelemetry traces for the event path (ADR 0019). One trace runs from the
 * HTTP request through the outbox row, the relay's publish and the Kafka (or
 * embedded log) message headers to every projection that applies the event.
 * Off by default (OTEL_TRACES_EXPORTER=none): then no provider is registered and
 * every call here is a cheap no-op, so the event path behaves exactly as without it.
 */
export type TracesExporter = 'none' | 'console' | 'file' | 'otlp';

export interface TracingOptions {
  exporter: TracesExporter;
  /** Where the `file` exporter appends one JSON object per finished span. */
  spansFile?: string;
  /**
   * The `otlp` exporter (ADR 0036): `@opentelemetry/exporter-trace-otlp-http`, which reads the standard
   * variables itself (OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT, _HEADERS, _COMPRESSION, _TIMEOUT, _CERTIFICATE).
   */
  otlp?: { scheduledDelayMs?: number };
  /** `service.name` of the process's resource; OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over it. */
  serviceName?: string;
}

/** One finished span as the `console` and `file` exporters write it (a JSON line). */
export interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  /** The tracer's name: the service (or library) that recorded the span. */
  service: string;
  startTime: string;
  durationMs: number;
  status: 'unset' | 'ok' | 'error';
  attributes: Attributes;
  links: { traceId: string; spanId: string }[];
}

const propagator = new W3CTraceContextPropagator();
const TRACEPARENT = 'traceparent';

/**
 * Our own message header with the W3C traceparent of the relay's publish span, the parent of every
 * projection's apply span. Apart from `traceparent`, which the kafkajs instrumentation rewrites with
 * its own send span (made under the relay's batch, not under the request that caused the event).
 */
export const EVENT_TRACEPARENT_HEADER = 'event-traceparent';
let provider: BasicTracerProvider | undefined;

/** Starts tracing for this process; the first call wins (several services may share a process). */
let disableInstrumentations: (() => void) | undefined;

export function initTracing(options: TracingOptions): void {
  if (provider || options.exporter === 'none') return;
  // Ours, then what the environment and the process say (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES win).
  // Only detectors that answer at once: an async one (the host id) would make every export wait for
  // it, and the `file` exporter must have written a span when it ends.
  const resource = resourceFromAttributes({ 'service.name': options.serviceName ?? 'binh-yen', 'host.name': hostname() }).merge(
    detectResources({ detectors: [envDetector, processDetector] }),
  );
  provider = new BasicTracerProvider({ resource, spanProcessors: [spanProcessorFor(options)] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  // The instrumentations inject and extract through the global propagator (outgoing HTTP, Kafka headers).
  propagation.setGlobalPropagator(propagator);
  disableInstrumentations = registerInstrumentations({ tracerProvider: provider, instrumentations: libraryInstrumentations() });
}

/**
 * Spans from well-kept instrumentations, beside our four (ADR 0036). Each patches its library the next
 * time it is required, which for these happens after start-up began (TypeORM loads pg per data source,
 * Nest loads its Express adapter when the app is created, libs/messaging loads kafkajs at its first
 * connection).
 * - http: outgoing calls only (JWKS, the gateway's upstreams); the incoming SERVER span stays ours
 *   (observeHttp), named by route template, parent of the outbox's traceparent.
 * - express and Nest: the route and handler as children of that SERVER span; Express middleware left out (noise).
 * - pg: every query inside a traced request or projection batch; none outside one (the relay's polling
 *   would otherwise start a trace every second).
 * - kafkajs: a `send <topic>` span per message in the relay's batch and a `poll`/`process <topic>` pair
 *   per consumed batch. Its send span replaces each message's `traceparent` header and is made under
 *   the relay's batch (no request is active then), so the projections read our EVENT_TRACEPARENT_HEADER
 *   first and stay children of the event's own publish span; both kafkajs spans link to that span.
 */
function libraryInstrumentations() {
  return [
    new HttpInstrumentation({ disableIncomingRequestInstrumentation: true, requireParentforOutgoingSpans: true }),
    new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
    new NestInstrumentation(),
    new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    new KafkaJsInstrumentation({
      producerHook: (span, { message }) => linkToEventPublish(span, message),
      consumerHook: (span, { message }) => linkToEventPublish(span, message),
    }),
  ];
}

/** Links a kafkajs span to the publish span the message names in our header (none for untraced events). */
function linkToEventPublish(span: Span, message: KafkajsMessage): void {
  const header = message.headers?.[EVENT_TRACEPARENT_HEADER];
  const publish = trace.getSpanContext(contextFromTraceparent((Array.isArray(header) ? header[0] : header)?.toString()));
  if (publish) span.addLink({ context: publish });
}

function spanProcessorFor(options: TracingOptions): SpanProcessor {
  if (options.exporter === 'otlp') {
    // Batched: a span costs a queue push on the hot path, the network is paid once per batch. The
    // exporter retries with backoff and reads its endpoint, headers and compression from OTEL_* itself.
    const scheduledDelayMs = options.otlp?.scheduledDelayMs;
    return new BatchSpanProcessor(new OTLPTraceExporter(), scheduledDelayMs ? { scheduledDelayMillis: scheduledDelayMs } : {});
  }
  return new SimpleSpanProcessor(new JsonLinesSpanExporter(options.exporter === 'file' ? options.spansFile : undefined));
}

/** Sends the spans still queued (process shutdown: a batch exporter would otherwise lose them). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/** Flushes and stops tracing (tests; process shutdown). */
export async function shutdownTracing(): Promise<void> {
  const current = provider;
  provider = undefined;
  disableInstrumentations?.();
  disableInstrumentations = undefined;
  if (!current) return;
  await current.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

export function tracer(name: string): Tracer {
  return trace.getTracer(name);
}

/** Marks the span whose work causes events (a request's SERVER span): see currentTraceparent. */
const EVENT_CAUSE = createContextKey('binhyen.event-cause');

/**
 * Runs `work` with `span` active and recorded as the cause of any event written meanwhile, so the
 * spans instrumentations open inside it (Nest handler, Express route, pg queries) nest under it
 * without becoming the parent of the relay's publish span.
 */
export function withEventCause<T>(span: Span, parent: Context, work: () => T): T {
  return context.with(trace.setSpan(parent, span).setValue(EVENT_CAUSE, span), work);
}

/**
 * The W3C traceparent an event written now carries (the outbox stamps it): the span marked as the
 * cause (withEventCause) if any, else the active span; undefined when nothing is being traced.
 */
export function currentTraceparent(): string | undefined {
  const active = context.active();
  const cause = active.getValue(EVENT_CAUSE) as Span | undefined;
  return cause ? traceparentOfSpan(cause) : traceparentOf(active);
}

function traceparentOf(ctx: Context): string | undefined {
  if (!provider) return undefined;
  const carrier: Record<string, string> = {};
  propagator.inject(ctx, carrier, { set: (target, key, value) => (target[key] = value) });
  return carrier[TRACEPARENT];
}

/** The traceparent that makes `span` the parent of whatever the receiver does. */
export function traceparentOfSpan(span: Span): string | undefined {
  return traceparentOf(trace.setSpan(ROOT_CONTEXT, span));
}

/** A context whose parent is the span a traceparent names (ROOT when it is missing or malformed). */
export function contextFromTraceparent(traceparent: string | undefined | null): Context {
  if (!provider || !traceparent) return ROOT_CONTEXT;
  return propagator.extract(ROOT_CONTEXT, { [TRACEPARENT]: traceparent }, {
    get: (carrier, key) => carrier[key],
    keys: (carrier) => Object.keys(carrier),
  });
}

/** Trace and span id of the active span, for log lines. */
export function currentTraceIds(): { traceId: string; spanId: string } | null {
  const span = provider ? trace.getActiveSpan() : undefined;
  if (!span) return null;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** Ends a span with the outcome of the work it measured. */
export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}

export { SpanKind, SpanStatusCode, context as otelContext, trace as otelTrace, type Span, type Context };

/**
 * Writes each finished span as one JSON line, synchronously, to a file (so a test
 * reading the file after the effect sees the span) or to stdout.
 */
export class JsonLinesSpanExporter implements SpanExporter {
  constructor(private readonly file?: string) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    try {
      const lines = spans.map((span) => JSON.stringify(toExportedSpan(span))).join('\n') + '\n';
      if (this.file) appendFileSync(this.file, lines);
      else process.stdout.write(lines);
      resultCallback({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      resultCallback({ code: ExportResultCode.FAILED, error: error as Error });
    }
  }

  async shutdown(): Promise<void> {
    // Nothing buffered.
  }
}

const STATUS: Record<number, ExportedSpan['status']> = { 0: 'unset', 1: 'ok', 2: 'error' };

export function toExportedSpan(span: ReadableSpan): ExportedSpan {
  const { traceId, spanId } = span.spanContext();
  return {
    traceId,
    spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: SpanKind[span.kind] ?? String(span.kind),
    service: span.instrumentationScope.name,
    startTime: new Date(hrTimeToMilliseconds(span.startTime)).toISOString(),
    durationMs: Math.round(hrTimeToMilliseconds(span.duration) * 1000) / 1000,
    status: STATUS[span.status.code] ?? 'unset',
    attributes: span.attributes,
    links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId })),
  };
}
