import { initTracing, otelContext, otelTrace, shutdownTracing, tracer } from '@binh-yen/telemetry';
import { ServiceLogger } from './json-logger';

describe('ServiceLogger (LOG_FORMAT=json)', () => {
  afterEach(() => shutdownTracing());

  it('adds the active trace and span ids to each JSON line', () => {
    initTracing({ exporter: 'console' });
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const logger = new ServiceLogger('incidents', { json: true });
      logger.log('outside');
      const span = tracer('incidents').startSpan('POST /api/v1/incidents');
      otelContext.with(otelTrace.setSpan(otelContext.active(), span), () => logger.log('inside'));
      const parsed = lines.filter((line) => line.includes('side')).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(parsed[0]).not.toHaveProperty('traceId');
      expect(parsed[1]).toMatchObject({ message: 'inside', context: 'incidents', traceId: span.spanContext().traceId, spanId: span.spanContext().spanId });
    } finally {
      write.mockRestore();
    }
  });
});
