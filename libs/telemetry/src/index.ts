export * from './tracing';
export * from './otlp-http-exporter';
