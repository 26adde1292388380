import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { isIP } from 'node:net';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { JwtVerifier } from '@gridline/auth';
import { AppError, CommonErrorCode, ConfigError } from '@gridline/platform';
import type { GatewayConfig } from '../gateway.config';
import { Open311ExceptionFilter } from '../open311/open311-exception.filter';
import { sentApiKey } from '../open311/open311-params';
import { ProblemDetailsFilter } from './problem-details.filter';

/**
 * What the gateway does to every request before any route sees it, and to every answer: security headers,
 * `Cache-Control: no-store` on the API, rate limits, and the internal-only routes. Kept out of the bootstrap so that
 * each rule can be read (and tested) on its own; `gateway.bootstrap.ts` calls `applyHardening` once.
 */

/** Routes served only on INTERNAL_HTTP_PORT when it is set: they describe the platform, not its residents. */
const INTERNAL_ONLY = /^\/(metrics|docs(-json|-yaml)?)(\/|$)/;
/** Routes the internal port serves besides those: the probes. */
const PROBES = /^\/health(\/|$)/;
/** Requests that arrived on the internal listener carry this mark. */
const INTERNAL_REQUEST = Symbol('gridline.internalRequest');

const API = /^\/api\//;
const OPEN311 = /^\/open311\//;
/** What Open311 clients post with their api_key, each counted on its own per key: requests, and FixMyStreet's updates. */
const OPEN311_POST_ROUTES: ReadonlyMap<string, { bucket: string; what: string }> = new Map([
  ['/open311/v2/requests.:format', { bucket: 'requests', what: 'service requests' }],
  ['/open311/v2/servicerequestupdates.:format', { bucket: 'updates', what: 'service request updates' }],
]);
/** The public lookups (no token), limited together per client address by PUBLIC_LOOKUP_RATE_LIMIT. */
const PUBLIC_LOOKUP_ROUTES: ReadonlySet<string> = new Set(['/api/v1/public/grid', '/api/v1/party/stations/nearest']);

/** A limit as configured: `<max>/<window>` (`20/5m`), or `off`. */
export interface RateLimitSetting {
  max: number;
  windowMs: number;
}

export function parseRateLimit(text: string): RateLimitSetting | undefined {
  if (text === 'off') return undefined;
  const match = /^(\d+)\/(\d+)([smhd])$/.exec(text);
  if (!match) throw new ConfigError([`rate limit "${text}" must read <max>/<window> or off`]);
  return { max: Number(match[1]), windowMs: Number(match[2]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[3] as 's' | 'm' | 'h' | 'd'] };
}

/**
 * Fastify's `trustProxy` from TRUST_PROXY: the listed addresses and ranges only, never `true` (which would let any
 * client choose its own IP and Host with `X-Forwarded-*`). Throws a ConfigError naming a bad entry.
 */
export function trustProxyFrom(value: string | undefined): string[] | false {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return false;
  const bad = entries.filter((entry) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return false;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return true;
    return prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  if (bad.length > 0) throw new ConfigError([`TRUST_PROXY: ${bad.join(', ')} is not an IP address or CIDR range`]);
  return entries;
}

/** Registers the headers, caching rule, rate limits and internal-only routes on the gateway (before `app.init()`). */
export async function applyHardening(app: NestFastifyApplication, config: GatewayConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // helmet's security headers with the gateway's Content-Security-Policy, on every answer (a route may set its own
  // CSP over it). Its middleware is built once: @fastify/helmet built it anew for every request, parsing the
  // directives each time.
  const securityHeaders = helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(config) } });
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  await app.register(rateLimit as never, { global: false });
  if (config.INTERNAL_HTTP_PORT !== undefined) keepInternalRoutesInternal(fastify);
  noStoreOnTheApi(fastify);
  const authFailures = parseRateLimit(config.AUTH_FAILURE_RATE_LIMIT);
  if (authFailures) limitFailedAuthentication(fastify, authFailures);
  const open311 = parseRateLimit(config.OPEN311_POST_RATE_LIMIT);
  if (open311) limitOpen311Posts(fastify, open311);
  const publicLookups = parseRateLimit(config.PUBLIC_LOOKUP_RATE_LIMIT);
  if (publicLookups) limitPublicLookups(fastify, publicLookups);
  const reveal = parseRateLimit(config.REVEAL_RATE_LIMIT);
  if (reveal) limitReveals(fastify, reveal, () => app.get(JwtVerifier));
}

