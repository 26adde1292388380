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
}

/** Verifies bearer tokens and turns their claims into a Caller. */
export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly settings: JwtSettings) {
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
    return callerFromClaims(payload);
  }

  private options() {
    return { issuer: this.settings.issuer, audience: this.settings.audience, algorithms: this.algorithms, requiredClaims: ['exp', 'sub'] };
  }
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
  /** Lifetime, e.g. '12h' (default). */
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
