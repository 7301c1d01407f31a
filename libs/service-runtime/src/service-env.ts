import { Transform } from 'class-transformer';
import { envBoolean, KafkaSecurityEnv } from '@binh-yen/http';
import { ArrayNotEmpty, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';


/** The OpenTelemetry specification reads an empty variable as unset (compose passes `${X:-}` as ""). */
const emptyAsUnset = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

export type TracesExporterName = 'none' | 'console' | 'file' | 'otlp';

/** The exporter in effect: the named one, else OTLP as soon as a collector endpoint is given. */
export function tracesExporterOf(env: Pick<ServiceEnv, 'OTEL_TRACES_EXPORTER' | 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>): TracesExporterName {
  return env.OTEL_TRACES_EXPORTER ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? 'otlp' : 'none');
}

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;

/**
 * Variables every service reads (documented in .env.example). Each service's
 * env class extends this one with its own; the Kafka TLS/SASL ones come from KafkaSecurityEnv.
 */
export class ServiceEnv extends KafkaSecurityEnv {
  @IsInt() @Min(0) @Max(65535)
  PORT: number = 0;

  @IsString()
  HOST: string = '127.0.0.1';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsInt() @Min(1) @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  @Transform(envBoolean) @IsBoolean()
  DATABASE_MIGRATE_ON_START: boolean = true;

  /** `kafka` (local stack, containers, cluster) or `embedded` (the table log of `npm start`). */
  @IsIn(['kafka', 'embedded'], { message: 'EVENT_TRANSPORT must be kafka or embedded' })
  EVENT_TRANSPORT: 'kafka' | 'embedded' = 'kafka';

