import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { GatewayConfig, createGatewayApp, type GatewayApp } from '@gridline/app-gateway';
import { generateCallerKeyPair } from '@gridline/auth';
import { createLogger, loadConfig } from '@gridline/platform';
import { LogCapture, TEST_SERVERS, eventually, freePort, testPrefix } from '@gridline/testing';
import { ConsolePeople, buildConsole, launchChromium } from './support/console-browser';
import { OidcTestProvider } from './support/oidc-test-provider';

const CLIENT_ID = 'gridline-console';
/** The gateway's JWT_AUDIENCE, the API's resource indicator at the provider (RFC 8707: an absolute URI). */
const AUDIENCE = 'urn:gridline:api';
const LOGIN = 'wang.fang';
const USER = { name: '王芳', roles: ['grid_staff' as const], units: ['370502003001001'] };
const PROVIDER_NAME = '东城街道统一身份认证';
/** Short-lived access tokens: the console renews them with the refresh token halfway through. */
const ACCESS_TOKEN_TTL = 20;

interface SavedSession {
  token: string;
  via: string;
  user: { sub: string; name: string | null; roles: string[]; units: string[] };
}

/**
 * The console's production sign-in in Chromium, against a real OpenID provider (node-oidc-provider): the
 * authorization code flow with PKCE as a public client, the provider's RS256 access token verified by the gateway
 * with the provider's JWKS, renewed by the refresh token before it expires, and the session ended at the provider.
 * Only the gateway runs: signing in needs no other service.
 */
describe('the console signing in at the organisation’s OpenID provider', () => {
  let provider: OidcTestProvider;
  let gateway: GatewayApp;
  let consoleDir: string;
  let base: string;
  let browser: Browser;
  const people = new ConsolePeople();

  beforeAll(async () => {
    consoleDir = mkdtempSync(join(tmpdir(), 'gridline-console-oidc-e2e-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const [started] = await Promise.all([
      OidcTestProvider.start({
        clientId: CLIENT_ID,
        redirectUris: [`${base}/sign-in/callback`],
        postLogoutRedirectUris: [`${base}/sign-in`],
        audience: AUDIENCE,
        accessTokenTtl: ACCESS_TOKEN_TTL,
        users: { [LOGIN]: USER },
      }),
      buildConsole(consoleDir),
    ]);
    provider = started;
    const callerKeys = await generateCallerKeyPair('gateway', 'gateway-console-oidc-e2e');
    const config = loadConfig(GatewayConfig, {
      NODE_ENV: 'production',
      NATS_URL: TEST_SERVERS.natsUrl,
      NATS_PREFIX: testPrefix(),
      LOG_LEVEL: 'warn',
      CONSOLE_DIR: consoleDir,
      CALLER_SIGNING_KEY: JSON.stringify(callerKeys.privateJwk),
      CALLER_TRUSTED_KEYS: JSON.stringify({ keys: [callerKeys.publicJwk] }),
      JWKS_URL: provider.jwksUrl,
      JWT_ISSUER: provider.issuer,
      JWT_AUDIENCE: AUDIENCE,
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_SCOPE: 'openid profile offline_access',
      OIDC_DISPLAY_NAME: PROVIDER_NAME,
    });
    gateway = await createGatewayApp(config, createLogger('gateway', config.LOG_LEVEL, new LogCapture()));
    await gateway.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
  }, 240_000);

  afterEach(async () => {
    expect(await people.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.app.close();
    await provider?.close();
    if (consoleDir) rmSync(consoleDir, { recursive: true, force: true });
  });

  /** The console's session as the page keeps it (sessionStorage: read in the page, as text). */
  const saved = async (page: Page): Promise<SavedSession | null> =>
    JSON.parse((await page.evaluate('window.sessionStorage.getItem("gridline.session")')) ?? 'null') as SavedSession | null;

  const me = (token: string) => fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

  /** At the provider's own login page (its development interactions: any password for a known login). */
  async function logInAtProvider(page: Page): Promise<void> {
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(LOGIN);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
  }

  it('signs a user in with the code flow and PKCE, calls the API with their token, renews it and signs out at the provider', async () => {
    const person = await people.person(browser);
    const { page } = person;
    await page.goto(`${base}/cases`);
    await page.waitForURL(/\/sign-in\?next=/);
    // Production: the organisation's provider, and no demo users.
    const button = page.locator('[data-test="sign-in-oidc"]');
    expect((await button.innerText()).trim()).toBe(`使用${PROVIDER_NAME}登录`);
    expect(await page.locator('[data-user]').count()).toBe(0);

    const authorize = page.waitForRequest((request) => request.url().startsWith(`${provider.issuer}/auth?`));
    await button.click();
    const query = new URL((await authorize).url()).searchParams;
    expect({ response_type: query.get('response_type'), client_id: query.get('client_id'), method: query.get('code_challenge_method') }).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      method: 'S256',
    });
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('redirect_uri')).toBe(`${base}/sign-in/callback`);

    const meAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/me');
    await logInAtProvider(page);
    // Back at the callback, the code exchanged, the gateway asked who the token names: on the page the user wanted.
    expect((await meAnswer).status()).toBe(200);
    await page.waitForURL(`${base}/cases`);
    await eventually(async () => expect((await page.locator('[data-test="signed-in-as"]').textContent())?.trim()).toBe(USER.name));
    const first = (await saved(page))!;
    expect(first).toMatchObject({ via: 'oidc', user: { sub: LOGIN, name: USER.name, roles: USER.roles, units: USER.units } });
    // The provider's own RS256 access token for the gateway, which the gateway verified with the provider's keys.
    const claims = decodeJwt(first.token);
    expect(claims).toMatchObject({ iss: provider.issuer, aud: AUDIENCE, sub: LOGIN, roles: USER.roles, units: USER.units });
    const answer = await me(first.token);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ sub: LOGIN, ...USER });

    // Halfway through its 20 s the console renews the token with the refresh token, without leaving the page.
    const renewed = await eventually(
      async () => {
        const now = (await saved(page))!;
        expect(now.token).not.toBe(first.token);
        return now;
      },
      { timeoutMs: ACCESS_TOKEN_TTL * 1000, intervalMs: 500 },
    );
    expect(page.url()).toBe(`${base}/cases`);
    expect(decodeJwt(renewed.token).exp!).toBeGreaterThan(claims.exp!);
    expect((await me(renewed.token)).status).toBe(200);

    // Signing out ends the session at the provider (its end_session page), then comes back to the sign-in page.
    await page.locator('[data-test="sign-out"]').click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('button[autofocus], button[type="submit"]').first().click();
    await page.waitForURL(`${base}/sign-in`);
    expect(await saved(page)).toBeNull();
    // The provider's session is gone too: signing in again asks for the login.
    await page.locator('[data-test="sign-in-oidc"]').click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').waitFor();
  });
});
