import { createHmac, createPublicKey, generateKeyPairSync, sign as signBytes } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT, jwtVerify } from 'jose';
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

  /** An assertion as a JOSE library signs it, with the gateway's development key unless another is given. */
  function joseSigned(claims: Record<string, unknown>, header: Record<string, unknown> = {}, key = devCallerKey('gateway').key) {
    return new SignJWT({ roles: USER.roles, units: USER.units, pat: REVEAL, ...claims })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'dev-gateway', ...header })
      .setIssuer('gateway')
      .setSubject(USER.sub)
      .setAudience('registry')
      .setJti(`j${++n}`)
      .setIssuedAt()
      .setExpirationTime('30s')
      .sign(key);
  }

  it('reads the compact JWS of a JOSE library, and a JOSE library reads its own (the same standard both ways)', async () => {
    await expect(verifier.verify(await joseSigned({}), REVEAL)).resolves.toEqual({ sub: USER.sub, roles: USER.roles, units: USER.units });
    await expect(verifier.verify(await joseSigned({ aud: ['analytics', 'registry'] }), REVEAL)).resolves.toMatchObject({ sub: USER.sub });
    const ours = await gateway.sign(USER, target({ ttlSeconds: 20 }));
    const { payload, protectedHeader } = await jwtVerify(ours, createPublicKey(devCallerKey('gateway').key), { algorithms: ['EdDSA'], audience: 'registry', issuer: 'gateway' });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: 'dev-gateway', typ: 'gridline-caller+jwt' });
    expect(payload).toMatchObject({ sub: USER.sub, name: USER.name, roles: USER.roles, units: USER.units, pat: REVEAL, jti: `r${n}` });
    expect((payload.exp as number) - (payload.iat as number)).toBe(20);
  });

  it('refuses what a JOSE library would refuse: another algorithm, a critical extension, an unknown key, not yet valid, issued in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { roles: USER.roles, units: USER.units, pat: REVEAL, iss: 'gateway', sub: USER.sub, aud: 'registry', iat: now, exp: now + 30 };
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    /** A token made by hand: any header, signed by `signature` over its first two parts. */
    const handMade = (header: Record<string, unknown>, signature: (input: Buffer) => Buffer, over: Record<string, unknown> = {}) => {
      const input = `${encode(header)}.${encode({ ...claims, jti: `h${++n}`, ...over })}`;
      return `${input}.${signature(Buffer.from(input)).toString('base64url')}`;
    };
    const ed25519 = (input: Buffer) => signBytes(null, input, devCallerKey('gateway').key);
    // The same token made by hand is taken: what follows is refused for its header alone.
    await expect(verifier.verify(handMade({ alg: 'EdDSA', kid: 'dev-gateway' }, ed25519), REVEAL)).resolves.toMatchObject({ sub: USER.sub });
    await refusal(handMade({ alg: 'none', kid: 'dev-gateway' }, () => Buffer.alloc(0)));
    await refusal(handMade({ alg: 'EdDSA', kid: 'dev-gateway', crit: ['exp'], exp: 1 }, ed25519));
    // A HMAC keyed with the public key (the algorithm-confusion attack).
    const publicBytes = createPublicKey(devCallerKey('gateway').key).export({ format: 'der', type: 'spki' });
    await refusal(handMade({ alg: 'HS256', kid: 'dev-gateway' }, (input) => createHmac('sha256', publicBytes).update(input).digest()));
    await refusal(await joseSigned({}, { kid: 'dev-nobody' }));
    const gatewayHeader = { alg: 'EdDSA', kid: 'dev-gateway' };
    await refusal(handMade(gatewayHeader, ed25519, { nbf: now + 60 }));
    await refusal(handMade(gatewayHeader, ed25519, { iat: now + 60, exp: now + 90 }));
    await refusal(handMade(gatewayHeader, ed25519, { iat: now - 120, exp: now + 10 }));
    await refusal(handMade(gatewayHeader, ed25519, { iat: now - 10, exp: now - 6 }));
    await refusal(handMade(gatewayHeader, ed25519, { aud: 'analytics' }));
    await refusal(handMade(gatewayHeader, ed25519, { jti: 7 }));
    await refusal(handMade(gatewayHeader, ed25519, { exp: '9999999999' }));
  });

  it('refuses every assertion changed after signing, however it was changed (property)', async () => {
    const original = await gateway.sign(USER, target());
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: original.length - 1 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ '), fc.boolean(), async (at, char, cut) => {
        const changed = cut ? original.slice(0, at) : `${original.slice(0, at)}${char}${original.slice(at + 1)}`;
        fc.pre(changed !== original);
        await refusal(changed);
      }),
      { seed: 20261206, numRuns: 300 },
    );
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
