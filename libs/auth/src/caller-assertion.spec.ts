import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { AppError, ConfigError } from '@gridline/platform';
import type { Caller } from './caller';
import { DEV_JWT, JwtVerifier, signDevToken } from './jwt';
import { CallerSigner, CallerVerifier, devCallerKey, generateCallerKeyPair, internalCaller, isReservedSubject, loadCallerKeys, mayBackdate } from './caller-assertion';

const USER: Caller = { sub: 'u1', name: '张三', roles: ['grid_staff'], units: ['370502003001001'] };
const REVEAL = 'registry.resident.reveal';

describe(CallerVerifier.name, () => {
  const keys = loadCallerKeys('registry', { NODE_ENV: 'development' });
  const gateway = new CallerSigner('gateway', devCallerKey('gateway'));
  const hotline = new CallerSigner('hotline', devCallerKey('hotline'));
  let verifier: CallerVerifier;
  let n = 0;
  const target = (over: Partial<{ audience: string; pattern: string; requestId: string; ttlSeconds: number }> = {}) => ({ audience: 'registry', pattern: REVEAL, requestId: `r${++n}`, ...over });

  beforeEach(() => {
    verifier = new CallerVerifier('registry', keys.trusted);
  });

  async function refusal(assertion: string | undefined, pattern = REVEAL): Promise<string> {
    const error = await verifier.verify(assertion, pattern).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAUTHENTICATED');
    return (error as AppError).message;
  }

  it('turns an assertion the gateway signed for this service and request into its caller', async () => {
    await expect(verifier.verify(await gateway.sign(USER, target()), REVEAL)).resolves.toEqual(USER);
  });

  it('lets a process act for itself, as svc:<process>', async () => {
    await expect(verifier.verify(await hotline.sign(undefined, target()), REVEAL)).resolves.toEqual({ sub: 'svc:hotline', name: 'hotline', roles: ['admin'], units: [] });
  });

  it('refuses a request without a signed caller, and the old unsigned JSON caller', async () => {
    expect(await refusal(undefined)).toContain('no signed caller');
    await refusal(JSON.stringify({ sub: 'attacker', roles: ['admin'], units: [] }));
  });

  it('refuses an assertion for another service or another request', async () => {
    await refusal(await gateway.sign(USER, target({ audience: 'incidents' })));
    expect(await refusal(await gateway.sign(USER, target({ pattern: 'registry.resident.search' })))).toContain('another request');
  });

  it('refuses an expired assertion', async () => {
    const expired = await new SignJWT({ roles: ['admin'], units: [], pat: REVEAL })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'dev-gateway' })
      .setIssuer('gateway')
      .setSubject('u1')
      .setAudience('registry')
      .setJti('old')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(devCallerKey('gateway').key);
    await refusal(expired);
  });

  it('refuses an assertion that lives longer than a minute', async () => {
    const long = await new SignJWT({ roles: ['admin'], units: [], pat: REVEAL })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'dev-gateway' })
      .setIssuer('gateway')
      .setSubject('u1')
      .setAudience('registry')
      .setJti('long')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(devCallerKey('gateway').key);
    expect(await refusal(long)).toContain('too long');
  });

  it('refuses a tampered assertion (roles widened after signing)', async () => {
    const [header, payload, signature] = (await gateway.sign(USER, target())).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    await refusal(`${header}.${widened}.${signature}`);
  });

  it('refuses an assertion signed by a key it does not trust, even one claiming a trusted kid', async () => {
    const stranger = generateKeyPairSync('ed25519').privateKey;
    await refusal(await new CallerSigner('gateway', { kid: 'attacker', key: stranger }).sign({ ...USER, roles: ['admin'] }, target()));
    await refusal(await new CallerSigner('gateway', { kid: 'dev-gateway', key: stranger }).sign({ ...USER, roles: ['admin'] }, target()));
  });

  it('refuses a process that asserts a user or another process, and the gateway asserting a process', async () => {
    expect(await refusal(await hotline.sign(USER, target()))).toContain('may not assert');
    await refusal(await hotline.sign({ sub: 'svc:registry', roles: ['admin'], units: [] }, target()));
    await refusal(await gateway.sign({ sub: 'svc:seed', roles: ['admin'], units: [] }, target()));
    await refusal(await gateway.sign({ sub: 'system', roles: ['admin'], units: [] }, target()));
  });

  it('refuses a key used under another issuer name', async () => {
    // The hotline's key, but the assertion says it comes from the gateway (which may assert users).
    const forged = await new SignJWT({ roles: ['admin'], units: [], pat: REVEAL })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'dev-hotline' })
      .setIssuer('gateway')
      .setSubject('u1')
      .setAudience('registry')
      .setJti('x')
      .setIssuedAt()
      .setExpirationTime('30s')
      .sign(devCallerKey('hotline').key);
    await refusal(forged);
  });

  it('refuses an assertion used twice', async () => {
    const once = await gateway.sign(USER, target());
    await verifier.verify(once, REVEAL);
    expect(await refusal(once)).toContain('already used');
  });
});

