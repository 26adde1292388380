import { SignJWT } from 'jose';
import { AppError } from '@gridline/platform';
import { DEV_JWT, JwtVerifier, parseDurationSeconds, signDevToken } from './jwt';

describe(JwtVerifier.name, () => {
  const verifier = new JwtVerifier({ ...DEV_JWT });
  const key = new TextEncoder().encode(DEV_JWT.secret);

  it('turns a valid token into a caller', async () => {
    const token = await signDevToken({ sub: 'u1', name: '张三', roles: ['grid_staff'], units: ['370502003001001'] }, DEV_JWT);
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'u1', name: '张三', roles: ['grid_staff'], units: ['370502003001001'] });
  });

  async function reasonOf(token: string): Promise<string> {
    const error = await verifier.verify(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('unauthenticated');
    return (error as AppError).message;
  }

  it('refuses an expired token', async () => {
    const token = await signDevToken({ sub: 'u1', roles: ['admin'], units: [], expiresIn: '-1s' }, DEV_JWT);
    expect(await reasonOf(token)).toContain('expired');
  });

  describe('a token verified before', () => {
    afterEach(() => jest.useRealTimers());

    it('is remembered: a second request with it is not verified again, and gets a caller of its own', async () => {
      const fresh = new JwtVerifier({ ...DEV_JWT });
      const token = await signDevToken({ sub: 'u2', roles: ['grid_staff'], units: ['370502003001001'] }, DEV_JWT);
      const first = await fresh.verify(token);
      const verifyNow = jest.spyOn(fresh as unknown as { verifyNow: () => unknown }, 'verifyNow');
      const second = await fresh.verify(token);
      expect(verifyNow).not.toHaveBeenCalled();
      expect(second).toEqual(first);
      second.units.push('370502003001002');
      expect((await fresh.verify(token)).units).toEqual(['370502003001001']);
    });

    it('is refused once it expires, and verified again after a minute', async () => {
      jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      const fresh = new JwtVerifier({ ...DEV_JWT });
      const short = await signDevToken({ sub: 'u3', roles: ['admin'], units: [], expiresIn: '30s' }, DEV_JWT);
      const long = await signDevToken({ sub: 'u4', roles: ['admin'], units: [] }, DEV_JWT);
      await fresh.verify(short);
      await fresh.verify(long);
      const verifyNow = jest.spyOn(fresh as unknown as { verifyNow: () => unknown }, 'verifyNow');
      jest.setSystemTime(Date.now() + 31_000);
      await expect(fresh.verify(short)).rejects.toMatchObject({ kind: 'unauthenticated', message: expect.stringContaining('expired') });
      await fresh.verify(long);
      expect(verifyNow).toHaveBeenCalledTimes(1);
      jest.setSystemTime(Date.now() + 30_000);
      await fresh.verify(long);
      expect(verifyNow).toHaveBeenCalledTimes(2);
    });

    it('never stands for another text: the same claims under a changed signature are refused', async () => {
      const fresh = new JwtVerifier({ ...DEV_JWT });
      const token = await signDevToken({ sub: 'u5', roles: ['admin'], units: [] }, DEV_JWT);
      await fresh.verify(token);
      const changed = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
      const error = await fresh.verify(changed).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'unauthenticated' });
    });
  });

  it('refuses a token for another audience or issuer', async () => {
    expect(await reasonOf(await signDevToken({ sub: 'u', roles: ['admin'], units: [] }, { ...DEV_JWT, audience: 'other' }))).toContain('aud');
    expect(await reasonOf(await signDevToken({ sub: 'u', roles: ['admin'], units: [] }, { ...DEV_JWT, issuer: 'other' }))).toContain('iss');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signDevToken({ sub: 'u', roles: ['admin'], units: [] }, { ...DEV_JWT, secret: 'another-secret-another-secret-0000' });
    expect(await reasonOf(token)).toContain('signature');
  });

  it('refuses unknown roles and a token without exp', async () => {
    const unknownRole = await new SignJWT({ roles: ['emperor'], units: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer(DEV_JWT.issuer)
      .setAudience(DEV_JWT.audience)
      .setExpirationTime('1h')
      .sign(key);
    expect(await reasonOf(unknownRole)).toContain('roles');
    const noExp = await new SignJWT({ roles: ['admin'], units: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer(DEV_JWT.issuer).setAudience(DEV_JWT.audience).sign(key);
    expect(await reasonOf(noExp)).toContain('exp');
  });
});

describe(`${JwtVerifier.name} token lifetime`, () => {
  const key = new TextEncoder().encode(DEV_JWT.secret);
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (times: { iat?: number; exp?: number }) => {
    const jwt = new SignJWT({ roles: ['admin'], units: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer(DEV_JWT.issuer).setAudience(DEV_JWT.audience);
    if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
    if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
    return jwt.sign(key);
  };
  const reasonWith = async (verifier: JwtVerifier, token: string) => {
    const error = await verifier.verify(token).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unauthenticated', code: 'UNAUTHENTICATED' });
    return (error as AppError).message;
  };

  it('accepts the development tokens, which live exactly the default maximum of 12 h', async () => {
    await expect(new JwtVerifier({ ...DEV_JWT }).verify(await signDevToken({ sub: 'u', roles: ['admin'], units: [] }, DEV_JWT))).resolves.toMatchObject({ sub: 'u' });
  });

  it('refuses a token that lives longer than the maximum, with or without iat', async () => {
    const verifier = new JwtVerifier({ ...DEV_JWT, maxLifetimeSeconds: 3600 });
    expect(await reasonWith(verifier, await sign({ iat: now(), exp: now() + 3601 }))).toContain('lives longer');
    expect(await reasonWith(verifier, await sign({ exp: now() + 7200 }))).toContain('lives longer');
    // Issued long ago, still valid for a short while: its whole lifetime counts, not what is left of it.
    expect(await reasonWith(verifier, await sign({ iat: now() - 86400, exp: now() + 60 }))).toContain('lives longer');
    await expect(verifier.verify(await sign({ iat: now(), exp: now() + 3600 }))).resolves.toMatchObject({ sub: 'u' });
    const defaults = new JwtVerifier({ ...DEV_JWT });
    expect(await reasonWith(defaults, await signDevToken({ sub: 'u', roles: ['admin'], units: [], expiresIn: '13h' }, DEV_JWT))).toContain('lives longer');
  });

  it('refuses a token issued in the future beyond the clock tolerance', async () => {
    const verifier = new JwtVerifier({ ...DEV_JWT, clockToleranceSeconds: 30 });
    expect(await reasonWith(verifier, await sign({ iat: now() + 600, exp: now() + 1200 }))).toContain('iat');
    await expect(verifier.verify(await sign({ iat: now() + 10, exp: now() + 600 }))).resolves.toMatchObject({ sub: 'u' });
  });

  it('reads durations in seconds, minutes, hours and days', () => {
    expect([parseDurationSeconds('90'), parseDurationSeconds('90s'), parseDurationSeconds('15m'), parseDurationSeconds('12h'), parseDurationSeconds('1d')]).toEqual([90, 90, 900, 43200, 86400]);
    expect(parseDurationSeconds('12 hours')).toBeUndefined();
    expect(parseDurationSeconds('-1h')).toBeUndefined();
  });
});

describe(`${JwtVerifier.name} with a JWKS URL`, () => {
  let server: import('node:http').Server;
  let url: string;
  let privateKey: import('jose').KeyLike;

  beforeAll(async () => {
    const { createServer } = await import('node:http');
    const { exportJWK, generateKeyPair } = await import('jose');
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as import('node:net').AddressInfo;
    url = `http://127.0.0.1:${address.port}/.well-known/jwks.json`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const rs256 = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('u9').setIssuer(DEV_JWT.issuer).setAudience(DEV_JWT.audience).setExpirationTime('5m').sign(privateKey);

  it('accepts an RS256 token signed by a key of the JWKS', async () => {
    const verifier = new JwtVerifier({ issuer: DEV_JWT.issuer, audience: DEV_JWT.audience, jwksUrl: url });
    await expect(verifier.verify(await rs256({ roles: ['analyst'], units: ['370502003'] }))).resolves.toEqual({ sub: 'u9', roles: ['analyst'], units: ['370502003'] });
  });

  it('refuses an HS256 token when RS256 keys are configured', async () => {
    const verifier = new JwtVerifier({ issuer: DEV_JWT.issuer, audience: DEV_JWT.audience, jwksUrl: url });
    const hs = await signDevToken({ sub: 'u', roles: ['admin'], units: [] }, DEV_JWT);
    await expect(verifier.verify(hs)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