  /** The shared event-log database of the embedded mode. */
  @ValidateIf((env: ServiceEnv) => env.EVENT_TRANSPORT === 'embedded')
  @Matches(/^postgres(ql)?:\/\//, { message: 'EMBEDDED_EVENTS_URL must be a postgres:// URL when EVENT_TRANSPORT=embedded' })
  EMBEDDED_EVENTS_URL?: string;

  /** Required on Kafka; the embedded mode has no broker. */
  @ValidateIf((env: ServiceEnv) => env.EVENT_TRANSPORT === 'kafka')
  @ArrayNotEmpty({ message: 'KAFKA_BROKERS is required when EVENT_TRANSPORT=kafka' })
  @Transform(toList) @IsString({ each: true }) @Matches(/^[^\s:]+:\d+$/, { each: true, message: 'KAFKA_BROKERS must be host:port[,host:port]' })
  KAFKA_BROKERS: string[] = [];

  @IsString() @Matches(/^([a-z0-9-]+\.)?$/, { message: 'KAFKA_TOPIC_PREFIX must be empty or like "staging."' })
  KAFKA_TOPIC_PREFIX: string = '';

  @IsInt() @Min(1) @Max(128)
  KAFKA_PARTITIONS: number = 6;

  @Transform(envBoolean) @IsBoolean()
  KAFKA_PROVISION_TOPICS: boolean = true;

  /**
   * How long the broker waits for a silent consumer before rebalancing its partitions: also how
   * long a process restarted after a crash waits before it applies again (ADR 0029, runbook).
   */
  @IsInt() @Min(6_000) @Max(300_000)
  KAFKA_SESSION_TIMEOUT_MS: number = 10_000;

  @IsInt() @Min(100) @Max(10_000)
  KAFKA_HEARTBEAT_INTERVAL_MS: number = 1_000;

  /**
   * Restarts a consumer may make (the transport's and its supervision's together) before it is dead for
   * good; each committed chunk makes the budget whole again. Dead for good fails liveness (ADR 0037).
   */
  @IsInt() @Min(0) @Max(1_000)
  KAFKA_CONSUMER_MAX_RESTARTS: number = 10;

  /**
   * How long a consumer or the outbox relay may stay dead for good (it cannot recover by itself)
   * before /health/live fails and the orchestrator restarts the process (ADR 0037).
   */
  @IsInt() @Min(0) @Max(3_600)
  LIVENESS_GRACE_SECONDS: number = 60;

  /** Serve the API (off: a projector process that answers only /health and /metrics on its port; ADR 0038). */
  @Transform(envBoolean) @IsBoolean()
  HTTP_ENABLED: boolean = true;

  /** Run the projection consumers (off: an API process that applies nothing; ADR 0038). */
  @Transform(envBoolean) @IsBoolean()
  CONSUMERS_ENABLED: boolean = true;

  /**
   * The largest event the outbox accepts, and the most payload bytes the relay publishes at once;
   * keep it below the broker's message.max.bytes and every topic's max.message.bytes.
   */
  @IsInt() @Min(10_000) @Max(100_000_000)
  KAFKA_MAX_EVENT_BYTES: number = 900_000;

  @IsInt() @Min(10) @Max(60_000)
  RELAY_POLL_INTERVAL_MS: number = 1_000;

  @IsInt() @Min(1) @Max(10_000)
  RELAY_BATCH_SIZE: number = 500;

  /** `production` makes the production-readiness check apply even to the embedded mode (docs/security.md). */
  @Transform(emptyAsUnset)
  @IsOptional() @IsString()
  NODE_ENV?: string;

  @Transform(emptyAsUnset)
  @IsOptional() @IsString() @MinLength(16, { message: 'AUTH_JWT_SECRET must be at least 16 characters' })
  AUTH_JWT_SECRET?: string;

  @Transform(emptyAsUnset)
  @IsOptional() @Matches(/^https?:\/\//, { message: 'AUTH_JWKS_URL must be an http(s) URL' })
  AUTH_JWKS_URL?: string;

  /** The `iss` every token must carry; required outside the embedded demo (the production-readiness check). */
  @Transform(emptyAsUnset)
  @IsOptional() @IsString() @MinLength(1)
  AUTH_JWT_ISSUER?: string;

  /** The `aud` every token must carry: this platform's name at the identity provider. */
  @Transform(emptyAsUnset)
  @IsOptional() @IsString() @MinLength(1)
  AUTH_JWT_AUDIENCE?: string;

  /** Where the identity provider's tokens carry the agency, roles and area: a claim name or dotted path (libs/auth, ClaimMapping). */
  @Transform(emptyAsUnset)
  @IsOptional() @Matches(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, { message: 'AUTH_CLAIM_AGENCY must be a claim name or a dotted path' })
  AUTH_CLAIM_AGENCY?: string;

  @Transform(emptyAsUnset)
  @IsOptional() @Matches(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, { message: 'AUTH_CLAIM_ROLES must be a claim name or a dotted path' })
  AUTH_CLAIM_ROLES?: string;

  @Transform(emptyAsUnset)
  @IsOptional() @Matches(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, { message: 'AUTH_CLAIM_AREA must be a claim name or a dotted path' })
  AUTH_CLAIM_AREA?: string;

  /** Browser origins allowed to call the API (comma-separated); empty keeps CORS off. */
  @Transform(toList) @IsString({ each: true }) @Matches(/^https?:\/\/[^\s,]+$/, { each: true, message: 'CORS_ORIGINS must be origins such as https://baocao.phutho.gov.vn' })
  CORS_ORIGINS: string[] = [];

  /** Requests a minute per caller (token subject; address when anonymous); 0 turns the limit off. */
  @IsInt() @Min(0) @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE: number = 6_000;

  /** `memory`: each process counts alone; `redis`: every replica shares one count (RATE_LIMIT_REDIS_URL). */
  @IsIn(['memory', 'redis'], { message: 'RATE_LIMIT_STORE must be memory or redis' })
  RATE_LIMIT_STORE: 'memory' | 'redis' = 'memory';

  @ValidateIf((env: ServiceEnv) => env.RATE_LIMIT_STORE === 'redis')
  @Matches(/^rediss?:\/\/\S+$/, { message: 'RATE_LIMIT_REDIS_URL must be a redis:// or rediss:// URL, required when RATE_LIMIT_STORE=redis' })
  RATE_LIMIT_REDIS_URL?: string;

  /**
   * Which peers may name the client's address in X-Forwarded-For: `false` (none, the default), a hop
   * count (e.g. 2: Ingress then gateway), or addresses/CIDRs (`10.0.0.0/8,loopback`). Never `true`:
   * any client could then pick its own address and its own rate-limit bucket.
   */
  @Matches(/^(false|\d+|[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*)$/, { message: 'TRUST_PROXY must be false, a hop count, or addresses/CIDRs separated by commas' })
  @Matches(/^(?!\s*true\s*$)/, { message: 'TRUST_PROXY=true would trust any client\'s X-Forwarded-For; name the proxies (hops or CIDRs)' })
  TRUST_PROXY: string = 'false';

  @Matches(/^\d+(kb|mb)$/, { message: 'HTTP_BODY_LIMIT must look like 256kb or 1mb' })
  HTTP_BODY_LIMIT: string = '256kb';

  @IsIn(['error', 'warn', 'log', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' = 'log';

  /**
   * Where finished trace spans go: `none` (tracing off), `console` (JSON lines on stdout), `file`
   * (JSON lines appended to OTEL_SPANS_FILE) or `otlp` (OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT).
   * Unset: `otlp` when an endpoint is set, else `none`. See ADR 0019 and 0021.
   */
  @Transform(emptyAsUnset)
  @IsOptional()
  @IsIn(['none', 'console', 'file', 'otlp'], { message: 'OTEL_TRACES_EXPORTER chỉ nhận none, console, file hoặc otlp (OTEL_TRACES_EXPORTER must be none, console, file or otlp)' })
  OTEL_TRACES_EXPORTER?: TracesExporterName;

  @ValidateIf((env: ServiceEnv) => env.OTEL_TRACES_EXPORTER === 'file')
  @IsString({ message: 'OTEL_SPANS_FILE is required when OTEL_TRACES_EXPORTER=file' }) @MinLength(1)
  OTEL_SPANS_FILE?: string;

  /** The standard OpenTelemetry variable: the collector's OTLP/HTTP base URL (spans go to `<it>/v1/traces`). */
  @Transform(emptyAsUnset)
  @ValidateIf((env: ServiceEnv) => (env.OTEL_TRACES_EXPORTER === 'otlp' && env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT === undefined) || env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined)
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT phải là URL http(s), bắt buộc khi OTEL_TRACES_EXPORTER=otlp (OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://otel-collector:4318, required when OTEL_TRACES_EXPORTER=otlp)' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** Standard too: the full URL for traces alone (used as is, no /v1/traces appended); wins over the base endpoint. */
  @Transform(emptyAsUnset)
  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL such as http://otel-collector:4318/v1/traces' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** Standard too: `gzip` compresses each batch; unset or `none` sends it as it is. */
  @Transform(emptyAsUnset)
  @IsOptional() @IsIn(['gzip', 'none'], { message: 'OTEL_EXPORTER_OTLP_COMPRESSION must be gzip or none' })
  OTEL_EXPORTER_OTLP_COMPRESSION?: 'gzip' | 'none';

  /** Standard too: headers sent to the collector, `key=value,key2=value2` (e.g. an API key). */
  @Transform(emptyAsUnset)
  @IsOptional() @Matches(/^[^=,\s]+=[^,]*(,\s*[^=,\s]+=[^,]*)*$/, { message: 'OTEL_EXPORTER_OTLP_HEADERS phải có dạng khoa=giatri,khoa2=giatri2 (OTEL_EXPORTER_OTLP_HEADERS must look like key=value,key2=value2)' })
  OTEL_EXPORTER_OTLP_HEADERS?: string;

  /** Standard too: milliseconds between two OTLP batches. */
  @IsInt() @Min(10) @Max(60_000)
  OTEL_BSP_SCHEDULE_DELAY: number = 5_000;

  /** `json` in containers (one object per line, for the log pipeline); `text` for people. */
  @IsIn(['text', 'json'])
  LOG_FORMAT: 'text' | 'json' = 'text';
}