describe('isReservedSubject', () => {
  it.each(['system', 'svc:seed', 'svc:', 'open311', 'open311:app', 'public'])('reserves %p', (sub) => expect(isReservedSubject(sub)).toBe(true));
  it.each(['u1', 'systemic', 'demo-admin', 'service-desk', 'public-works'])('leaves %p to users', (sub) => expect(isReservedSubject(sub)).toBe(false));
});

describe(mayBackdate.name, () => {
  it('lets the seed acting for itself back-date, and no user, admin or other process', () => {
    expect(mayBackdate(internalCaller('seed'))).toBe(true);
    for (const caller of [internalCaller('hotline'), internalCaller('gateway'), { sub: 'system', roles: ['admin'], units: [] }, { sub: 'seed', roles: ['admin'], units: [] }, { sub: 'admin-1', roles: ['admin'], units: [] }] as Caller[]) {
      expect({ sub: caller.sub, may: mayBackdate(caller) }).toEqual({ sub: caller.sub, may: false });
    }
  });
});

describe(loadCallerKeys.name, () => {
  it('refuses production without keys, or with development keys', () => {
    expect(() => loadCallerKeys('registry', { NODE_ENV: 'production' })).toThrow(ConfigError);
    const dev = devCallerKey('gateway');
    const devPrivate = JSON.stringify({ ...dev.key.export({ format: 'jwk' }), kid: dev.kid });
    const devPublic = JSON.stringify({ keys: [{ ...createPublicKey(dev.key).export({ format: 'jwk' }), kid: dev.kid, iss: 'gateway' }] });
    expect(() => loadCallerKeys('gateway', { NODE_ENV: 'production', CALLER_SIGNING_KEY: devPrivate, CALLER_TRUSTED_KEYS: devPublic })).toThrow(/development key/);
  });

  it('names the variable that is malformed', () => {
    expect(() => loadCallerKeys('registry', { NODE_ENV: 'development', CALLER_SIGNING_KEY: 'nope' })).toThrow(/CALLER_SIGNING_KEY: is not valid JSON/);
    expect(() => loadCallerKeys('registry', { NODE_ENV: 'development', CALLER_TRUSTED_KEYS: '{"keys":[{"kty":"OKP","crv":"Ed25519","x":"abc"}]}' })).toThrow(/CALLER_TRUSTED_KEYS: keys\[0\] needs a kid and an iss/);
  });

  it('signs and verifies with keys made by generateCallerKeyPair, in production', async () => {
    const gatewayPair = await generateCallerKeyPair('gateway', 'gateway-2026-12');
    const registryPair = await generateCallerKeyPair('registry', 'registry-2026-12');
    const trusted = JSON.stringify({ keys: [gatewayPair.publicJwk, registryPair.publicJwk] });
    const gw = loadCallerKeys('gateway', { NODE_ENV: 'production', CALLER_SIGNING_KEY: JSON.stringify(gatewayPair.privateJwk), CALLER_TRUSTED_KEYS: trusted });
    const registry = loadCallerKeys('registry', { NODE_ENV: 'production', CALLER_SIGNING_KEY: JSON.stringify(registryPair.privateJwk), CALLER_TRUSTED_KEYS: trusted });
    const assertion = await gw.signer.sign(USER, { audience: 'registry', pattern: REVEAL, requestId: 'r1' });
    await expect(new CallerVerifier('registry', registry.trusted).verify(assertion, REVEAL)).resolves.toEqual(USER);
    // The development gateway key is not trusted there.
    const dev = await new CallerSigner('gateway', devCallerKey('gateway')).sign(USER, { audience: 'registry', pattern: REVEAL, requestId: 'r2' });
    await expect(new CallerVerifier('registry', registry.trusted).verify(dev, REVEAL)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('bearer tokens and the reserved subjects', () => {
  const verifier = new JwtVerifier({ ...DEV_JWT });

  it.each(['system', 'svc:seed', 'svc:hotline', 'open311:fixmystreet', 'public'])('refuses a token whose subject is %p', async (sub) => {
    const token = await signDevToken({ sub, roles: ['admin'], units: [] }, DEV_JWT);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('reserved') });
  });
});