/**
 * Swagger UI at /docs loads its scripts and styles from /docs itself and sets inline styles; nothing else is
 * needed. No `upgrade-insecure-requests`: the docs also work over plain HTTP inside the cluster. The console's OIDC
 * sign-in fetches the provider's discovery document, keys and token endpoint: its issuer's origin is allowed to connect.
 */
export function contentSecurityPolicy(config: Pick<GatewayConfig, 'OIDC_ISSUER_URL'>): Record<string, string[] | null> {
  const provider = config.OIDC_ISSUER_URL ? [new URL(config.OIDC_ISSUER_URL).origin] : [];
  return { ...CONTENT_SECURITY_POLICY, connectSrc: ["'self'", ...provider] };
}

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Every /api/v1 answer may carry personal data: no browser, proxy or CDN keeps a copy. A route may answer a success
 * `private` instead (a photo: the same bytes for good, kept by the caller's browser only).
 */
function noStoreOnTheApi(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const keptPrivate = reply.statusCode < 300 && /^private\b/.test(String(reply.getHeader('cache-control') ?? ''));
    if (API.test(request.url) && !keptPrivate) void reply.header('Cache-Control', 'no-store');
    return payload;
  });
}

/** /metrics and the docs only on the internal listener; the internal listener serves only those and the probes. */
function keepInternalRoutesInternal(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0];
    const internal = (request.raw as IncomingMessage & { [INTERNAL_REQUEST]?: boolean })[INTERNAL_REQUEST] === true;
    const allowed = internal ? INTERNAL_ONLY.test(path) || PROBES.test(path) : !INTERNAL_ONLY.test(path);
    if (!allowed) return answer(request, reply, new AppError(CommonErrorCode.NotFound, 'not_found', `Route ${request.method}:${path} not found`));
  });
}

/**
 * Serves the gateway's internal routes on INTERNAL_HTTP_PORT: the same Fastify instance behind a second listener,
 * whose requests are marked so that the public port can refuse them. Call after `app.init()`.
 */
export async function startInternalListener(app: NestFastifyApplication, config: GatewayConfig): Promise<Server | undefined> {
  if (config.INTERNAL_HTTP_PORT === undefined) return undefined;
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const server = createServer((request, response) => {
    (request as IncomingMessage & { [INTERNAL_REQUEST]?: boolean })[INTERNAL_REQUEST] = true;
    fastify.routing(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.INTERNAL_HTTP_PORT, config.INTERNAL_HTTP_HOST, () => resolve());
  });
  return server;
}

/**
 * Guessing tokens or api keys: after `max` failed credentials from one address in the window (a token refused with
 * 401 on the API, an api_key refused with 403 on an Open311 POST), that address gets 429 on the API and Open311 until
 * the window ends. A request that sent no credential at all guesses nothing and is not counted.
 */
function limitFailedAuthentication(fastify: FastifyInstance, setting: RateLimitSetting): void {
  const failures = fastify.createRateLimit({ max: setting.max, timeWindow: setting.windowMs, keyGenerator: (request) => `auth-failure:${request.ip}` });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!API.test(request.url) && !OPEN311.test(request.url)) return;
    const state = await failures(request, { increment: false });
    if (!state.isAllowed && state.remaining === 0) {
      return tooMany(request, reply, state.ttlInSeconds, 'Too many failed authentications from your address');
    }
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const sentToken = request.headers.authorization !== undefined;
    const sentKey = sentApiKey(request.query, request.body) !== undefined;
    const failed =
      (reply.statusCode === 401 && sentToken && API.test(request.url)) || (reply.statusCode === 403 && sentKey && request.method === 'POST' && OPEN311.test(request.url));
    if (failed) await failures(request);
  });
}

