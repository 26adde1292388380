import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { DEV_JWT } from '@gridline/auth';
import { ConfigError, loadConfig } from '@gridline/platform';
import { Readable } from 'node:stream';
import { testToken, unitFactory, TEST_SERVERS } from '@gridline/testing';
import { GatewayConfig, createGatewayApp, startInternalListener, trustProxyFrom, type GatewayApp } from '@gridline/app-gateway';
import { StreetFixture } from './support/street-fixture';

/**
 * What the gateway does to every request and answer, whatever the route: rate limits, security headers, no caching
 * of personal data, internal-only routes, trusted proxies and token lifetimes.
 */
const GRID = '370502003001001';

describe('gateway hardening', () => {
  let walk: StreetFixture;
  const gateways: GatewayApp[] = [];
  let admin: string;

  let defaults: GatewayApp | undefined;

  /** A gateway with these variables (one with the defaults is shared). */
  async function gateway(env: Record<string, string> = {}): Promise<GatewayApp> {
    if (Object.keys(env).length === 0 && defaults) return defaults;
    const created = await walk.startGateway(env);
    if (Object.keys(env).length === 0) defaults = created;
    return created;
  }

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry'] });
    await walk.seed({ units: [unitFactory().street('370502003').build(), unitFactory().community('370502003001').build(), unitFactory().grid(GRID).at(118.5, 37.4).build()] });
    admin = await testToken({ sub: 'admin-1', roles: ['admin'] });
  });

  afterAll(async () => {
    for (const g of gateways) await g.app.close();
    await walk?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  describe('failed authentication', () => {
    it('answers 429 with Retry-After to an address after too many refused tokens, and only to that address', async () => {
      const { app } = await gateway({ AUTH_FAILURE_RATE_LIMIT: '3/1m' });
      const attacker = '203.0.113.7';
      // No credential at all guesses nothing: not counted.
      for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'GET', url: '/api/v1/units', remoteAddress: attacker })).statusCode).toBe(401);
      const forged = `${admin.slice(0, -4)}AAAA`;
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer(forged), remoteAddress: attacker })).statusCode).toBe(401);
      // The next request is refused before its token is even looked at, a valid one too.
      const limited = await app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer(admin), remoteAddress: attacker });
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', title: 'Too Many Requests' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect((await app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer(admin), remoteAddress: '198.51.100.1' })).statusCode).toBe(200);
    });
  });

  describe('POST /open311/v2/requests', () => {
    const post = (app: GatewayApp['app'], format: 'json' | 'xml', apiKey: string) =>
      app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, payload: `api_key=${apiKey}&service_code=X`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    it('answers 429 in Open311 format to a key over its limit, while other keys go on', async () => {
      // The hotline is not running here: a request within the limit fails later, never with 429.
      const { app } = await gateway({ OPEN311_POST_RATE_LIMIT: '2/1m' });
      for (let i = 0; i < 2; i++) expect((await post(app, 'json', 'key-one')).statusCode).not.toBe(429);
      const limited = await post(app, 'json', 'key-one');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toEqual([{ code: 429, description: expect.stringContaining('api_key') }]);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const xml = await post(app, 'xml', 'key-one');
      expect(xml.statusCode).toBe(429);
      expect(xml.body).toContain('<code>429</code>');
      expect((await post(app, 'json', 'key-two')).statusCode).not.toBe(429);
    });
  });

  describe('GET /api/v1/residents/:id/reveal', () => {
    it('answers 429 to a caller over the reveal limit, while other callers go on', async () => {
      const { app } = await gateway({ REVEAL_RATE_LIMIT: '2/1m' });
      const reveal = (token: string) => app.inject({ method: 'GET', url: `/api/v1/residents/${randomUUID()}/reveal?fields=idNumber&reason=核实身份`, headers: bearer(token) });
      for (let i = 0; i < 2; i++) expect((await reveal(admin)).statusCode).toBe(404);
      const limited = await reveal(admin);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
      expect(limited.headers['retry-after']).toBeDefined();
      expect((await reveal(await testToken({ sub: 'admin-2', roles: ['admin'] }))).statusCode).toBe(404);
      // Other routes of the same caller are not limited.
      expect((await app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer(admin) })).statusCode).toBe(200);
    });
  });

  describe('headers', () => {
    it('sends security headers and Cache-Control: no-store on every API answer, errors included', async () => {
      const { app } = await gateway();
      for (const res of [
        await app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer(admin) }),
        await app.inject({ method: 'GET', url: '/api/v1/units' }),
        await app.inject({ method: 'GET', url: '/api/v1/no-such-route', headers: bearer(admin) }),
      ]) {
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['strict-transport-security']).toBeDefined();
      }
    });

    it('keeps /docs working under its Content-Security-Policy: every script is a file of its own', async () => {
      const { app } = await gateway();
      const docs = await app.inject({ method: 'GET', url: '/docs' });
      expect(docs.statusCode).toBe(200);
      const csp = String(docs.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).not.toContain('upgrade-insecure-requests');
      const scripts = [...docs.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body.trim()).toBe('');
        const src = /src=["']([^"']+)["']/.exec(attributes)![1];
        const script = await app.inject({ method: 'GET', url: new URL(src, 'http://gateway/docs').pathname });
        expect({ src, status: script.statusCode }).toEqual({ src, status: 200 });
      }
    });
  });

  describe('INTERNAL_HTTP_PORT', () => {
    let publicUrl: string;
    let internalUrl: string;
    let internal: Server | undefined;

    beforeAll(async () => {
      const config = loadConfig(GatewayConfig, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: walk.prefix, LOG_LEVEL: 'warn', INTERNAL_HTTP_PORT: '0' });
      const created = await createGatewayApp(config);
      gateways.push(created);
      await created.app.listen(0, '127.0.0.1');
      publicUrl = await created.app.getUrl();
      internal = await startInternalListener(created.app, config);
      internalUrl = `http://127.0.0.1:${(internal!.address() as AddressInfo).port}`;
    });

    afterAll(() => new Promise<void>((resolve) => (internal ? internal.close(() => resolve()) : resolve())));

    it('serves /metrics and the docs only on the internal port, and the API only on the public one', async () => {
      for (const path of ['/metrics', '/docs', '/docs-json', '/docs-yaml']) {
        const res = await fetch(`${publicUrl}${path}`);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect({ path, status: (await fetch(`${internalUrl}${path}`)).status }).toEqual({ path, status: 200 });
      }
      expect(await (await fetch(`${internalUrl}/metrics`)).text()).toContain('process_cpu');
      expect((await fetch(`${internalUrl}/api/v1/units`, { headers: bearer(admin) })).status).toBe(404);
      expect((await fetch(`${publicUrl}/api/v1/units`, { headers: bearer(admin) })).status).toBe(200);
      expect((await fetch(`${internalUrl}/health/live`)).status).toBe(200);
      expect((await fetch(`${publicUrl}/health/live`)).status).toBe(200);
    });

    it('serves /metrics on the public port when it is not set', async () => {
      const { app } = await gateway();
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    });
  });

  describe('TRUST_PROXY', () => {
    const discovery = (app: GatewayApp['app'], remoteAddress: string) =>
      app.inject({ method: 'GET', url: '/open311/v2/discovery.json', remoteAddress, headers: { host: 'gateway.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } });

    it('ignores X-Forwarded-Host from a peer it does not trust (by default, none)', async () => {
      const res = await discovery((await gateway()).app, '203.0.113.9');
      expect(res.statusCode).toBe(200);
      expect(res.json().endpoints[0].url).toBe('http://gateway.example/open311/v2');
    });

    it('believes the proxies it is told to trust, and only them', async () => {
      const { app } = await gateway({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.1' });
      expect((await discovery(app, '10.1.2.3')).json().endpoints[0].url).toBe('https://evil.example/open311/v2');
      expect((await discovery(app, '203.0.113.9')).json().endpoints[0].url).toBe('http://gateway.example/open311/v2');
    });

    it('refuses an entry that is not an address or a range', () => {
      expect(() => loadConfig(GatewayConfig, { TRUST_PROXY: 'true' })).toThrow(ConfigError);
      expect(() => trustProxyFrom('10.0.0.0/33')).toThrow('TRUST_PROXY: 10.0.0.0/33');
      expect(trustProxyFrom('')).toBe(false);
      expect(trustProxyFrom('loopback,::1,10.0.0.0/8')).toEqual(['loopback', '::1', '10.0.0.0/8']);
    });
  });

  describe('token lifetime', () => {
    const key = new TextEncoder().encode(DEV_JWT.secret);
    const now = () => Math.floor(Date.now() / 1000);
    const token = (iat: number, exp: number) =>
      new SignJWT({ roles: ['admin'], units: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u').setIssuer(DEV_JWT.issuer).setAudience(DEV_JWT.audience).setIssuedAt(iat).setExpirationTime(exp).sign(key);

    it('refuses a token living longer than JWT_MAX_LIFETIME (12 h by default) or issued in the future', async () => {
      const { app } = await gateway();
      const units = async (t: string) => (await app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer(t) })).statusCode;
      expect(await units(await token(now(), now() + 12 * 3600))).toBe(200);
      expect(await units(await token(now(), now() + 13 * 3600))).toBe(401);
      expect(await units(await token(now() + 3600, now() + 7200))).toBe(401);
      const longer = await gateway({ JWT_MAX_LIFETIME: '24h' });
      expect((await longer.app.inject({ method: 'GET', url: '/api/v1/units', headers: bearer(await token(now(), now() + 13 * 3600)) })).statusCode).toBe(200);
    });
  });

  describe('POST /api/v1/imports/:kind limits', () => {
    let url: string;
    let manyRowsUrl: string;
    const limits = { IMPORT_MAX_BYTES: '4096', IMPORT_MAX_ROWS: '5', IMPORT_MAX_RECORD_SIZE: '256' };
    const csv = (rows: number, from = 1) => `grid_code,address\n${Array.from({ length: rows }, (_, i) => `${GRID},文汇小区${from + i}号楼\n`).join('')}`;
    const upload = (body: string | Readable, importId: string, to = url) =>
      fetch(`${to}/api/v1/imports/buildings?importId=${importId}`, {
        method: 'POST',
        headers: { ...bearer(admin), 'content-type': 'text/csv' },
        body: typeof body === 'string' ? body : (Readable.toWeb(body) as ReadableStream),
        ...(typeof body === 'string' ? {} : { duplex: 'half' }),
      } as RequestInit);
    const progress = (id: string) => fetch(`${url}/api/v1/imports/${id}`, { headers: bearer(admin) });

    beforeAll(async () => {
      const { app } = await gateway(limits);
      await app.listen(0, '127.0.0.1');
      url = await app.getUrl();
      const manyRows = await gateway({ ...limits, IMPORT_MAX_ROWS: '1000' });
      await manyRows.app.listen(0, '127.0.0.1');
      manyRowsUrl = await manyRows.app.getUrl();
    });

    it('imports a file within the limits', async () => {
      const res = await upload(csv(5), randomUUID());
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ rowsTotal: 5, rejected: 0 });
    });

    it('refuses a declared length over IMPORT_MAX_BYTES with 413 before reading anything', async () => {
      const importId = randomUUID();
      const res = await upload(`grid_code,address\n${GRID},${'楼'.repeat(1500)}\n`, importId);
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: 4096 } });
      expect((await progress(importId)).status).toBe(404);
    });

    it('stops a streamed upload once it grows past IMPORT_MAX_BYTES, with 413', async () => {
      const importId = randomUUID();
      const chunks = ['grid_code,address\n', ...Array.from({ length: 40 }, (_, i) => `${GRID},${'文汇'.repeat(20)}${i}\n`)];
      const res = await upload(Readable.from(chunks), importId, manyRowsUrl);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxBytes: 4096 } });
    });

    it('stops at IMPORT_MAX_ROWS with 413, naming the import of the rows before', async () => {
      const importId = randomUUID();
      const res = await upload(csv(8, 100), importId);
      expect(res.status).toBe(413);
      const problem = (await res.json()) as { detail: string };
      expect(problem).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { maxRows: 5, jobId: importId } });
      expect(problem.detail).toContain('more than 5 rows');
      expect(await (await progress(importId)).json()).toMatchObject({ status: 'completed', rowsTotal: 5 });
    });

    it('refuses a record longer than IMPORT_MAX_RECORD_SIZE with 400 naming its line', async () => {
      const res = await upload(`grid_code,address\n${GRID},${'x'.repeat(300)}\n`, randomUUID());
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: { reasons: string[] }[] };
      expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'file', reasons: [expect.stringContaining('longer than 256 characters')] }] });
      expect(problem.errors[0].reasons[0]).toMatch(/^line \d+/);
    });
  });
});
