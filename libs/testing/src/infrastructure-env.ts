/** Where the test infrastructure is; the global setup fills these for the workers. */
export const ADMIN_DATABASE_URL_VAR = 'BINHYEN_TEST_ADMIN_DATABASE_URL';
export const BROKERS_VAR = 'KAFKA_BROKERS';

export function adminDatabaseUrl(): string {
  return process.env[ADMIN_DATABASE_URL_VAR] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testBrokers(): string[] {
  const brokers = process.env[BROKERS_VAR];
  if (!brokers) {
    throw new Error(`${BROKERS_VAR} is not set: run integration tests through jest's global setup (npm test).`);
  }
  return brokers.split(',');
}
