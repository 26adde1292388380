import { SignJWT } from 'jose';
import { AppError } from '@gridline/platform';
import { DEV_JWT, JwtVerifier, signDevToken } from './jwt';

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
