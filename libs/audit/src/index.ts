export * from './audit-schema';
export * from './audit-trail';
export * from './audit.controller';
export * from './audit.module';
