import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { EXPORT_ROWS_CEILING, ProcessConfig } from '@gridline/platform';
import { DEFAULT_JWT_MAX_LIFETIME, DEV_JWT } from '@gridline/auth';

/** `<max>/<window>` (e.g. `20/5m`: 20 per 5 minutes; window in s, m, h or d), or `off`. */
const RATE_LIMIT = /^(off|\d{1,7}\/\d{1,6}[smhd])$/;
const RATE_LIMIT_MESSAGE = 'must read <max>/<window> (e.g. 20/5m; window in s, m, h or d) or off';
/** An IP address or CIDR range (IPv4 or IPv6), or one of proxy-addr's names. */
const TRUSTED_PROXY = '(loopback|linklocal|uniquelocal|[0-9.]{7,15}(/\\d{1,2})?|[0-9A-Fa-f:.]{2,45}(/\\d{1,3})?)';

/** The gateway's configuration (with NATS, HTTP and logging from ProcessConfig). */
export class GatewayConfig extends ProcessConfig {
  override HTTP_PORT: number = 3000;

  /** HS256 secret for bearer tokens. The default is for development only: set your own. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string = DEV_JWT.secret;

  @IsString()
  JWT_ISSUER: string = DEV_JWT.issuer;

  @IsString()
  JWT_AUDIENCE: string = DEV_JWT.audience;

  /** When set, tokens are RS256, verified with the keys at this JWKS URL (JWT_SECRET is then unused). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'JWKS_URL must be an http(s) URL' })
  JWKS_URL?: string;

  /**
   * The console's production sign-in: the organisation's OpenID provider (its issuer URL, as in its
   * `/.well-known/openid-configuration`). When set, the console signs users in with the authorization code flow with
   * PKCE at this provider, as the public client OIDC_CLIENT_ID; its access tokens must then be JWTs this gateway
   * verifies (JWKS_URL, JWT_ISSUER, JWT_AUDIENCE, claims `roles` and `units`). Unset: no OIDC sign-in.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'OIDC_ISSUER_URL must be an http(s) URL' })
  OIDC_ISSUER_URL?: string;

  /** The console's client id at the OIDC provider (a public client: no secret, PKCE). Required with OIDC_ISSUER_URL. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  OIDC_CLIENT_ID?: string;

  /** The scopes the console asks for (add `offline_access` where the provider gives refresh tokens only for it). */
  @Matches(/^openid( [\x21\x23-\x5B\x5D-\x7E]+)*$/, { message: 'OIDC_SCOPE must start with openid, scopes separated by single spaces' })
  OIDC_SCOPE: string = 'openid profile';

  /** What the console's button says: "Sign in with <OIDC_DISPLAY_NAME>" (e.g. the organisation's name). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  OIDC_DISPLAY_NAME?: string;

  /**
   * The longest lifetime a bearer token may have (`exp` − `iat`), e.g. `12h`, `30m`: a token without `exp`, one that
   * lives longer, or one issued in the future (beyond 60 s of clock skew) is refused with 401.
   */
  @Matches(/^\d{1,9}\s*[smhd]?$/, { message: 'JWT_MAX_LIFETIME must be a duration such as 12h, 30m or 3600s' })
  JWT_MAX_LIFETIME: string = DEFAULT_JWT_MAX_LIFETIME;

  /**
   * The proxies whose `X-Forwarded-For`/`-Host`/`-Proto` are believed: comma-separated IPs or CIDR ranges (or
   * `loopback`, `linklocal`, `uniquelocal`). Default none: the peer's own address and the Host header count.
   */
  @IsOptional()
  @Matches(new RegExp(`^${TRUSTED_PROXY}(\\s*,\\s*${TRUSTED_PROXY})*$`), { message: 'TRUST_PROXY must be IP addresses or CIDR ranges, comma-separated' })
  TRUST_PROXY?: string;

  /**
   * When set, `/metrics` and the API docs (`/docs`, `/docs-json`, `/docs-yaml`) are served only on this port (with
   * `/health/*`), and answer 404 on HTTP_PORT. Bind it where only the cluster reaches (INTERNAL_HTTP_HOST).
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  INTERNAL_HTTP_PORT?: number;

  @IsString()
  INTERNAL_HTTP_HOST: string = '127.0.0.1';

  /** Failed authentications (401) allowed per client IP in a window; beyond it every /api/v1 request gets 429. */
  @Matches(RATE_LIMIT, { message: `AUTH_FAILURE_RATE_LIMIT ${RATE_LIMIT_MESSAGE}` })
  AUTH_FAILURE_RATE_LIMIT: string = '20/5m';

