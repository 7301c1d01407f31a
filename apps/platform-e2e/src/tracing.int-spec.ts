import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, repoRoot, waitFor } from '@binh-yen/testing';
import { incidentReport } from './support/incident-factory';
import { PlatformUnderTest } from './support/platform';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: string;
  service: string;
  durationMs: number;
  status: string;
  attributes: Record<string, unknown>;
  links: { traceId: string; spanId: string }[];
}

function readSpans(file: string): ExportedSpan[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ExportedSpan);
}

/** The spans of one trace as an indented tree, parents before children. */
function renderTree(spans: ExportedSpan[]): string {
  const ids = new Set(spans.map((span) => span.spanId));
  const lines: string[] = [];
  const walk = (parent: string | null, depth: number): void => {
    for (const span of spans.filter((s) => (parent === null ? !s.parentSpanId || !ids.has(s.parentSpanId) : s.parentSpanId === parent))) {
      lines.push(`${'  '.repeat(depth)}└─ [${span.service}] ${span.kind} ${span.name} (${span.durationMs} ms, ${span.status})`);
      walk(span.spanId, depth + 1);
    }
  };
  walk(null, 0);
  return lines.join('\n');
}

describe('tracing: one trace from the HTTP request to the projection update (ADR 0019)', () => {
  const platform = new PlatformUnderTest();
  const dir = join(repoRoot(), 'test-artifacts', 'traces', platform.topicPrefix.replace(/\.$/, ''));
  const incidentsSpans = join(dir, 'incidents.jsonl');
  const reportingSpans = join(dir, 'reporting.jsonl');

  beforeAll(async () => {
    await platform.createDatabases();
    await Promise.all([
      platform.startIncidents({ OTEL_TRACES_EXPORTER: 'file', OTEL_SPANS_FILE: incidentsSpans }),
      platform.startReporting({ OTEL_TRACES_EXPORTER: 'file', OTEL_SPANS_FILE: reportingSpans }),
    ]);
  });

  afterAll(() => platform.stop());

  it('links the server span, the relay publish and the projection apply through the Kafka headers', async () => {
    // The caller's own trace context, as a gateway or an instrumented client would send it.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await fetch(`${platform.incidents.url}/api/v1/incidents`, {
      method: 'POST',
      headers: {
        authorization: await bearer(),
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      body: JSON.stringify(incidentReport({ category: 'criminal-offence' })),
    });
    expect(response.status).toBe(201);
    const incident = (await response.json()) as { id: string };

    const trace = await waitFor(
      async (): Promise<ExportedSpan[]> => [...readSpans(incidentsSpans), ...readSpans(reportingSpans)].filter((span) => span.traceId === traceId),
      (spans) => spans.some((span) => span.service === 'reporting' && span.kind === 'CONSUMER' && span.name.includes('incident-counts')),
      { timeoutMs: 30_000, description: 'the reporting projection span of the traced request' },
    );
    process.stdout.write(`\ntrace ${traceId} (incident ${incident.id}):\n${renderTree(trace)}\n\n`);

    const server = trace.find((span) => span.kind === 'SERVER' && span.service === 'incidents');
    expect(server).toMatchObject({ name: 'POST /api/v1/incidents', parentSpanId: callerSpanId, attributes: expect.objectContaining({ 'http.route': '/api/v1/incidents', 'http.response.status_code': 201 }) });
    const publishes = trace.filter((span) => span.kind === 'PRODUCER' && span.service === 'incidents');
    expect(publishes.length).toBeGreaterThan(0);
    for (const publish of publishes) expect(publish.parentSpanId).toBe(server!.spanId);
    const publish = publishes.find((span) => span.attributes['binhyen.event.type'] === 'incident.reported');
    expect(publish).toMatchObject({ name: expect.stringMatching(/^publish .*incident$/) });
    const applied = trace.filter((span) => span.kind === 'CONSUMER' && span.service === 'reporting');
    const counts = applied.find((span) => span.name.includes('incident-counts'));
    expect(counts).toMatchObject({ parentSpanId: publish!.spanId, status: 'unset', attributes: expect.objectContaining({ 'binhyen.event.type': 'incident.reported' }) });
    // kafkajs's own spans (ADR 0036): its send span rewrote the message's `traceparent`, yet the
    // apply span above is still the publish span's child (our `event-traceparent` header). Both
    // kafkajs spans link back to the publish span; the consumer's also to the send span it read.
    const kafkaSpans = await waitFor(
      async (): Promise<ExportedSpan[]> =>
        [...readSpans(incidentsSpans), ...readSpans(reportingSpans)].filter((span) => span.service === '@opentelemetry/instrumentation-kafkajs' && span.links.some((link) => link.spanId === publish!.spanId)),
      (spans) => spans.some((span) => span.kind === 'PRODUCER') && spans.some((span) => span.kind === 'CONSUMER'),
      { timeoutMs: 10_000, description: 'the kafkajs send and process spans of the traced event' },
    );
    const send = kafkaSpans.find((span) => span.kind === 'PRODUCER');
    expect(send).toMatchObject({ name: `send ${publish!.attributes['messaging.destination.name'] as string}`, attributes: expect.objectContaining({ 'messaging.system': 'kafka' }) });
    const processed = kafkaSpans.filter((span) => span.kind === 'CONSUMER');
    expect(processed.some((span) => span.links.some((link) => link.spanId === send!.spanId))).toBe(true);
    expect(processed.every((span) => span.name === send!.name.replace(/^send/, 'process'))).toBe(true);

    // The event itself carries the trace too (the envelope's traceparent), for readers without headers.
    const outbox = await platform.sql<{ payload: string; headers: Record<string, string> }>(platform.incidentsDb, `SELECT payload, headers FROM outbox WHERE event_type = 'incident.reported'`);
    const traced = outbox.find((row) => (JSON.parse(row.payload) as { aggregate: { id: string } }).aggregate.id === incident.id);
    expect(traced?.headers['traceparent']).toBe(`00-${traceId}-${server!.spanId}-01`);
    expect((JSON.parse(traced!.payload) as { traceparent: string }).traceparent).toBe(`00-${traceId}-${server!.spanId}-01`);
  });

  it('counts HTTP requests and their durations by method, route template and status in /metrics', async () => {
    await fetch(`${platform.incidents.url}/api/v1/incidents/${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`);
    const metrics = await (await fetch(`${platform.incidents.url}/metrics`)).text();
    expect(metrics).toMatch(/binhyen_http_requests_total\{method="POST",route="\/api\/v1\/incidents",status="201"\} [1-9]/);
    expect(metrics).toMatch(/binhyen_http_requests_total\{method="GET",route="\/api\/v1\/incidents\/:id",status="401"\} 1/);
    expect(metrics).toMatch(/binhyen_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/api\/v1\/incidents",status="201"\} [1-9]/);
    expect(metrics).toContain('binhyen_http_request_duration_seconds_count{method="GET",route="/health/ready",status="200"}');
  });
});
