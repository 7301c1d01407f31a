export * from './fingerprint';
export * from './idempotency-key.decorator';
export * from './idempotency-schema';
export * from './idempotency.module';
export * from './idempotency.service';
