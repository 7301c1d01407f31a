// `npm run start:local`: the local stack — a Kafka broker from the Maven jars, the four
// services on the machine's PostgreSQL — in one terminal, one log stream, one Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { issueToken } from '@binh-yen/auth';
import { newInformantKey, newJwtSecret, secretsFile } from './secrets-file';
import { localDatabaseUrl, localServices } from './services';
import { tokenSigningFromEnv } from './token-signing';

const brokerPort = process.env['KAFKA_PORT'] ?? '19092';
const brokers = `127.0.0.1:${brokerPort}`;
// Not the embedded demo: no published secret opens it (the production-readiness check), so the
// first start makes its own and keeps them in .local/secrets.env; the shell's variables win.
const LOCAL_SECRETS_FILE = '.local/secrets.env';
const made = secretsFile(
  LOCAL_SECRETS_FILE,
  { AUTH_JWT_SECRET: newJwtSecret, AUTH_JWT_ISSUER: () => 'binh-yen-local', AUTH_JWT_AUDIENCE: () => 'binh-yen-api', INCIDENTS_INFORMANT_KEY: newInformantKey },
  ['Secrets of the local stack, made by `npm run start:local` at its first start. Keep this file:', 'without INCIDENTS_INFORMANT_KEY the stored informants cannot be read.'],
);
const secrets = { ...made, ...Object.fromEntries(Object.entries(process.env).filter(([name, value]) => /^(AUTH_JWT_|INCIDENTS_INFORMANT_KEY$)/.test(name) && value)) };
const children: ChildProcess[] = [];

function prefixed(name: string, child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name.padEnd(9)}] ${line}\n`));
  }
}

function startKafka(): void {
  process.stdout.write(`Starting Kafka on ${brokers} (first run downloads the jars with Maven)…\n`);
  const result = spawnSync('bash', ['deploy/local/kafka/kafka.sh', 'start'], { stdio: 'inherit', env: { ...process.env, KAFKA_PORT: brokerPort } });
  if (result.status !== 0) throw new Error('Kafka did not start; see the messages above (Java 17 and Maven are needed).');
}

async function waitReady(name: string, url: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become ready at ${url}`);
}

async function main(): Promise<void> {
  startKafka();
  const created = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/create-databases.ts'], { stdio: 'inherit' });
  if (created.status !== 0) throw new Error('Could not create the databases.');
  for (const service of localServices) {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${service.name}/src/main.ts`], {
      env: {
        ...process.env,
        PORT: String(service.port),
        DATABASE_URL: localDatabaseUrl(service.name),
        KAFKA_BROKERS: brokers,
        ...secrets,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    prefixed(service.name, child);
    child.on('exit', (code, signal) => process.stdout.write(`[${service.name.padEnd(9)}] exited (${signal ?? code})\n`));
    children.push(child);
  }
  await Promise.all(localServices.map((service) => waitReady(service.name, `http://127.0.0.1:${service.port}`)));
  const token = await issueToken({ subject: 'demo-police-officer', agency: 'police', roles: ['officer'], area: '25' }, tokenSigningFromEnv(secrets));
  process.stdout.write('\nBình Yên is running (local stack). Ctrl-C stops everything.\n');
  for (const service of localServices) {
    process.stdout.write(`  ${service.name.padEnd(10)} http://127.0.0.1:${service.port}/api/docs\n`);
  }
  process.stdout.write(`  report     http://127.0.0.1:3104/api/v1/reports/incident-counts?quarter=2026-Q3\n`);
  process.stdout.write(`\nDemo token (police officer, province 25):\n  ${token}\n`);
  process.stdout.write(`Secrets of this stack: ${LOCAL_SECRETS_FILE} (keep it: the informant key decrypts the informants). Other tokens:\n`);
  process.stdout.write(`  (set -a; . ${LOCAL_SECRETS_FILE}; npm run -s token -- police officer 25)\n\n`);
}

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping the services…\n');
  await Promise.all(
    children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))))),
  );
  spawnSync('bash', ['deploy/local/kafka/kafka.sh', 'stop'], { stdio: 'inherit', env: { ...process.env, KAFKA_PORT: brokerPort } });
  process.exit(0);
}

process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown().then(() => process.exit(1));
});
