import 'reflect-metadata';
import { InvalidEnvironmentError, loadEnv } from '@binh-yen/http';
import { ServiceEnv } from './service-env';
import { tracingOptionsOf } from './start-service';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/binhyen_incidents', KAFKA_BROKERS: '127.0.0.1:19092' };
const optionsFor = (extra: Record<string, string>) => tracingOptionsOf(loadEnv(ServiceEnv, { ...base, ...extra }));

describe('tracing from the standard OpenTelemetry variables (ADR 0021)', () => {
  it('is off unless asked, and an empty variable counts as unset (compose passes ${X:-})', () => {
    expect(optionsFor({}).exporter).toBe('none');
    expect(optionsFor({ OTEL_TRACES_EXPORTER: '', OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_HEADERS: '' }).exporter).toBe('none');
  });

  it('exports over OTLP/HTTP as soon as a collector endpoint is set (the exporter reads endpoint and headers itself), with the batch delay', () => {
    expect(optionsFor({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318', OTEL_EXPORTER_OTLP_HEADERS: 'api-key=abc', OTEL_BSP_SCHEDULE_DELAY: '500' })).toEqual({
      exporter: 'otlp',
      serviceName: 'binh-yen',
      otlp: { scheduledDelayMs: 500 },
    });
    expect(tracingOptionsOf(loadEnv(ServiceEnv, { ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' }), 'incidents').serviceName).toBe('incidents');
    expect(tracingOptionsOf(loadEnv(ServiceEnv, { ...base, EVENT_TRANSPORT: 'embedded', EMBEDDED_EVENTS_URL: 'postgres://x/y', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }), 'incidents').serviceName).toBe('binh-yen');
  });

  it('lets OTEL_TRACES_EXPORTER=none win over an endpoint, and refuses otlp without one', () => {
    expect(optionsFor({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' }).exporter).toBe('none');
    expect(() => optionsFor({ OTEL_TRACES_EXPORTER: 'otlp' })).toThrow(InvalidEnvironmentError);
    expect(() => optionsFor({ OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/);
  });
});
