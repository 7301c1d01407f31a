import { Transform } from 'class-transformer';
import { envBoolean } from './env-boolean';
import { IsBoolean, IsIn, IsOptional, IsString, MinLength, ValidateIf } from 'class-validator';

const emptyAsUnset = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/**
 * TLS and SASL to the Kafka brokers (ADR 0035), read by every service and by the tools that talk to
 * Kafka (the topics Job). Paths name PEM files (a mounted Secret); the password comes from a Secret.
 * All unset: plaintext, as on the local broker.
 */
export class KafkaSecurityEnv {
  /** TLS to the brokers; the broker's certificate and host name are always checked. */
  @Transform(envBoolean) @IsBoolean()
  KAFKA_SSL: boolean = false;

  /** PEM bundle of the CAs that sign the brokers' certificates; the system's roots when unset. */
  @Transform(emptyAsUnset)
  @ValidateIf((env: KafkaSecurityEnv) => env.KAFKA_SSL_CA_FILE !== undefined)
  @IsString() @MinLength(1)
  KAFKA_SSL_CA_FILE?: string;

  /** A client certificate (PEM) for brokers that ask for one (ssl.client.auth=required); with KAFKA_SSL_KEY_FILE. */
  @Transform(emptyAsUnset)
  @ValidateIf((env: KafkaSecurityEnv) => env.KAFKA_SSL_CERT_FILE !== undefined || env.KAFKA_SSL_KEY_FILE !== undefined)
  @IsString({ message: 'KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together' }) @MinLength(1)
  KAFKA_SSL_CERT_FILE?: string;

  @Transform(emptyAsUnset)
  @ValidateIf((env: KafkaSecurityEnv) => env.KAFKA_SSL_CERT_FILE !== undefined || env.KAFKA_SSL_KEY_FILE !== undefined)
  @IsString({ message: 'KAFKA_SSL_KEY_FILE and KAFKA_SSL_CERT_FILE go together' }) @MinLength(1)
  KAFKA_SSL_KEY_FILE?: string;

  /** SASL mechanism; SCRAM-SHA-512 is what the platform's brokers offer. `plain` only over TLS. */
  @Transform(emptyAsUnset)
  @IsOptional()
  @IsIn(['scram-sha-512', 'scram-sha-256', 'plain'], { message: 'KAFKA_SASL_MECHANISM must be scram-sha-512, scram-sha-256 or plain' })
  KAFKA_SASL_MECHANISM?: 'scram-sha-512' | 'scram-sha-256' | 'plain';

  @Transform(emptyAsUnset)
  @ValidateIf((env: KafkaSecurityEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsString({ message: 'KAFKA_SASL_USERNAME is required with KAFKA_SASL_MECHANISM' }) @MinLength(1)
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((env: KafkaSecurityEnv) => env.KAFKA_SASL_MECHANISM !== undefined)
  @IsString({ message: 'KAFKA_SASL_PASSWORD is required with KAFKA_SASL_MECHANISM' }) @MinLength(1)
  KAFKA_SASL_PASSWORD?: string;

  /** A plain password must never cross the wire in clear. */
  @ValidateIf((env: KafkaSecurityEnv) => env.KAFKA_SASL_MECHANISM === 'plain')
  @IsIn([true], { message: 'KAFKA_SASL_MECHANISM=plain needs KAFKA_SSL=true (the password would travel in clear)' })
  protected get plainOverTls(): boolean {
    return this.KAFKA_SSL;
  }
}

/** The settings readKafkaSecurity (libs/messaging) turns into kafkajs options. */
export function kafkaSecuritySettingsOf(env: KafkaSecurityEnv): {
  ssl: boolean;
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  saslMechanism?: 'scram-sha-512' | 'scram-sha-256' | 'plain';
  saslUsername?: string;
  saslPassword?: string;
} {
  return {
    ssl: env.KAFKA_SSL,
    ...(env.KAFKA_SSL_CA_FILE ? { caFile: env.KAFKA_SSL_CA_FILE } : {}),
    ...(env.KAFKA_SSL_CERT_FILE ? { certFile: env.KAFKA_SSL_CERT_FILE } : {}),
    ...(env.KAFKA_SSL_KEY_FILE ? { keyFile: env.KAFKA_SSL_KEY_FILE } : {}),
    ...(env.KAFKA_SASL_MECHANISM ? { saslMechanism: env.KAFKA_SASL_MECHANISM } : {}),
    ...(env.KAFKA_SASL_USERNAME ? { saslUsername: env.KAFKA_SASL_USERNAME } : {}),
    ...(env.KAFKA_SASL_PASSWORD !== undefined ? { saslPassword: env.KAFKA_SASL_PASSWORD } : {}),
  };
}
