import { createHash, createPrivateKey, createPublicKey, sign as signBytes, verify as verifySignature, type KeyObject } from 'node:crypto';
import { exportJWK, importJWK, type JWK } from 'jose';
import { AppError, CommonErrorCode, ConfigError } from '@gridline/platform';
import { isRole, type Caller, type Role } from './caller';

/**
 * The caller of a bus request travels as a short-lived assertion signed by the process that sends it: an EdDSA
 * (Ed25519) JWT whose subject, roles, units and name are the caller's, whose audience is the service addressed and
 * whose `pat` claim is the request pattern. A service acts only for an assertion it verifies with a key it trusts;
 * the bus itself is not a trust boundary. See docs/security.md.
 *
 * Every bus request signs one and verifies one, so both are written here on node:crypto's one-shot Ed25519, in the
 * compact JWS serialization (RFC 7515/7519, alg EdDSA, RFC 8037): a general JOSE library's sign and verify cost two to
 * three times the signature itself. Tokens made by a JOSE library verify here and the other way round (the tests
 * check both ways).
 */
export const CALLER_ASSERTION_ALG = 'EdDSA';

/** The longest an assertion lives; the sender asks for less (the time a request may take, plus clock skew). */
export const CALLER_ASSERTION_MAX_TTL_S = 60;

/** Clock skew tolerated between the sender and the service, in seconds. */
const CLOCK_TOLERANCE_S = 5;

/** Subjects no token may carry: the platform's own actors, and the public (a caller without a token). */
const RESERVED_SUBJECT = /^(system$|svc:|open311(:|$)|public$)/;

/** Whether a subject names one of the platform's own actors, which no bearer token may claim. */
export function isReservedSubject(sub: string): boolean {
  return RESERVED_SUBJECT.test(sub);
}

/** The identity of a platform process acting for itself (a scheduler, a consumer, the seed): `svc:<process>`. */
export function internalCaller(issuer: string): Caller {
  return { sub: `svc:${issuer}`, name: issuer, roles: ['admin'], units: [] };
}

/** Whether the caller is one of the platform's own processes acting for itself. */
export function isInternalCaller(caller: Caller): boolean {
  return caller.sub.startsWith('svc:');
}

/**
 * The one caller that may give a step its own time (a report's `reportedAt` beyond the grid centre's 30 days, `at` on a
 * case's or an appeal's step, an appeal's `receivedAt` without an operator): the demo seed acting for itself
 * (`svc:seed`), which loads a back-dated history through the services' own commands. No token may claim it (reserved
 * subjects), and no other process — a service acting for itself never back-dates. See docs/security.md.
 */
export const BACKDATING_CALLER_SUB = 'svc:seed';

/** Whether the caller may back-date a step (see BACKDATING_CALLER_SUB). */
export function mayBackdate(caller: Caller): boolean {
  return caller.sub === BACKDATING_CALLER_SUB;
}

/** A key a service accepts assertions from, and the process (issuer) it belongs to. */
export interface TrustedCallerKey {
  kid: string;
  issuer: string;
  key: KeyObject;
}

export interface CallerSigningKey {
  kid: string;
  key: KeyObject;
}

/** The media type in an assertion's header. */
const CALLER_ASSERTION_TYP = 'gridline-caller+jwt';

/** Signs the callers a process sends over the bus. */
export class CallerSigner {
  /** The protected header, the same for every assertion of this key: encoded once. */
  private readonly header: string;

  constructor(
    readonly issuer: string,
    private readonly signing: CallerSigningKey,
  ) {
    this.header = base64url({ alg: CALLER_ASSERTION_ALG, kid: signing.kid, typ: CALLER_ASSERTION_TYP });
  }

  /** `caller` undefined: the process acts for itself, as `svc:<issuer>`. */
  sign(caller: Caller | undefined, target: { audience: string; pattern: string; requestId: string; ttlSeconds?: number }): string {
    const who = caller ?? internalCaller(this.issuer);
    const ttl = Math.min(Math.max(1, Math.ceil(target.ttlSeconds ?? CALLER_ASSERTION_MAX_TTL_S)), CALLER_ASSERTION_MAX_TTL_S);
    const iat = Math.floor(Date.now() / 1000);
    const claims = {
      roles: who.roles,
      units: who.units,
      ...(who.name ? { name: who.name } : {}),
      pat: target.pattern,
      iss: this.issuer,
      sub: who.sub,
      aud: target.audience,
      jti: target.requestId,
      iat,
      exp: iat + ttl,
    };
    const input = `${this.header}.${base64url(claims)}`;
    return `${input}.${signBytes(null, Buffer.from(input), this.signing.key).toString('base64url')}`;
  }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The three parts of a compact JWS, each non-empty base64url (no padding, nothing else). */
const COMPACT_JWS = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

/** A JSON object from a base64url part, or undefined when it is not one. */
function decodeObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies assertions for one service: signature by a trusted key, audience = the service, pattern = the request's,
 * not expired, not replayed (within this process), and a subject the issuer may assert (see mayAssert).
 */
export class CallerVerifier {
  private readonly keys = new Map<string, TrustedCallerKey>();
  private readonly seen = new Map<string, number>();

