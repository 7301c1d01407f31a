import { randomBytes } from 'node:crypto';
import { bearer, waitFor } from '@binh-yen/testing';
import { incidentReport } from './support/incident-factory';
import { OtlpCollector, type CollectedSpan } from './support/otlp-collector';
import { PlatformUnderTest } from './support/platform';

const SPAN_KIND = { server: 2, producer: 4, consumer: 5 } as const;
const attribute = (span: CollectedSpan, key: string): string | undefined => span.attributes.find((a) => a.key === key)?.value.stringValue;

/**
 * ADR 0021: with OTEL_EXPORTER_OTLP_ENDPOINT set, the services send their spans over OTLP/HTTP.
 * A local collector stand-in receives the trace of one request: HTTP → outbox → Kafka → projection.
 */
describe('OTLP export: one request traced to the collector', () => {
  const platform = new PlatformUnderTest();
  const collector = new OtlpCollector();

  beforeAll(async () => {
    await collector.start();
    await platform.createDatabases();
    const otlp = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200' };
    await Promise.all([platform.startIncidents(otlp), platform.startReporting(otlp)]);
  });

  afterAll(async () => {
    await platform.stop();
    await collector.stop();
  });

  it('delivers the server, publish and apply spans of one trace, each under its own service', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await fetch(`${platform.incidents.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: await bearer(), 'content-type': 'application/json', traceparent: `00-${traceId}-${callerSpanId}-01` },
      body: JSON.stringify(incidentReport({ category: 'criminal-offence' })),
    });
    expect(response.status).toBe(201);

    const trace = await waitFor(
      async () => collector.spans.filter((span) => span.traceId === traceId),
      (spans) => spans.some((span) => span.service === 'reporting' && span.kind === SPAN_KIND.consumer && span.name.includes('incident-counts')),
      { timeoutMs: 30_000, description: 'the projection span of the traced request at the collector' },
    );
    process.stdout.write(`\n[otlp] trace ${traceId}: ${trace.map((span) => `[${span.service}] ${span.name}`).join(' → ')}\n`);
    expect(collector.requests.every((request) => request.path === '/v1/traces' && request.contentType === 'application/json')).toBe(true);

    const server = trace.find((span) => span.kind === SPAN_KIND.server && span.service === 'incidents');
    expect(server).toMatchObject({ name: 'POST /api/v1/incidents', parentSpanId: callerSpanId });
    const publish = trace.find((span) => span.kind === SPAN_KIND.producer && attribute(span, 'binhyen.event.type') === 'incident.reported');
    expect(publish).toMatchObject({ service: 'incidents', parentSpanId: server!.spanId });
    const apply = trace.find((span) => span.kind === SPAN_KIND.consumer && span.name.includes('incident-counts'));
    expect(apply).toMatchObject({ service: 'reporting', parentSpanId: publish!.spanId, status: { code: 0 } });
    expect(BigInt(apply!.startTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(server!.startTimeUnixNano));
  });
});
