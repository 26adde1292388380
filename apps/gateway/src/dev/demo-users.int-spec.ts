import { decodeProtectedHeader } from 'jose';
import { DEMO_USERS, DEV_JWT, JwtVerifier, generateCallerKeyPair } from '@gridline/auth';
import type { GatewayApp } from '../gateway.bootstrap';
import { GatewaysUnderTest } from '../testing/gateways-under-test';

const ROUTE = '/api/v1/dev/demo-users';
const OWN_SECRET = 'a-deployment-secret-that-is-not-the-dev-one';

describe(`GET ${ROUTE}`, () => {
  const gateways = new GatewaysUnderTest();
  const gateway = (env: Record<string, string> = {}): Promise<GatewayApp> => gateways.start(env);

  afterAll(() => gateways.close());

  it('lists every demo user outside production, each with an HS256 token of the configured secret that the gateway accepts', async () => {
    const { app } = await gateway({ NODE_ENV: 'development', JWT_SECRET: OWN_SECRET });
    const res = await app.inject({ method: 'GET', url: ROUTE });
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: { sub: string; name: string | null; title: string; roles: string[]; units: string[]; token: string }[] }>();
    expect(items.map(({ token: _token, ...user }) => user)).toEqual(
      DEMO_USERS.map((user) => ({ sub: user.sub, name: user.name ?? null, title: user.title, roles: user.roles, units: user.units })),
    );
    const verifier = app.get(JwtVerifier);
    for (const user of items) {
      expect(decodeProtectedHeader(user.token).alg).toBe('HS256');
      await expect(verifier.verify(user.token)).resolves.toMatchObject({ sub: user.sub, roles: user.roles, units: user.units });
    }
    // The secret is the deployment's own: a token signed with the development secret would not pass.
    await expect(new JwtVerifier(DEV_JWT).verify(items[0].token)).rejects.toThrow();
  });

  it('answers 404 problem+json in production, as if the route did not exist', async () => {
    const pair = await generateCallerKeyPair('gateway', 'gateway-demo-users-spec');
    const { app } = await gateway({
      NODE_ENV: 'production',
      JWT_SECRET: OWN_SECRET,
      CALLER_SIGNING_KEY: JSON.stringify(pair.privateJwk),
      CALLER_TRUSTED_KEYS: JSON.stringify({ keys: [pair.publicJwk] }),
    });
    const res = await app.inject({ method: 'GET', url: ROUTE });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(res.json().items).toBeUndefined();
  });

  it('answers 404 when tokens are verified by JWKS (the gateway holds no key to sign with)', async () => {
    const { app } = await gateway({ NODE_ENV: 'development', JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json' });
    const res = await app.inject({ method: 'GET', url: ROUTE });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
