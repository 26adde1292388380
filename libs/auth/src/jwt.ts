import { SignJWT, createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError, CommonErrorCode } from '@gridline/platform';
import { isRole, type Caller, type Role } from './caller';
import { isReservedSubject } from './caller-assertion';

export interface JwtSettings {
  issuer: string;
  audience: string;
  /** HS256 secret; used when no JWKS URL is set. */
  secret?: string;
  /** RS256 keys from this JWKS URL, when set. */
  jwksUrl?: string;
  /** Longest lifetime a token may have (`exp` − `iat`, or `exp` − now without `iat`), in seconds. Default 12 h. */
  maxLifetimeSeconds?: number;
  /** Clock skew allowed for an `iat` ahead of our clock, in seconds (an expired token gets none). Default 60. */
  clockToleranceSeconds?: number;
}

/** The default longest token lifetime: the development tokens' own (`signDevToken`). */
export const DEFAULT_JWT_MAX_LIFETIME = '12h';
const DEFAULT_CLOCK_TOLERANCE_SECONDS = 60;

/** Seconds in a duration written `90`, `90s`, `15m`, `12h` or `1d`; undefined when it is none of these. */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^(\d{1,9})\s*(s|m|h|d)?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
}

/** How many verified tokens a verifier remembers, and for how long at most (see JwtVerifier). */
const VERIFIED_KEPT = 10_000;
const VERIFIED_KEPT_MS = 60_000;

/**
 * Verifies bearer tokens and turns their claims into a Caller. A client sends the same token with every request until
 * it expires, so a token verified is remembered — by its whole text, signature included, so that no other text ever
 * matches it — until it expires or for a minute at most (a key withdrawn from the JWKS stops being honoured within
 * that minute), up to VERIFIED_KEPT tokens (the oldest forgotten first). Each request still gets its own Caller.
 */
export class JwtVerifier {
  private readonly verified = new Map<string, { caller: Caller; until: number }>();
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly maxLifetime: number;
  private readonly tolerance: number;

  constructor(private readonly settings: JwtSettings) {
    this.maxLifetime = settings.maxLifetimeSeconds ?? parseDurationSeconds(DEFAULT_JWT_MAX_LIFETIME)!;
    this.tolerance = settings.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
    if (settings.jwksUrl) {
      this.key = createRemoteJWKSet(new URL(settings.jwksUrl));
      this.algorithms = ['RS256'];
    } else if (settings.secret) {
      this.key = new TextEncoder().encode(settings.secret);
      this.algorithms = ['HS256'];
    } else {
      throw new Error('JwtVerifier needs a secret or a JWKS URL');
    }
  }

  async verify(token: string): Promise<Caller> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.until) return copyOf(known.caller);
    if (known) this.verified.delete(token);
    const { caller, exp } = await this.verifyNow(token);
    if (this.verified.size >= VERIFIED_KEPT) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { caller: copyOf(caller), until: Math.min(Date.now() + VERIFIED_KEPT_MS, exp * 1000) });
    return caller;
  }

  private async verifyNow(token: string): Promise<{ caller: Caller; exp: number }> {
    let payload: JWTPayload;
    try {
      const verified =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, this.options())
          : await jwtVerify(token, this.key, this.options());
      payload = verified.payload;
    } catch (error) {
      throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', `The token is not valid: ${reason(error)}`);
    }
    this.checkLifetime(payload);
    return { caller: callerFromClaims(payload), exp: payload.exp! };
  }

  /**
   * A stolen token is only as dangerous as it is long-lived: refuse tokens that live longer than allowed, and
   * tokens "issued" in the future (which would stretch that lifetime past the check).
   */
  private checkLifetime(payload: JWTPayload): void {
    const now = Math.floor(Date.now() / 1000);
    const refuse = (why: string): never => {
      throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', `The token is not valid: ${why}`);
    };
    if (typeof payload.exp !== 'number') refuse('claim "exp" is required');
    if (payload.iat !== undefined && payload.iat > now + this.tolerance) refuse('claim "iat" is in the future');
    const lifetime = payload.exp! - (payload.iat ?? now);
    if (lifetime > this.maxLifetime) refuse(`it lives longer than the allowed ${this.maxLifetime} s (claim "exp")`);
  }

  private options() {
    return {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      algorithms: this.algorithms,
      requiredClaims: ['exp', 'sub'],
    };
  }
}

function copyOf(caller: Caller): Caller {
  return { ...caller, roles: [...caller.roles], units: [...caller.units] };
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'it has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return (error as Error).message;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the signature does not match';
    default:
      return 'it could not be verified';
  }
}

export function callerFromClaims(payload: JWTPayload): Caller {
  const roles = payload['roles'];
  const units = payload['units'] ?? [];
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', 'The token is not valid: claim "roles" must be a list of known roles');
  }
  if (!Array.isArray(units) || !units.every((u) => typeof u === 'string')) {
    throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', 'The token is not valid: claim "units" must be a list of unit codes');
  }
  if (isReservedSubject(payload.sub as string)) {
    throw new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', 'The token is not valid: its subject is reserved for the platform itself');
  }
  const name = typeof payload['name'] === 'string' ? (payload['name'] as string) : undefined;
  return { sub: payload.sub as string, ...(name ? { name } : {}), roles: roles as Role[], units: units as string[] };
}

export interface DevTokenInput {
  sub: string;
  name?: string;
  roles: Role[];
  units: string[];
  /** Lifetime, e.g. '12h' (default, the verifier's default maximum). */
  expiresIn?: string;
}

/** Signs an HS256 token for development and tests. */
export function signDevToken(input: DevTokenInput, settings: { secret: string; issuer: string; audience: string }): Promise<string> {
  return new SignJWT({ roles: input.roles, units: input.units, ...(input.name ? { name: input.name } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(input.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(settings.secret));
}

/** The documented development defaults (never use them in production: set JWT_SECRET). */
export const DEV_JWT = {
  secret: 'gridline-dev-secret-change-me-0123456789',
  issuer: 'gridline',
  audience: 'gridline-api',
} as const;
