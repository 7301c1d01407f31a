import 'reflect-metadata';
import { InvalidEnvironmentError, loadEnv } from './load-env';
import { KafkaSecurityEnv, kafkaSecuritySettingsOf } from './kafka-security-env';

const problemsOf = (source: Record<string, string>): string[] => {
  try {
    loadEnv(KafkaSecurityEnv, source);
    return [];
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
};

describe('KafkaSecurityEnv: TLS and SASL to the brokers, validated at start', () => {
  it('is plaintext when nothing is set', () => {
    expect(kafkaSecuritySettingsOf(loadEnv(KafkaSecurityEnv, {}))).toEqual({ ssl: false });
  });

  it('reads TLS with a CA file and SCRAM-SHA-512 credentials', () => {
    const env = loadEnv(KafkaSecurityEnv, {
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: '/etc/kafka-tls/ca.crt',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'binhyen-incidents',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(kafkaSecuritySettingsOf(env)).toEqual({ ssl: true, caFile: '/etc/kafka-tls/ca.crt', saslMechanism: 'scram-sha-512', saslUsername: 'binhyen-incidents', saslPassword: 's3cret' });
  });

  it('refuses an unknown mechanism, SASL without a user or password, and half a client certificate', () => {
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'gssapi' }).join()).toMatch(/KAFKA_SASL_MECHANISM must be/);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512' }).join()).toMatch(/KAFKA_SASL_USERNAME is required.*|KAFKA_SASL_PASSWORD is required/);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u' }).join()).toMatch(/KAFKA_SASL_PASSWORD is required/);
    expect(problemsOf({ KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: '/tls.crt' }).join()).toMatch(/KAFKA_SSL_KEY_FILE and KAFKA_SSL_CERT_FILE go together/);
  });

  it('refuses a plain password over a plaintext connection', () => {
    const source = { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' };
    expect(problemsOf(source).join()).toMatch(/plain needs KAFKA_SSL=true/);
    expect(problemsOf({ ...source, KAFKA_SSL: 'true' })).toEqual([]);
  });
});
