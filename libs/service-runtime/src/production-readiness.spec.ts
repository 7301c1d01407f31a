import { DEVELOPMENT_JWT_SECRET } from '@binh-yen/auth';
import { assertProductionReady, isProductionLike, NotProductionReadyError, readinessProblems, type ReadinessInput } from './production-readiness';

const good: ReadinessInput = {
  nodeEnv: 'production',
  eventTransport: 'kafka',
  host: '0.0.0.0',
  jwtSecret: 'k'.repeat(20) + 'a-random-enough-tail-000',
  issuer: 'https://id.phutho.gov.vn',
  audience: 'binh-yen-api',
};
const names = (input: ReadinessInput): string[] => readinessProblems(input).map((problem) => problem.split(':')[0]!);

describe('the production-readiness check', () => {
  it('leaves the embedded demo on loopback alone, whatever it holds', () => {
    const demo: ReadinessInput = { eventTransport: 'embedded', host: '127.0.0.1', jwtSecret: DEVELOPMENT_JWT_SECRET, demoSignIn: true };
    expect(isProductionLike(demo)).toBe(false);
    expect(readinessProblems(demo)).toEqual([]);
  });

  it.each([
    ['NODE_ENV=production', { nodeEnv: 'production', eventTransport: 'embedded', host: '127.0.0.1' }],
    ['a Kafka mode', { eventTransport: 'kafka', host: '127.0.0.1' }],
    ['an address others reach', { eventTransport: 'embedded', host: '0.0.0.0' }],
  ] as const)('applies with %s', (_label, input) => {
    expect(isProductionLike(input)).toBe(true);
  });

  it('accepts a deployment as it should be, with a shared secret or a JWKS', () => {
    expect(readinessProblems(good)).toEqual([]);
    expect(readinessProblems({ ...good, jwtSecret: undefined, jwksUrl: 'https://id.phutho.gov.vn/jwks' })).toEqual([]);
  });

  it('names every variable to set: published, empty and short secrets, no issuer or audience, published keys, demo sign-in, keys beside the data', () => {
    expect(names({ ...good, jwtSecret: DEVELOPMENT_JWT_SECRET })).toEqual(['AUTH_JWT_SECRET']);
    expect(names({ ...good, jwtSecret: '' })).toEqual(['AUTH_JWT_SECRET']);
    expect(names({ ...good, jwtSecret: 'only-thirty-one-characters-long' })).toEqual(['AUTH_JWT_SECRET']);
    expect(names({ ...good, issuer: undefined, audience: undefined })).toEqual(['AUTH_JWT_ISSUER', 'AUTH_JWT_AUDIENCE']);
    expect(names({ ...good, secrets: { INCIDENTS_INFORMANT_KEY: 'ZGV2LWtleS1jaGFuZ2UtbWUtaW4tZXZlcnktZGVwbG8=' } })).toEqual(['INCIDENTS_INFORMANT_KEY']);
    expect(names({ ...good, demoSignIn: true })).toEqual(['DEMO_SIGN_IN']);
    expect(names({ ...good, dataDir: '/srv/binh-yen/data', keysDir: '/srv/binh-yen/data/keys', keyFilesInDataDir: ['/srv/binh-yen/data/.informant-key'] })).toEqual(['/srv/binh-yen/data/.informant-key', 'BINHYEN_KEYS_DIR']);
    expect(names({ ...good, dataDir: '/srv/binh-yen/data', keysDir: '/srv/binh-yen/keys' })).toEqual([]);
  });

  it('refuses with one message in Vietnamese and English that lists them all', () => {
    const refusal = ((): unknown => {
      try {
        assertProductionReady({ ...good, jwtSecret: DEVELOPMENT_JWT_SECRET, demoSignIn: true });
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(NotProductionReadyError);
    expect((refusal as Error).message).toMatch(/chưa sẵn sàng cho vận hành thật \(not ready for production/);
    expect((refusal as NotProductionReadyError).problems).toHaveLength(2);
  });
});
