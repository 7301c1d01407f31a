export * from './create-database';
export * from './data-source-options';
export * from './run-migrations';
export * from './embedded-postgres';
