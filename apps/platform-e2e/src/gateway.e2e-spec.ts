import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { loadConfig } from '@gridline/platform';
import { metricValue, testPrefix, testToken, unitFactory, TEST_SERVERS } from '@gridline/testing';
import { GatewayConfig, createGatewayApp, type GatewayApp } from '@gridline/app-gateway';
import { StreetFixture } from './support/street-fixture';

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const OTHER_GRID = '370502003001002';

function gatewayConfig(prefix: string, extra: Record<string, string> = {}): GatewayConfig {
  return loadConfig(GatewayConfig, { NATS_URL: TEST_SERVERS.natsUrl, NATS_PREFIX: prefix, LOG_LEVEL: 'warn', ...extra });
}

describe('gateway', () => {
  let walk: StreetFixture;
  let gateway: GatewayApp;
  let admin: string;

  beforeAll(async () => {
    walk = await StreetFixture.start({ services: ['registry'], gateway: true });
    gateway = walk.gateway;
    admin = await testToken({ roles: ['admin'] });
    for (const unit of [
      unitFactory().street(STREET).build(),
      unitFactory().community(COMMUNITY).build(),
      unitFactory().grid(GRID).at(118.5, 37.4).build(),
      unitFactory().grid(OTHER_GRID).at(118.51, 37.4).build(),
    ]) {
      const res = await gateway.app.inject({ method: 'POST', url: '/api/v1/units', headers: { authorization: `Bearer ${admin}` }, payload: unit });
      expect(res.statusCode).toBe(201);
    }
  });

  afterAll(async () => {
    await walk?.close();
  });

  const get = (url: string, token?: string) =>
    gateway.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  describe('authentication', () => {
    const PUBLIC = ['/health/live', '/health/ready', '/metrics', '/docs', '/docs-json', '/docs-yaml', '/api/v1/public/grid', '/api/v1/party/stations/nearest', '/api/v1/dev/demo-users', '/api/v1/console-config'];

    it('guards every route but health, metrics, docs, the public grid and nearest-station lookups, the demo sign-in (not in production), the console sign-in config and Open311 (which has its own api_key)', async () => {
      // Open311: its resources under /open311/v2/, and the discovery document also at /open311/discovery.
      const guarded = gateway.routes.filter((r) => !PUBLIC.some((p) => r.url === p || r.url.startsWith('/docs')) && !r.url.startsWith('/open311/v2/') && r.url !== '/open311/discovery.:format');
      expect(guarded.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/v1/open311/keys');
      expect(guarded.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/v1/units', 'GET /api/v1/analytics/overview']));
      for (const route of guarded) {
        const res = await gateway.app.inject({ method: route.method as 'GET', url: route.url.replace(':code', STREET) });
        expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    });

    it('serves health, the OpenAPI document and Open311 without a token', async () => {
      expect((await get('/health/live')).statusCode).toBe(200);
      const open311 = gateway.routes.filter((r) => r.url.startsWith('/open311/v2/')).map((r) => `${r.method} ${r.url}`);
      expect(open311).toEqual(expect.arrayContaining(['GET /open311/v2/discovery.:format', 'GET /open311/v2/services.:format', 'POST /open311/v2/requests.:format']));
      expect((await get('/open311/v2/discovery.json')).statusCode).toBe(200);
      // The public grid lookup asks for no token: whatever it answers here, it is not the bearer-token challenge.
      const lookup = await get('/api/v1/public/grid?lat=37.4&lng=118.5');
      expect(lookup.statusCode).not.toBe(401);
      expect(lookup.headers['www-authenticate']).toBeUndefined();
      // Without a key, POST requests is refused in Open311's own format, never with the bearer-token challenge.
      const post = await gateway.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: 'service_code=X', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(post.statusCode).toBe(403);
      expect(post.headers['www-authenticate']).toBeUndefined();
      const docs = await get('/docs-json');
      expect(docs.statusCode).toBe(200);
      expect(Object.keys(docs.json().paths)).toEqual(expect.arrayContaining(['/api/v1/units', '/api/v1/units/{code}', '/api/v1/locate']));
    });

    it('serves the OpenAPI document committed in docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
      const committed = JSON.parse(readFileSync(join(__dirname, '../../../docs/openapi.json'), 'utf8'));
      expect((await get('/docs-json')).json()).toEqual(committed);
    });

    it('types every body field it documents: an object field has its properties (a nullable number or string declares its type, or the generator writes "object")', async () => {
      type Schema = { type?: string; properties?: Record<string, Schema>; additionalProperties?: unknown; $ref?: string; allOf?: unknown[]; description?: string };
      const schemas = (await get('/docs-json')).json().components.schemas as Record<string, Schema>;
      // Free-form on purpose: a GeoJSON geometry (checked by the registry), a problem's details.
      const FREE_FORM = ['CreateUnitRequest.boundary', 'UpdateUnitBody.boundary', 'ProblemDetails.details'];
      const untyped = Object.entries(schemas).flatMap(([name, schema]) =>
        Object.entries(schema.properties ?? {})
          .filter(([, p]) => p.type === 'object' && !p.properties && !p.additionalProperties && !p.$ref && !p.allOf)
          .map(([field]) => `${name}.${field}`),
      );
      expect(untyped.filter((field) => !FREE_FORM.includes(field))).toEqual([]);
    });

    it('documents every paged list with the shared page envelope: offset pages by page/pageSize, cursor pages by cursor/limit', async () => {
      type Operation = { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema?: { allOf?: { $ref?: string }[] } }> }> };
      const paths = (await get('/docs-json')).json().paths as Record<string, Record<string, Operation>>;
      const lists = Object.entries(paths)
        .filter(([path, ops]) => path.startsWith('/api/') && ops.get)
        .map(([path, ops]) => {
          const query = new Set((ops.get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
          const asked = query.has('page') && query.has('pageSize') ? 'OffsetPage' : query.has('cursor') && query.has('limit') ? 'CursorPage' : null;
          const answered = ops.get.responses['200']?.content?.['application/json']?.schema?.allOf?.[0]?.$ref?.split('/').pop() ?? null;
          return { path, asked, answered };
        });
      expect(lists.filter((l) => l.asked !== l.answered)).toEqual([]);
      expect(lists.filter((l) => l.asked === 'OffsetPage').map((l) => l.path)).toEqual(expect.arrayContaining(['/api/v1/appeals', '/api/v1/appeals/audit', '/api/v1/units', '/api/v1/visits']));
      expect(lists.filter((l) => l.asked === 'CursorPage').map((l) => l.path).sort()).toEqual(['/api/v1/analytics/candidates', '/api/v1/discussion-tasks', '/api/v1/discussions', '/api/v1/incidents']);
    });

    it('refuses a token with a bad signature, the wrong audience or past its expiry', async () => {
      const forged = `${admin.slice(0, -4)}AAAA`;
      const expired = await testToken({ roles: ['admin'], expiresIn: '-1m' });
      for (const token of [forged, expired, 'not-a-jwt']) {
        const res = await get('/api/v1/units', token);
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    });
  });

  describe('POST /api/v1/units', () => {
    it('answers 400 problem+json listing each field at fault, and stores nothing', async () => {
      const res = await gateway.app.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { authorization: `Bearer ${admin}` },
        payload: { code: '12x', level: 'town', colour: 'red' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request' });
      expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'colour', 'level', 'name']);
      expect((await get('/api/v1/units?q=12x', admin)).json().total).toBe(0);
    });

    it('answers 409 for a code that exists', async () => {
      const res = await gateway.app.inject({ method: 'POST', url: '/api/v1/units', headers: { authorization: `Bearer ${admin}` }, payload: unitFactory().street(STREET).build() });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'UNIT_CODE_TAKEN' });
    });

    it('answers 403 to a role that may not draw the map', async () => {
      const staff = await testToken({ roles: ['grid_staff'], units: [GRID] });
      const res = await gateway.app.inject({ method: 'POST', url: '/api/v1/units', headers: { authorization: `Bearer ${staff}` }, payload: unitFactory().grid('370502003001009').at(1, 1).build() });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('scope', () => {
    it('shows a grid staff member only their grid', async () => {
      const staff = await testToken({ roles: ['grid_staff'], units: [GRID] });
      const list = await get('/api/v1/units', staff);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((u: { code: string }) => u.code)).toEqual([GRID]);
      expect((await get(`/api/v1/units/${OTHER_GRID}`, staff)).statusCode).toBe(403);
      expect((await get(`/api/v1/units/${GRID}`, staff)).statusCode).toBe(200);
    });

    it('shows a community admin the community and everything beneath it', async () => {
      const communityAdmin = await testToken({ roles: ['community_admin'], units: [COMMUNITY] });
      const children = await get(`/api/v1/units/${COMMUNITY}/children`, communityAdmin);
      expect(children.json().map((u: { code: string }) => u.code)).toEqual([GRID, OTHER_GRID]);
      expect((await get(`/api/v1/units/${STREET}`, communityAdmin)).statusCode).toBe(403);
    });
  });

  describe('GET /api/v1/locate', () => {
    it('finds the grid with its community and street', async () => {
      const res = await get('/api/v1/locate?lat=37.405&lng=118.515', admin);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ grid: { code: OTHER_GRID }, community: { code: COMMUNITY }, street: { code: STREET } });
    });

    it('answers 404 problem+json where no grid is', async () => {
      const res = await get('/api/v1/locate?lat=1&lng=1', admin);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NO_GRID_AT_POINT' });
    });

    it('answers 400 for a latitude out of range', async () => {
      const res = await get('/api/v1/locate?lat=91&lng=1', admin);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'lat' })]);
    });
  });

  it('keeps a correlation id given by the client and answers with it', async () => {
    const res = await gateway.app.inject({ method: 'GET', url: '/api/v1/units/000000000', headers: { authorization: `Bearer ${admin}`, 'x-correlation-id': 'abc-123' } });
    expect(res.headers['x-correlation-id']).toBe('abc-123');
    expect(res.json()).toMatchObject({ status: 404, correlationId: 'abc-123' });
  });

  it("exports RED metrics: the gateway's answers by route pattern and status, the registry's bus answers by pattern and outcome", async () => {
    const scrape = async () => ({
      gateway: (await get('/metrics')).body,
      registry: await (await fetch(`${walk.platform.services[0].url}/metrics`)).text(), // the walk's one service
    });
    const before = await scrape();
    expect((await get(`/api/v1/units/${GRID}`, admin)).statusCode).toBe(200);
    expect((await get('/api/v1/units/370502003009009', admin)).statusCode).toBe(404);
    expect((await get('/api/v1/no-such-route', admin)).statusCode).toBe(404);
    const after = await scrape();
    const grew = (side: 'gateway' | 'registry', name: string, labels: Record<string, string>) => metricValue(after[side], name, labels) - metricValue(before[side], name, labels);

    const route = { method: 'GET', route: '/api/v1/units/:code', service: 'gateway' };
    expect(grew('gateway', 'gridline_http_requests_total', { ...route, status: '200' })).toBe(1);
    expect(grew('gateway', 'gridline_http_requests_total', { ...route, status: '404' })).toBe(1);
    expect(grew('gateway', 'gridline_http_request_seconds_count', route)).toBe(2);
    // An unknown path is one series, not one per path.
    expect(grew('gateway', 'gridline_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
    expect(after.gateway).not.toContain('no-such-route');

    const pattern = { pattern: 'registry.unit.get', service: 'registry' };
    expect(grew('registry', 'gridline_bus_handled_total', { ...pattern, outcome: 'ok' })).toBe(1);
    expect(grew('registry', 'gridline_bus_handled_total', { ...pattern, outcome: 'UNIT_NOT_FOUND' })).toBe(1);
    expect(grew('registry', 'gridline_bus_handled_seconds_count', pattern)).toBe(2);
  });
});