  /** Open311 `POST requests` allowed per api_key (per IP without one) in a window. */
  @Matches(RATE_LIMIT, { message: `OPEN311_POST_RATE_LIMIT ${RATE_LIMIT_MESSAGE}` })
  OPEN311_POST_RATE_LIMIT: string = '30/1m';

  /** Public grid lookups (GET /api/v1/public/grid, no token) allowed per client IP in a window. */
  @Matches(RATE_LIMIT, { message: `PUBLIC_LOOKUP_RATE_LIMIT ${RATE_LIMIT_MESSAGE}` })
  PUBLIC_LOOKUP_RATE_LIMIT: string = '30/1m';

  /** Reveals of clear personal data (routes ending in /reveal) allowed per caller (token `sub`) in a window. */
  @Matches(RATE_LIMIT, { message: `REVEAL_RATE_LIMIT ${RATE_LIMIT_MESSAGE}` })
  REVEAL_RATE_LIMIT: string = '30/10m';

  /** CSV imports: the largest upload, in bytes (default 50 MiB); a larger one is refused with 413. */
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES: number = 50 * 1024 * 1024;

  /** CSV imports: the most data rows in one file (default 200 000); more are refused with 413. */
  @IsInt()
  @Min(1)
  IMPORT_MAX_ROWS: number = 200_000;

  /** CSV imports: the longest record (one row), in characters (default 8 KiB); a longer one refuses the file with 400. */
  @IsInt()
  @Min(256)
  @Max(16 * 1024 * 1024)
  IMPORT_MAX_RECORD_SIZE: number = 8 * 1024;

  /**
   * Exports of the case and appeal lists: the most rows one file holds (default 100 000). When more rows match, the
   * export is refused with 422 EXPORT_TOO_MANY_ROWS naming the filters, before anything is written or audited.
   */
  @IsInt()
  @Min(1)
  @Max(EXPORT_ROWS_CEILING)
  EXPORT_MAX_ROWS: number = 100_000;

  /**
   * Open311: the street(s) whose appeals the GeoReport v2 API takes and shows (comma-separated 9-digit codes; the
   * first is where a request that locates in no grid is filed). Default: the demo street, 东城街道.
   */
  @Matches(/^\d{9}(,\d{9})*$/, { message: 'OPEN311_STREET_CODE must be 9-digit street code(s), comma-separated' })
  OPEN311_STREET_CODE: string = '370502003';

  /** Open311: when set, a request naming another jurisdiction_id is answered 404; unset, the parameter is ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  OPEN311_JURISDICTION_ID?: string;

  /**
   * Open311: the appeal channels whose appeals GET requests shows (comma-separated). Default `open311`: what Open311
   * clients submitted; appeals taken by phone are not published unless you add `phone` here.
   */
  @Matches(/^(phone|web|app|wechat|open311|other)(,(phone|web|app|wechat|open311|other))*$/, { message: 'OPEN311_PUBLISHED_CHANNELS must be appeal channels, comma-separated' })
  OPEN311_PUBLISHED_CHANNELS: string = 'open311';

  /**
   * Largest JSON or form body the gateway takes, in bytes (413 above). A body goes on as one NATS message, whose
   * payload the server caps (max_payload, 1 MiB by default): keep this 64 KiB under it for the headers and the
   * envelope. CSV uploads are streams and have their own limit.
   */
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES: number = 960 * 1024;

  /**
   * Composed answers (GET /api/v1/units/:code/overview, the public grid lookup's party parts): how long each part,
   * asked of its service in parallel with the others, may take before it is answered `unavailable` (`timeout`)
   * while the rest still goes out. Used capped at REQUEST_TIMEOUT_MS (`partTimeoutMs`).
   */
  @IsInt()
  @Min(50)
  @Max(60_000)
  PART_TIMEOUT_MS: number = 1500;

  /**
   * The built web console (apps/console), served at `/` with a single-page fallback, never over `/api`, `/open311`,
   * the docs, `/health` or `/metrics`. Relative to the working directory; nothing is served when it holds no
   * index.html. `npm start` runs from the repository root, where `npx nx build console` writes dist/apps/console.
   */
  @IsString()
  CONSOLE_DIR: string = 'dist/apps/console';
}

/** The budget of each part of a composed answer: PART_TIMEOUT_MS, never beyond the gateway's own request timeout. */
export function partTimeoutMs(config: GatewayConfig): number {
  return Math.min(config.PART_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS);
}
