import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseOtlpHeaders, tracesUrl, type OtlpTraceRequest } from './otlp-http-exporter';
import { contextFromTraceparent, endSpan, flushTracing, initTracing, shutdownTracing, SpanKind, tracer } from './tracing';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: OtlpTraceRequest;
}

/** A collector stand-in: records each OTLP/HTTP request, answers 200 as a collector does. */
async function startCollector(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraceRequest });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('OTLP/HTTP JSON span exporter', () => {
  afterEach(() => shutdownTracing());

  it('posts batched spans to <endpoint>/v1/traces in the OTLP JSON encoding, one resource per service', async () => {
    const collector = await startCollector();
    try {
      initTracing({ exporter: 'otlp', otlp: { endpoint: `${collector.url}/`, headers: { 'x-api-key': 'k1' }, scheduledDelayMs: 50 } });
      const parent = contextFromTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
      const server = tracer('incidents').startSpan('POST /api/v1/incidents', { kind: SpanKind.SERVER, attributes: { 'http.response.status_code': 201, ratio: 0.5, ok: true, tags: ['a', 'b'] } }, parent);
      endSpan(server);
      const failed = tracer('reporting').startSpan('apply incident-counts.v1', { kind: SpanKind.CONSUMER }, parent);
      endSpan(failed, new Error('mất kết nối'));
      await flushTracing();

      expect(collector.received).toHaveLength(1);
      const [request] = collector.received;
      expect(request!.path).toBe('/v1/traces');
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request!.headers['x-api-key']).toBe('k1');
      const services = request!.body.resourceSpans.map((resource) => resource.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue);
      expect(services.sort()).toEqual(['incidents', 'reporting']);
      const spans = request!.body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
      const incidentSpan = spans.find((span) => span.name === 'POST /api/v1/incidents')!;
      expect(incidentSpan).toMatchObject({
        traceId: '0af7651916cd43dd8448eb211c80319c',
        parentSpanId: 'b7ad6b7169203331',
        kind: 2, // SPAN_KIND_SERVER
        status: { code: 0 },
      });
      expect(incidentSpan.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(BigInt(incidentSpan.endTimeUnixNano) >= BigInt(incidentSpan.startTimeUnixNano)).toBe(true);
      expect(incidentSpan.attributes).toEqual(
        expect.arrayContaining([
          { key: 'http.response.status_code', value: { intValue: '201' } },
          { key: 'ratio', value: { doubleValue: 0.5 } },
          { key: 'ok', value: { boolValue: true } },
          { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } } },
        ]),
      );
      const failedSpan = spans.find((span) => span.name === 'apply incident-counts.v1')!;
      expect(failedSpan).toMatchObject({ kind: 5, status: { code: 2, message: 'mất kết nối' } });
      expect(failedSpan.events.map((event) => event.name)).toEqual(['exception']);
    } finally {
      collector.server.close();
    }
  });

  it('reads the standard variables: base endpoint → /v1/traces, percent-encoded headers', () => {
    expect(tracesUrl('http://otel-collector:4318')).toBe('http://otel-collector:4318/v1/traces');
    expect(tracesUrl('https://otlp.example.vn/base/')).toBe('https://otlp.example.vn/base/v1/traces');
    expect(parseOtlpHeaders('api-key=abc%3D%3D, x-tenant = phu-tho,broken')).toEqual({ 'api-key': 'abc==', 'x-tenant': 'phu-tho' });
    expect(parseOtlpHeaders(undefined)).toEqual({});
  });
});