describe('gateway when a service is missing or slow', () => {
  let prefix: string;
  let gateway: GatewayApp;
  let nc: NatsConnection;
  let token: string;

  beforeAll(async () => {
    prefix = testPrefix();
    gateway = await createGatewayApp(gatewayConfig(prefix, { REQUEST_TIMEOUT_MS: '300' }));
    nc = await connect({ servers: TEST_SERVERS.natsUrl });
    // A registry that takes requests and never answers.
    nc.subscribe(`${prefix}.registry.unit.get`, { callback: () => undefined });
    await nc.flush();
    token = await testToken({ roles: ['admin'] });
  });

  afterAll(async () => {
    await nc?.close();
    await gateway?.app.close();
  });

  it('answers 503 naming the service when none is listening', async () => {
    const res = await gateway.app.inject({ method: 'GET', url: '/api/v1/analytics/overview', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', service: 'analytics' });
    expect(res.json().detail).toContain('analytics');
  });

  it('answers 504 when the service does not answer in time', async () => {
    const res = await gateway.app.inject({ method: 'GET', url: '/api/v1/units/370502003', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(504);
    expect(res.json()).toMatchObject({ status: 504, code: 'SERVICE_TIMEOUT', service: 'registry' });
  });
});

describe('gateway configuration', () => {
  it('refuses the development JWT secret in production', async () => {
    const config = loadConfig(GatewayConfig, { NODE_ENV: 'production', NATS_URL: TEST_SERVERS.natsUrl });
    await expect(createGatewayApp(config)).rejects.toThrow('JWT_SECRET: the development secret must not be used in production');
  });
});
