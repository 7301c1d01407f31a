import { isAbsolute, relative, resolve } from 'node:path';
import { DEVELOPMENT_JWT_SECRET } from '@binh-yen/auth';

/**
 * Secrets this repository has published (in its files or its history). Each opens nothing
 * outside the embedded demo on loopback: whoever reads the repository knows them.
 */
export const KNOWN_SECRETS: readonly string[] = [
  DEVELOPMENT_JWT_SECRET,
  'test-secret-for-integration-tests-only',
  'embedded-start-test-secret-0123456789',
  // Informant keys docker-compose.yml and the local stack used to ship.
  'ZGV2LWtleS1jaGFuZ2UtbWUtaW4tZXZlcnktZGVwbG8=',
  'bG9jYWwtc3RhY2stZGV2LWtleS1ub3QtYS1zZWNyZXQ=',
];

/** The shortest shared HS256 secret accepted outside the demo: 256 bits of base64 text. */
export const MIN_SECRET_LENGTH = 32;

/** What the check looks at; every field comes from a validated environment or the launcher's settings. */
export interface ReadinessInput {
  nodeEnv?: string | undefined;
  eventTransport: 'kafka' | 'embedded';
  /** The address the services listen on. */
  host: string;
  jwtSecret?: string | undefined;
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** Other secrets by variable name (the incidents service's informant key). */
  secrets?: Record<string, string | undefined>;
  /** The embedded launcher: whether it would hand out demo tokens (DEMO_SIGN_IN). */
  demoSignIn?: boolean;
  /** The embedded launcher: its data directory, and plaintext key files it found inside it. */
  dataDir?: string;
  keyFilesInDataDir?: string[];
  /** The embedded launcher: where it keeps the informant key it made (BINHYEN_KEYS_DIR). */
  keysDir?: string;
}

/** An address only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Everything but the embedded demo on loopback: NODE_ENV=production, any Kafka mode (local
 * stack, containers, cluster, tests), or the embedded mode listening where others reach it.
 */
export function isProductionLike(input: Pick<ReadinessInput, 'nodeEnv' | 'eventTransport' | 'host'>): boolean {
  return input.nodeEnv === 'production' || input.eventTransport !== 'embedded' || !isLoopbackHost(input.host);
}

const isInside = (path: string, folder: string): boolean => {
  const offset = relative(resolve(folder), resolve(path));
  return offset === '' || (!offset.startsWith('..') && !isAbsolute(offset));
};

/** What is wrong for a platform others use, each problem saying what to set; empty when nothing is. */
export function readinessProblems(input: ReadinessInput): string[] {
  if (!isProductionLike(input)) return [];
  const problems: string[] = [];
  if (!input.jwksUrl) {
    const secret = input.jwtSecret ?? '';
    if (secret === '') {
      problems.push('AUTH_JWT_SECRET: chưa đặt (not set). Đặt AUTH_JWKS_URL của nhà cung cấp định danh, hoặc AUTH_JWT_SECRET=$(openssl rand -base64 48) (set your identity provider’s AUTH_JWKS_URL, or a random AUTH_JWT_SECRET).');
    } else if (KNOWN_SECRETS.includes(secret)) {
      problems.push('AUTH_JWT_SECRET: là khóa đã công bố trong kho mã (a secret published in the repository: anyone can sign tokens with it). Đặt khóa ngẫu nhiên mới (set a new random one): openssl rand -base64 48.');
    } else if (secret.length < MIN_SECRET_LENGTH) {
      problems.push(`AUTH_JWT_SECRET: quá ngắn, ${secret.length} ký tự (too short: ${secret.length} characters; at least ${MIN_SECRET_LENGTH}). Đặt khóa ngẫu nhiên (set a random one): openssl rand -base64 48.`);
    }
  }
  if (!input.issuer) problems.push('AUTH_JWT_ISSUER: chưa đặt (not set): the `iss` of your identity provider’s tokens, e.g. https://id.phutho.gov.vn/realms/binh-yen. Without it a token signed for any issuer is accepted.');
  if (!input.audience) problems.push('AUTH_JWT_AUDIENCE: chưa đặt (not set): the `aud` your identity provider gives this platform’s tokens, e.g. binh-yen-api. Without it a token signed for any other application is accepted.');
  for (const [name, value] of Object.entries(input.secrets ?? {})) {
    if (value !== undefined && KNOWN_SECRETS.includes(value)) problems.push(`${name}: là khóa đã công bố trong kho mã (a key published in the repository). Đặt khóa mới (set a new one): openssl rand -base64 32; then move stored data to it (docs/runbook.md).`);
  }
  if (input.demoSignIn) problems.push('DEMO_SIGN_IN: đăng nhập thử trao token cho bất kỳ ai (demo sign-in hands out working tokens to anyone). Đặt DEMO_SIGN_IN=false (set DEMO_SIGN_IN=false); it exists only for the embedded demo on 127.0.0.1.');
  for (const file of input.keyFilesInDataDir ?? []) {
    problems.push(`${file}: khóa bảo vệ người báo tin nằm cạnh dữ liệu nó bảo vệ (a plaintext informant key inside the data directory). Move it to a secret store and pass it as INCIDENTS_INFORMANT_KEY, then delete the file.`);
  }
  if (input.dataDir && input.keysDir && isInside(input.keysDir, input.dataDir)) {
    problems.push(`BINHYEN_KEYS_DIR: ${input.keysDir} nằm trong DATA_DIR (lies inside DATA_DIR ${input.dataDir}): keep keys apart from the data they protect.`);
  }
  return problems;
}

/** Thrown at start by a platform that is not ready for others to use; its message says what to set. */
export class NotProductionReadyError extends Error {
  constructor(readonly problems: string[]) {
    super(
      [
        'Cấu hình chưa sẵn sàng cho vận hành thật (not ready for production: NODE_ENV=production, a Kafka mode, or an address others reach):',
        ...problems.map((problem) => `  - ${problem}`),
        'The embedded demo (`npm start` on 127.0.0.1, NODE_ENV unset) needs none of this. See docs/security.md.',
      ].join('\n'),
    );
    this.name = 'NotProductionReadyError';
  }
}

export function assertProductionReady(input: ReadinessInput): void {
  const problems = readinessProblems(input);
  if (problems.length > 0) throw new NotProductionReadyError(problems);
}
