import { ConfigError } from '@gridline/platform';
import { DEV_JWT, signDevToken } from '@gridline/auth';
import type { GatewayApp } from '../gateway.bootstrap';
import { GatewaysUnderTest } from '../testing/gateways-under-test';

const PROVIDER = { OIDC_ISSUER_URL: 'https://id.example.gov.cn/realms/street', OIDC_CLIENT_ID: 'gridline-console', JWKS_URL: 'https://id.example.gov.cn/realms/street/jwks' };

describe('the console sign-in settings', () => {
  const gateways = new GatewaysUnderTest();
  const gateway = (env: Record<string, string> = {}): Promise<GatewayApp> => gateways.start(env);

  afterAll(() => gateways.close());

  describe('GET /api/v1/console-config', () => {
    it('offers the demo sign-in and no provider by default, without a token', async () => {
      const { app } = await gateway({ NODE_ENV: 'development' });
      const res = await app.inject({ method: 'GET', url: '/api/v1/console-config' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ oidc: null, demo: true });
    });

    it("names the organisation's provider when configured (the demo sign-in off, tokens being the provider's)", async () => {
      const { app } = await gateway({ NODE_ENV: 'development', ...PROVIDER, OIDC_SCOPE: 'openid profile offline_access', OIDC_DISPLAY_NAME: '东城街道统一身份认证' });
      const res = await app.inject({ method: 'GET', url: '/api/v1/console-config' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        oidc: { issuer: PROVIDER.OIDC_ISSUER_URL, clientId: 'gridline-console', scope: 'openid profile offline_access', name: '东城街道统一身份认证' },
        demo: false,
      });
      // The console's pages may fetch the provider's discovery document, keys and token endpoint, and nothing else.
      const csp = String(res.headers['content-security-policy']).split(';');
      expect(csp).toContain("connect-src 'self' https://id.example.gov.cn");
    });

    it('is documented in the OpenAPI document, with /me', async () => {
      const { document } = await gateway();
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/console-config', '/api/v1/me']));
      expect(document.paths['/api/v1/console-config'].get?.security ?? []).toEqual([]);
    });

    it.each([
      [{ OIDC_ISSUER_URL: PROVIDER.OIDC_ISSUER_URL, JWKS_URL: PROVIDER.JWKS_URL }, 'OIDC_CLIENT_ID'],
      [{ OIDC_CLIENT_ID: 'gridline-console' }, 'OIDC_ISSUER_URL'],
      [{ OIDC_ISSUER_URL: PROVIDER.OIDC_ISSUER_URL, OIDC_CLIENT_ID: 'gridline-console' }, 'JWKS_URL'],
    ])('refuses to start with a half-configured provider (%o: %s)', async (env, missing) => {
      const failure = await gateway(env).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ConfigError);
      expect((failure as ConfigError).message).toContain(missing);
    });
  });

  describe('GET /api/v1/me', () => {
    it("answers the verified caller's subject, name, roles and units", async () => {
      const { app } = await gateway();
      const token = await signDevToken({ sub: 'u-7', name: '王芳', roles: ['grid_staff'], units: ['370502003001001'] }, DEV_JWT);
      const res = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ sub: 'u-7', name: '王芳', roles: ['grid_staff'], units: ['370502003001001'] });
    });

    it('answers 401 without a token', async () => {
      const { app } = await gateway();
      const res = await app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });
});
