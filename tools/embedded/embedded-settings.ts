import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEV_JWT_SECRET } from '../issue-token';

export const SERVICE_NAMES = ['units', 'incidents', 'campaigns', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface EmbeddedSettings {
  /** Every database lives under it: <dataDir>/<service>, <dataDir>/events. */
  dataDir: string;
  host: string;
  ports: Record<ServiceName, number>;
  jwtSecret: string;
  /** Encrypts informants of public tips: INCIDENTS_INFORMANT_KEY, or one made for this data folder on its first start. */
  informantKey: string;
  logLevel: string;
}

const DEFAULT_PORTS: Record<ServiceName, number> = { units: 3101, incidents: 3102, campaigns: 3103, reporting: 3104 };

function port(env: NodeJS.ProcessEnv, service: ServiceName): number {
  const name = `${service.toUpperCase()}_PORT`;
  const value = env[name];
  if (value === undefined || value === '') return DEFAULT_PORTS[service];
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number, not "${value}"`);
  return parsed;
}

/** The launcher's own variables (.env.example, "Embedded mode"); each service still validates its own. */
export function embeddedSettings(env: NodeJS.ProcessEnv): EmbeddedSettings {
  const dataDir = resolve(env['DATA_DIR'] || 'data');
  return {
    dataDir,
    host: env['HOST'] || '127.0.0.1',
    ports: { units: port(env, 'units'), incidents: port(env, 'incidents'), campaigns: port(env, 'campaigns'), reporting: port(env, 'reporting') },
    jwtSecret: env['AUTH_JWT_SECRET'] || DEV_JWT_SECRET,
    informantKey: env['INCIDENTS_INFORMANT_KEY'] || informantKeyOf(dataDir),
    logLevel: env['LOG_LEVEL'] || 'log',
  };
}

/** The data folder's own informant key, made once (readable by its owner only) and kept with the data it protects. */
function informantKeyOf(dataDir: string): string {
  const file = join(dataDir, '.informant-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