  constructor(
    readonly audience: string,
    trusted: readonly TrustedCallerKey[],
    private readonly userIssuer = 'gateway',
  ) {
    for (const key of trusted) this.keys.set(key.kid, key);
  }

  async verify(assertion: string | undefined, pattern: string): Promise<Caller> {
    if (!assertion) throw unauthenticated('The request carries no signed caller');
    const { payload, issuer } = this.verified(assertion);
    const exp = payload['exp'] as number;
    if (exp - (payload['iat'] as number) > CALLER_ASSERTION_MAX_TTL_S) throw unauthenticated('The signed caller lives too long');
    if (payload['pat'] !== pattern) throw unauthenticated('The signed caller is for another request');
    const caller = callerOf(payload);
    if (!this.mayAssert(issuer, caller.sub)) throw unauthenticated('The signed caller names a subject its issuer may not assert');
    this.refuseReplay(`${issuer}/${payload['jti'] as string}`, exp);
    return caller;
  }

  /**
   * The claims of an assertion whose signature is by a trusted key, for this service, within its time, by the issuer
   * that owns the key — what `jwtVerify` checks, for this one kind of token; anything else is UNAUTHENTICATED, with no
   * more said (a prober learns nothing from the message).
   */
  private verified(assertion: string): { payload: Record<string, unknown>; issuer: string } {
    const invalid = () => unauthenticated('The signed caller is not valid');
    const parts = COMPACT_JWS.exec(assertion);
    if (!parts) throw invalid();
    const header = decodeObject(parts[1]);
    // A critical extension is one this reader does not understand, so it refuses it (RFC 7515 §4.1.11).
    if (!header || header['alg'] !== CALLER_ASSERTION_ALG || typeof header['kid'] !== 'string' || 'crit' in header) throw invalid();
    const trusted = this.keys.get(header['kid']);
    if (!trusted) throw invalid();
    const signature = Buffer.from(parts[3], 'base64url');
    if (signature.length !== 64 || !verifySignature(null, Buffer.from(`${parts[1]}.${parts[2]}`), trusted.key, signature)) throw invalid();
    const payload = decodeObject(parts[2]);
    if (!payload) throw invalid();
    const { iss, sub, jti, aud, exp, iat, nbf } = payload;
    if (typeof iss !== 'string' || typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof iat !== 'number') throw invalid();
    if (!(aud === this.audience || (Array.isArray(aud) && aud.includes(this.audience)))) throw invalid();
    const now = Math.floor(Date.now() / 1000);
    if (exp <= now - CLOCK_TOLERANCE_S) throw invalid();
    const age = now - iat;
    if (age < -CLOCK_TOLERANCE_S || age - CLOCK_TOLERANCE_S > CALLER_ASSERTION_MAX_TTL_S + CLOCK_TOLERANCE_S) throw invalid();
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + CLOCK_TOLERANCE_S)) throw invalid();
    if (iss !== trusted.issuer) throw invalid();
    return { payload, issuer: trusted.issuer };
  }

  /**
   * Every process may act for itself (`svc:<issuer>`); the gateway also for the callers it authenticated — users
   * (tokens never carry a reserved subject) and Open311 applications (`open311:<application>`, by api key) — but never
   * as another process.
   */
  private mayAssert(issuer: string, sub: string): boolean {
    if (sub === internalCaller(issuer).sub) return true;
    return issuer === this.userIssuer && sub !== 'system' && !sub.startsWith('svc:');
  }

  private refuseReplay(id: string, exp: number): void {
    const now = Date.now() / 1000;
    if (this.seen.has(id)) throw unauthenticated('The signed caller was already used');
    this.seen.set(id, exp + CLOCK_TOLERANCE_S);
    // Map keeps insertion order, and entries expire in about that order: drop the stale head.
    for (const [key, until] of this.seen) {
      if (until >= now) break;
      this.seen.delete(key);
    }
  }
}

function callerOf(payload: Record<string, unknown>): Caller {
  const roles = payload['roles'];
  const units = payload['units'];
  const name = payload['name'];
  if (!Array.isArray(roles) || !roles.every(isRole) || !Array.isArray(units) || !units.every((u) => typeof u === 'string')) {
    throw unauthenticated('The signed caller is not valid');
  }
  return { sub: payload['sub'] as string, ...(typeof name === 'string' ? { name } : {}), roles: roles as Role[], units: units as string[] };
}

function unauthenticated(message: string): AppError {
  return new AppError(CommonErrorCode.Unauthenticated, 'unauthenticated', message);
}

// ---------------------------------------------------------------------------------------------------------------
// Keys: from configuration in production, derived development keys otherwise.

