import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@gridline/platform';
import { LogCapture, TEST_SERVERS, testPrefix } from '@gridline/testing';
import { createGatewayApp, type GatewayApp } from '../gateway.bootstrap';
import { GatewayConfig } from '../gateway.config';

const INDEX = '<!doctype html><html><body><div id="app"></div><script type="module" src="/assets/index-abc123.js"></script></body></html>';
const SCRIPT = 'console.log("the console");';

describe('the console at /', () => {
  let directory: string;
  let gateway: GatewayApp;

  beforeAll(async () => {
    // A built console as Vite lays it out: index.html and hashed assets.
    directory = mkdtempSync(join(tmpdir(), 'gridline-console-'));
    mkdirSync(join(directory, 'assets'));
    writeFileSync(join(directory, 'index.html'), INDEX);
    writeFileSync(join(directory, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(join(directory, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const config = loadConfig(GatewayConfig, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: testPrefix(), LOG_LEVEL: 'warn', CONSOLE_DIR: directory });
    gateway = await createGatewayApp(config, createLogger('gateway', config.LOG_LEVEL, new LogCapture()));
  });

  afterAll(async () => {
    await gateway?.app.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => gateway.app.inject({ method: 'GET', url, headers });

  it('serves a file as it is, a hashed asset cached for a year and anything else revalidated', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe(SCRIPT);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers index.html for / and for any other page path, with its query, so the router shows the page', async () => {
    for (const path of ['/', '/sign-in', '/cases', '/cases/3f1c2a9e-0000-4000-8000-000000000001', '/map?unit=370502003', '/some/deep/page']) {
      const res = await get(path);
      expect({ path, status: res.statusCode, type: res.headers['content-type'], body: res.body }).toEqual({ path, status: 200, type: 'text/html; charset=utf-8', body: INDEX });
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    // The page carries the gateway's security headers: scripts from its own origin only, never framed.
    const page = await get('/cases');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a missing file 404, never the page in its place', async () => {
    const stale = await get('/assets/index-gone999.js');
    expect(stale.statusCode).toBe(404);
    expect(stale.body).not.toBe(INDEX);
  });

  it('never shadows the API, Open311, the docs, health or metrics: an unknown route there is their own 404, problem+json under /api', async () => {
    for (const path of ['/api', '/api/v1', '/api/v1/no-such-route', '/api/v2/cases', '/health/nothing', '/metrics/nothing', '/docs/nothing']) {
      const res = await get(path, { accept: 'text/html' });
      expect({ path, status: res.statusCode, type: res.headers['content-type'] }).toEqual({ path, status: 404, type: expect.stringContaining('application/problem+json') });
      expect(res.body).not.toContain('<div id="app">');
    }
    // Open311 answers in its own format (GeoReport v2 errors), never with the page.
    const open311 = await get('/open311/v2/nothing.json', { accept: 'text/html' });
    expect(open311.statusCode).toBe(404);
    expect(open311.body).not.toContain('<div id="app">');
    expect((await get('/api/v1/no-such-route')).json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    // What those paths do serve is still theirs.
    expect((await get('/health/live')).statusCode).toBe(200);
    expect((await get('/docs-json')).headers['content-type']).toContain('application/json');
  });

  it('serves nothing outside its directory', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await get(path);
      expect({ path, body: res.body.includes('"name"') }).toEqual({ path, body: false });
    }
  });

  it('leaves every method but GET and HEAD to the gateway', async () => {
    const res = await gateway.app.inject({ method: 'POST', url: '/cases', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
