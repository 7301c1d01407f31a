import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  contextFromTraceparent,
  currentTraceIds,
  currentTraceparent,
  endSpan,
  initTracing,
  otelContext,
  otelTrace,
  shutdownTracing,
  SpanKind,
  tracer,
  traceparentOfSpan,
  withEventCause,
  type ExportedSpan,
} from './tracing';

describe('tracing', () => {
  it('is a no-op while off: no traceparent, no ids', () => {
    expect(currentTraceparent()).toBeUndefined();
    expect(currentTraceIds()).toBeNull();
    const span = tracer('test').startSpan('nothing');
    expect(traceparentOfSpan(span)).toBeUndefined();
    span.end();
  });

  it('continues a trace across a traceparent and writes finished spans as JSON lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spans-'));
    const file = join(dir, 'spans.jsonl');
    try {
      initTracing({ exporter: 'file', spansFile: file });
      const server = tracer('incidents').startSpan('POST /api/v1/incidents', { kind: SpanKind.SERVER });
      const seen = await otelContext.with(otelTrace.setSpan(otelContext.active(), server), async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return { traceparent: currentTraceparent(), ids: currentTraceIds() };
      });
      const { traceId, spanId } = server.spanContext();
      expect(seen.traceparent).toBe(`00-${traceId}-${spanId}-01`);
      expect(seen.ids).toEqual({ traceId, spanId });
      const consumer = tracer('reporting').startSpan('apply x.v1', { kind: SpanKind.CONSUMER }, contextFromTraceparent(seen.traceparent));
      endSpan(consumer, new Error('boom'));
      server.end();
      const spans = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ExportedSpan);
      expect(spans).toEqual([
        expect.objectContaining({ traceId, parentSpanId: spanId, name: 'apply x.v1', kind: 'CONSUMER', service: 'reporting', status: 'error' }),
        expect.objectContaining({ traceId, spanId, parentSpanId: null, name: 'POST /api/v1/incidents', kind: 'SERVER', service: 'incidents' }),
      ]);
      expect(contextFromTraceparent('not-a-traceparent')).toBe(otelContext.active());
    } finally {
      await shutdownTracing();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(currentTraceparent()).toBeUndefined();
  });

  it('stamps events with the span marked as their cause, not with a span an instrumentation opened inside it', async () => {
    initTracing({ exporter: 'console' });
    try {
      const server = tracer('incidents').startSpan('POST /api/v1/incidents', { kind: SpanKind.SERVER });
      const stamped = withEventCause(server, otelContext.active(), () => {
        const handler = tracer('@opentelemetry/instrumentation-nestjs-core').startSpan('IncidentsController.report');
        return otelContext.with(otelTrace.setSpan(otelContext.active(), handler), () => ({ event: currentTraceparent(), log: currentTraceIds(), handler: handler.spanContext().spanId }));
      });
      expect(stamped.event).toBe(traceparentOfSpan(server));
      // Log lines still name the innermost span.
      expect(stamped.log?.spanId).toBe(stamped.handler);
    } finally {
      await shutdownTracing();
    }
  });
});
