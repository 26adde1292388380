import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/**
 * `@Transform(envBoolean)` for a boolean variable: reads the raw text (implicit conversion would already have turned
 * 'false' into true); 1/true/yes/on are true; an unset variable keeps the class default.
 */
export const envBoolean = ({ obj, key, value }: { obj: Record<string, unknown>; key: string; value: unknown }) => {
  const raw = obj[key];
  if (raw === undefined) return value;
  return typeof raw === 'boolean' ? raw : ['1', 'true', 'yes', 'on'].includes(String(raw).toLowerCase());
};

/** Variables every Gridline process reads (the gateway and the services). */
export class ProcessConfig {
  /** `production` refuses the development defaults of secrets and keys. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  /** NATS server(s), comma-separated. */
  @Matches(/^(nats|tls|ws|wss):\/\/[^,]+(,(nats|tls|ws|wss):\/\/[^,]+)*$/, { message: 'must be nats:// URL(s), comma-separated' })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /** NATS user of this process (per-service users and permissions: deploy/nats/). Unset: no authentication. */
  @IsOptional()
  @IsString()
  NATS_USER?: string;

  @IsOptional()
  @IsString()
  NATS_PASSWORD?: string;

  /**
   * This process's Ed25519 private JWK (JSON, with a `kid`) that signs the callers it sends over the bus. Unset: a
   * development key derived from the process name (refused in production). `npm run caller-keys -- <process>`.
   */
  @IsOptional()
  @IsString()
  CALLER_SIGNING_KEY?: string;

  /**
   * The public keys (a JWKS in JSON; each key with `kid` and `iss`, the process it belongs to) whose signed callers
   * this process accepts: the gateway's for users, and the processes that may call it for themselves. Unset: the
   * development keys (refused in production).
   */
  @IsOptional()
  @IsString()
  CALLER_TRUSTED_KEYS?: string;

  /** Prefix of every subject and stream name; lets several platforms (or test runs) share one NATS. */
  @IsOptional()
  @Matches(/^[a-z0-9_-]*$/, { message: 'must be lower-case letters, digits, - or _' })
  NATS_PREFIX: string = '';

  /** Port of the service's small HTTP listener (health and metrics). */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 0;

  @IsString()
  HTTP_HOST: string = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /**
   * An OpenTelemetry collector's OTLP/HTTP endpoint (e.g. http://otel-collector:4318): this process's spans are
   * exported there (docs/observability.md). Unset: no span is recorded; the trace context still passes through.
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s) URL' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The platform's version, set by npm when the process runs through an npm script; a service answers it on `service.info`. */
  @IsString()
  npm_package_version: string = '0.1.0';

  /** Time a request over the bus may take before the caller gives up, in milliseconds. */
  @IsInt()
  @Min(100)
  @Max(120000)
  REQUEST_TIMEOUT_MS: number = 5000;
}

/**
 * Variables every service reads. Each app's config class extends this one with its own.
 */
export class ServiceConfig extends ProcessConfig {
  /** PostgreSQL connection URL; the service keeps its tables in its own schema there. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/gridline';

  /** The PostgreSQL schema this service owns (defaults to the service name). */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a lower-case SQL identifier' })
  DB_SCHEMA?: string;

  /** Connections in the service's pool. */
  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE: number = 10;

  /** Run pending migrations on start (switch off when migrations run as a separate job). */
  @Transform(envBoolean)
  @IsBoolean()
  RUN_MIGRATIONS: boolean = true;

  /**
   * Replicas of the JetStream stream this service creates for its events (and of a source's stream its consumers
   * create first, where its NATS user may): 1 on a single nats-server, 3 on a 3-node cluster (production: an acknowledged event survives the loss of a node).
   * An existing stream keeps its replicas: scale it with `nats stream edit <stream> --replicas 3`.
   */
  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  /** How often the outbox relay looks for events to publish when it was not woken, in milliseconds. */
  @IsInt()
  @Min(10)
  @Max(60000)
  OUTBOX_POLL_MS: number = 250;

  /** How long a create's Idempotency-Key is remembered (a retry within it gets the first answer), in hours. */
  @IsInt()
  @Min(1)
  @Max(720)
  IDEMPOTENCY_KEY_TTL_HOURS: number = 24;

  /** How long published outbox rows are kept (to publish them again after a JetStream loss), in hours. */
  @IsInt()
  @Min(1)
  @Max(8760)
  OUTBOX_RETENTION_HOURS: number = 72;

  /**
   * How long a consumer remembers the events it applied (the inbox: a redelivery within it has no second effect), in
   * days. At least 31: longer than a stream keeps an event (30 days), which a consumer reset may hand over again.
   */
  @IsInt()
  @Min(31)
  @Max(3650)
  INBOX_RETENTION_DAYS: number = 35;

  /** How long a dead letter (an event a consumer gave up on) is kept for an operator, in days. */
  @IsInt()
  @Min(1)
  @Max(3650)
  DEAD_LETTER_RETENTION_DAYS: number = 90;
}
