import type { AttributeValue, Attributes, HrTime } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * Exports spans over OTLP/HTTP with the JSON encoding (ADR 0021): one POST of an
 * ExportTraceServiceRequest to `<endpoint>/v1/traces`, which every OpenTelemetry
 * Collector, Jaeger, Tempo and most vendors accept. Written here because the OTLP
 * exporter packages are not among the dependencies; the encoding is small and stable.
 *
 * Spans are grouped into one resource per service (the tracer's name), so several
 * services sharing one process (the embedded mode) still show as themselves.
 */
export interface OtlpHttpExporterOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL, e.g. http://otel-collector:4318. */
  endpoint: string;
  /** OTEL_EXPORTER_OTLP_HEADERS, already parsed (e.g. an API key of a hosted collector). */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** OTLP JSON shapes (opentelemetry-proto, JSON mapping): ids as hex, 64-bit integers as strings. */
export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
  arrayValue?: { values: OtlpAnyValue[] };
}
export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  events: { timeUnixNano: string; name: string; attributes: OtlpKeyValue[] }[];
  droppedEventsCount: number;
  links: { traceId: string; spanId: string; attributes: OtlpKeyValue[] }[];
  droppedLinksCount: number;
  status: { code: number; message?: string };
}
export interface OtlpTraceRequest {
  resourceSpans: {
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: { scope: { name: string; version?: string }; spans: OtlpSpan[] }[];
  }[];
}

export class OtlpHttpSpanExporter implements SpanExporter {
  private readonly url: string;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: OtlpHttpExporterOptions) {
    this.url = tracesUrl(options.endpoint);
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    const sending = this.send(toOtlpTraceRequest(spans)).then(
      () => resultCallback({ code: ExportResultCode.SUCCESS }),
      (error: unknown) => resultCallback({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    this.inFlight.add(sending);
    void sending.finally(() => this.inFlight.delete(sending));
  }

  async forceFlush(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  shutdown(): Promise<void> {
    return this.forceFlush();
  }

  private async send(body: OtlpTraceRequest): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { ...this.options.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    // The body may carry a partial-success message; spans are best effort, so it is only drained.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`OTLP collector answered ${response.status} at ${this.url}`);
  }
}

/** `<endpoint>/v1/traces`, as the specification builds the signal URL from the base endpoint. */
export function tracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/** OTEL_EXPORTER_OTLP_HEADERS: `key=value,key2=value2`, values percent-encoded. */
export function parseOtlpHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    headers[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

export function toOtlpTraceRequest(spans: readonly ReadableSpan[]): OtlpTraceRequest {
  const byService = new Map<string, { resource: OtlpKeyValue[]; scopes: Map<string, { version?: string; spans: OtlpSpan[] }> }>();
  for (const span of spans) {
    const scope = span.instrumentationScope;
    let service = byService.get(scope.name);
    if (!service) {
      // The tracer's name is the service (ADR 0019); it overrides the SDK's default service.name.
      service = { resource: toKeyValues({ ...span.resource.attributes, 'service.name': scope.name }), scopes: new Map() };
      byService.set(scope.name, service);
    }
    let entry = service.scopes.get(scope.name);
    if (!entry) {
      entry = { ...(scope.version ? { version: scope.version } : {}), spans: [] };
      service.scopes.set(scope.name, entry);
    }
    entry.spans.push(toOtlpSpan(span));
  }
  return {
    resourceSpans: [...byService.values()].map(({ resource, scopes }) => ({
      resource: { attributes: resource },
      scopeSpans: [...scopes.entries()].map(([name, { version, spans: scoped }]) => ({ scope: { name, ...(version ? { version } : {}) }, spans: scoped })),
    })),
  };
}

function toOtlpSpan(span: ReadableSpan): OtlpSpan {
  const { traceId, spanId, traceState } = span.spanContext();
  const state = traceState?.serialize();
  return {
    traceId,
    spanId,
    ...(span.parentSpanContext?.spanId ? { parentSpanId: span.parentSpanContext.spanId } : {}),
    ...(state ? { traceState: state } : {}),
    name: span.name,
    // The API counts kinds from INTERNAL = 0; OTLP keeps 0 for "unspecified".
    kind: span.kind + 1,
    startTimeUnixNano: unixNano(span.startTime),
    endTimeUnixNano: unixNano(span.endTime),
    attributes: toKeyValues(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map((event) => ({ timeUnixNano: unixNano(event.time), name: event.name, attributes: toKeyValues(event.attributes ?? {}) })),
    droppedEventsCount: span.droppedEventsCount,
    links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId, attributes: toKeyValues(link.attributes ?? {}) })),
    droppedLinksCount: span.droppedLinksCount,
    // Same numbering in the API and OTLP: unset 0, ok 1, error 2.
    status: { code: span.status.code, ...(span.status.message ? { message: span.status.message } : {}) },
  };
}

function unixNano([seconds, nanos]: HrTime): string {
  return (BigInt(seconds) * 1_000_000_000n + BigInt(nanos)).toString();
}

function toKeyValues(attributes: Attributes): OtlpKeyValue[] {
  return Object.entries(attributes).flatMap(([key, value]) => (value === undefined ? [] : [{ key, value: toAnyValue(value) }]));
}

function toAnyValue(value: AttributeValue | null | undefined): OtlpAnyValue {
  if (Array.isArray(value)) return { arrayValue: { values: (value as (string | number | boolean | null | undefined)[]).map((item) => toAnyValue(item)) } };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  return { stringValue: value == null ? '' : String(value) };
}
