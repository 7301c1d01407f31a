import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Thrown at start when the environment is not what the service needs. */
export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * Reads a validated config class from an environment map. The only place a
 * service reads process.env is the call of this function in its main.
 */
export function loadEnv<T extends object>(shape: new () => T, source: Record<string, string | undefined>): T {
  const env = plainToInstance(shape, source, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    throw new InvalidEnvironmentError(
      errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`),
    );
  }
  return env;
}
