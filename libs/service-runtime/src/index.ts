export * from './health-checks';
export * from './platform-modules';
export * from './service-spec';
export * from './start-service';
export * from './json-logger';
export * from './production-readiness';
export * from './service-env';
