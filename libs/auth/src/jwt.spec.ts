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