/** The processes whose development keys every process trusts when no keys are configured. */
export const DEV_CALLER_ISSUERS = ['gateway', 'seed', 'registry', 'incidents', 'hotline', 'analytics', 'party-building'] as const;

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The development key of a process: derived from its name, so known to anyone — refused in production. */
export function devCallerKey(issuer: string): CallerSigningKey {
  const seed = createHash('sha256').update(`gridline-dev-caller-key/${issuer}`).digest();
  return { kid: `dev-${issuer}`, key: createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' }) };
}

export interface CallerKeySettings {
  NODE_ENV: string;
  /** This process's private key: an Ed25519 private JWK (JSON) with a `kid`. */
  CALLER_SIGNING_KEY?: string;
  /** The keys this process accepts callers from: a JWKS (JSON) whose keys carry `kid` and `iss` (the process). */
  CALLER_TRUSTED_KEYS?: string;
}

export interface CallerKeys {
  signer: CallerSigner;
  trusted: TrustedCallerKey[];
}

/**
 * The signing key and trusted keys of a process, from its configuration. Without configuration the development keys
 * are used; in production both variables are required and development keys are refused (ConfigError).
 */
export function loadCallerKeys(issuer: string, settings: CallerKeySettings): CallerKeys {
  const problems: string[] = [];
  const production = settings.NODE_ENV === 'production';
  let signing: CallerSigningKey | undefined;
  let trusted: TrustedCallerKey[] | undefined;
  if (settings.CALLER_SIGNING_KEY) {
    try {
      signing = parseSigningKey(settings.CALLER_SIGNING_KEY);
      if (production && signing.kid.startsWith('dev-')) problems.push('CALLER_SIGNING_KEY: a development key must not be used in production');
    } catch (error) {
      problems.push(`CALLER_SIGNING_KEY: ${(error as Error).message}`);
    }
  } else if (production) {
    problems.push('CALLER_SIGNING_KEY: required in production (an Ed25519 private JWK; `npm run caller-keys` makes one)');
  }
  if (settings.CALLER_TRUSTED_KEYS) {
    try {
      trusted = parseTrustedKeys(settings.CALLER_TRUSTED_KEYS);
      if (production && trusted.some((k) => k.kid.startsWith('dev-'))) problems.push('CALLER_TRUSTED_KEYS: development keys must not be trusted in production');
    } catch (error) {
      problems.push(`CALLER_TRUSTED_KEYS: ${(error as Error).message}`);
    }
  } else if (production) {
    problems.push('CALLER_TRUSTED_KEYS: required in production (the public JWKS of the gateway and of the processes this one accepts)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  signing ??= devCallerKey(issuer);
  trusted ??= DEV_CALLER_ISSUERS.map((name) => {
    const dev = devCallerKey(name);
    return { kid: dev.kid, issuer: name, key: createPublicKey(dev.key) };
  });
  return { signer: new CallerSigner(issuer, signing), trusted };
}

function parseSigningKey(json: string): CallerSigningKey {
  const jwk = parseJson(json) as JWK;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') throw new Error('must be an Ed25519 private JWK (kty OKP, crv Ed25519, d)');
  if (typeof jwk.kid !== 'string' || jwk.kid === '') throw new Error('the JWK needs a kid');
  return { kid: jwk.kid, key: createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }) };
}

function parseTrustedKeys(json: string): TrustedCallerKey[] {
  const jwks = parseJson(json) as { keys?: unknown };
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error('must be a JWKS: {"keys":[…]}');
  return jwks.keys.map((raw, i) => {
    const jwk = raw as JWK & { iss?: unknown };
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error(`keys[${i}] must be an Ed25519 public JWK`);
    if (typeof jwk.kid !== 'string' || jwk.kid === '' || typeof jwk.iss !== 'string' || jwk.iss === '') throw new Error(`keys[${i}] needs a kid and an iss (the process it belongs to)`);
    const { d: _private, ...publicPart } = jwk;
    return { kid: jwk.kid, issuer: jwk.iss, key: createPublicKey({ key: publicPart as import('node:crypto').JsonWebKey, format: 'jwk' }) };
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('is not valid JSON');
  }
}

/** A new key pair for a process: the private JWK for its CALLER_SIGNING_KEY, the public one for others' CALLER_TRUSTED_KEYS. */
export async function generateCallerKeyPair(issuer: string, kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK & { iss: string } }> {
  const { generateKeyPairSync } = await import('node:crypto');
  const pair = generateKeyPairSync('ed25519');
  const privateJwk = { ...(await exportJWK(pair.privateKey)), kid, alg: CALLER_ASSERTION_ALG };
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg: CALLER_ASSERTION_ALG, use: 'sig', iss: issuer };
  await importJWK(publicJwk, CALLER_ASSERTION_ALG); // proves the pair is usable
  return { privateJwk, publicJwk };
}