/**
 * Open311 POSTs per api_key (per address without one), requests and updates each within the limit: a citizen app
 * cannot flood the 12345 hotline.
 */
function limitOpen311Posts(fastify: FastifyInstance, setting: RateLimitSetting): void {
  const posts = fastify.createRateLimit({
    max: setting.max,
    timeWindow: setting.windowMs,
    keyGenerator: (request) => {
      const key = sentApiKey(request.query, request.body);
      const bucket = OPEN311_POST_ROUTES.get(request.routeOptions.url ?? '')?.bucket;
      // The key's hash, not the key: the limiter's memory holds no credentials.
      return key !== undefined ? `open311-${bucket}-key:${createHash('sha256').update(key).digest('hex')}` : `open311-${bucket}-ip:${request.ip}`;
    },
  });
  fastify.addHook('preHandler', async (request, reply) => {
    const route = OPEN311_POST_ROUTES.get(request.routeOptions.url ?? '');
    if (request.method !== 'POST' || !route) return;
    const state = await posts(request);
    if (!state.isAllowed && state.isExceeded) return tooMany(request, reply, state.ttlInSeconds, `Too many ${route.what} with this api_key`);
  });
}

/** The public grid lookup, per address: it needs no token, so nothing else stops a script walking the map. */
function limitPublicLookups(fastify: FastifyInstance, setting: RateLimitSetting): void {
  const lookups = fastify.createRateLimit({ max: setting.max, timeWindow: setting.windowMs, keyGenerator: (request) => `public-lookup:${request.ip}` });
  fastify.addHook('preHandler', async (request, reply) => {
    if (!PUBLIC_LOOKUP_ROUTES.has(request.routeOptions.url ?? '')) return;
    const state = await lookups(request);
    if (!state.isAllowed && state.isExceeded) return tooMany(request, reply, state.ttlInSeconds, 'Too many public lookups from your address');
  });
}

/**
 * Reveals of clear ID and phone numbers per caller: a leaked or misused account cannot page through the registers
 * in clear. The caller is the verified token's subject (an unverifiable token is left to the auth guard's 401).
 */
function limitReveals(fastify: FastifyInstance, setting: RateLimitSetting, verifier: () => JwtVerifier): void {
  const reveals = fastify.createRateLimit({
    max: setting.max,
    timeWindow: setting.windowMs,
    keyGenerator: (request) => `reveal:${(request as FastifyRequest & { revealCaller?: string }).revealCaller}`,
  });
  fastify.addHook('preHandler', async (request, reply) => {
    const route = request.routeOptions.url ?? '';
    if (!API.test(route) || !route.endsWith('/reveal')) return;
    const match = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
    if (!match) return;
    const sub = await verifier()
      .verify(match[1])
      .then((caller) => caller.sub)
      .catch(() => undefined);
    if (sub === undefined) return;
    (request as FastifyRequest & { revealCaller?: string }).revealCaller = sub;
    const state = await reveals(request);
    if (!state.isAllowed && state.isExceeded) return tooMany(request, reply, state.ttlInSeconds, 'Too many reveals of personal data');
  });
}

function tooMany(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number, what: string): FastifyReply {
  void reply.header('Retry-After', String(Math.max(1, retryAfterSeconds)));
  return answer(request, reply, new AppError(CommonErrorCode.RateLimited, 'rate_limited', `${what}: retry in ${Math.max(1, retryAfterSeconds)} s`, { retryAfterSeconds: Math.max(1, retryAfterSeconds) }));
}

/** Answers an error from a hook exactly as a route would: problem+json, or Open311's format under /open311/. */
function answer(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const filter: ExceptionFilter = OPEN311.test(request.url) ? new Open311ExceptionFilter() : new ProblemDetailsFilter();
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  filter.catch(error, host);
  return reply;
}
