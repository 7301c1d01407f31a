import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEVELOPMENT_JWT_SECRET, type TokenSigning } from '@binh-yen/auth';
import { assertProductionReady } from '@binh-yen/service-runtime';

export const SERVICE_NAMES = ['units', 'incidents', 'campaigns', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface EmbeddedSettings {
  /** Every database lives under it: <dataDir>/<service>, <dataDir>/events. Its owner's alone (0700). */
  dataDir: string;
  host: string;
  ports: Record<ServiceName, number>;
  /** How the services verify tokens and the launcher signs the demo's: AUTH_JWT_SECRET (or the development secret), issuer, audience. */
  signing: TokenSigning;
  /** Encrypts informants of public tips: INCIDENTS_INFORMANT_KEY, or one made for this data folder and kept in `keysDir`. */
  informantKey: string;
  /** Where the made informant key is kept: apart from the data it protects (BINHYEN_KEYS_DIR). */
  keysDir: string;
  /** Demo tokens printed, written to DATA_DIR/demo-tokens.json and offered by the dashboard (DEMO_SIGN_IN, on by default). */
  demoSignIn: boolean;
  logLevel: string;
}

const DEFAULT_PORTS: Record<ServiceName, number> = { units: 3101, incidents: 3102, campaigns: 3103, reporting: 3104 };

/** The informant key file older versions kept inside DATA_DIR. */
const LEGACY_KEY_FILE = '.informant-key';

function port(env: NodeJS.ProcessEnv, service: ServiceName): number {
  const name = `${service.toUpperCase()}_PORT`;
  const value = env[name];
  if (value === undefined || value === '') return DEFAULT_PORTS[service];
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) throw new Error(`${name} must be a port number, not "${value}"`);
  return parsed;
}

/**
 * The launcher's own variables (.env.example, "Embedded mode"); each service still validates its own.
 * Checks first that the platform is fit for where it runs (the production-readiness check: with
 * NODE_ENV=production or on an address others reach, no published secret and no demo sign-in),
 * then makes the data directory its owner's alone and finds or makes the informant key.
 */
export function embeddedSettings(env: NodeJS.ProcessEnv): EmbeddedSettings {
  const dataDir = resolve(env['DATA_DIR'] || 'data');
  const keysDir = resolve(env['BINHYEN_KEYS_DIR'] || join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'binh-yen', 'keys'));
  const host = env['HOST'] || '127.0.0.1';
  const signing: TokenSigning = {
    secret: env['AUTH_JWT_SECRET'] || DEVELOPMENT_JWT_SECRET,
    ...(env['AUTH_JWT_ISSUER'] ? { issuer: env['AUTH_JWT_ISSUER'] } : {}),
    ...(env['AUTH_JWT_AUDIENCE'] ? { audience: env['AUTH_JWT_AUDIENCE'] } : {}),
  };
  const demoSignIn = env['DEMO_SIGN_IN'] !== 'false';
  const legacyKey = join(dataDir, LEGACY_KEY_FILE);
  assertProductionReady({
    nodeEnv: env['NODE_ENV'],
    eventTransport: 'embedded',
    host,
    jwtSecret: signing.secret,
    issuer: signing.issuer,
    audience: signing.audience,
    secrets: { INCIDENTS_INFORMANT_KEY: env['INCIDENTS_INFORMANT_KEY'] || undefined },
    demoSignIn,
    dataDir,
    keysDir,
    keyFilesInDataDir: existsSync(legacyKey) ? [legacyKey] : [],
  });
  keepDataPrivate(dataDir);
  return {
    dataDir,
    host,
    ports: { units: port(env, 'units'), incidents: port(env, 'incidents'), campaigns: port(env, 'campaigns'), reporting: port(env, 'reporting') },
    signing,
    informantKey: env['INCIDENTS_INFORMANT_KEY'] || informantKeyOf(dataDir, keysDir),
    keysDir,
    demoSignIn,
    logLevel: env['LOG_LEVEL'] || 'log',
  };
}

/**
 * DATA_DIR and the folders in it (the databases) for their owner only, also when an older version
 * made them 0755 — and after a database is made, since a copy of the cluster template keeps the
 * template's modes.
 */
export function keepDataPrivate(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isDirectory()) chmodSync(join(dataDir, entry.name), 0o700);
  }
}

/**
 * This data folder's informant key, kept in `keysDir` (0700; the file 0600) under a name drawn
 * from the folder's path, so that a copy of the data alone does not carry its key. Made once;
 * a key an older version left inside DATA_DIR is moved out on the first start that finds it.
 */
function informantKeyOf(dataDir: string, keysDir: string): string {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  chmodSync(keysDir, 0o700);
  const file = join(keysDir, `informant-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.key`);
  const legacy = join(dataDir, LEGACY_KEY_FILE);
  if (existsSync(legacy)) {
    const key = readFileSync(legacy, 'utf8').trim();
    if (existsSync(file) && readFileSync(file, 'utf8').trim() !== key) {
      throw new Error(`Two informant keys for ${dataDir}: ${legacy} and ${file}. Keep the one the data was sealed with and delete the other.`);
    }
    if (!existsSync(file)) renameOrCopy(legacy, file, key);
    rmSync(legacy, { force: true });
  }
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}

/** A rename across file systems fails; then the key is written anew (0600) and the old file removed by the caller. */
function renameOrCopy(from: string, to: string, key: string): void {
  try {
    renameSync(from, to);
    chmodSync(to, 0o600);
  } catch {
    writeFileSync(to, `${key}\n`, { mode: 0o600 });
  }
}
