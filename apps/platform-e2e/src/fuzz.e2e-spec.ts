import fc from 'fast-check';
import type { Client } from 'pg';
import type { GatewayApp } from '@gridline/app-gateway';
import { eventually, testToken, unitFactory } from '@gridline/testing';
import { StreetFixture } from './support/street-fixture';

/**
 * The property-based fuzz suite: every POST/PATCH/PUT route and every GET with a query that the live OpenAPI document
 * lists is driven with generated bad input — wrong types, nulls, huge strings, NUL and lone surrogates, ISO week and
 * ordinal dates, deep nesting, extra and prototype-polluting fields, bad path parameters and cursors, CSV garbage —
 * through the real gateway and services. No answer may be a 5xx, and a refused request must leave every table of
 * every service as it was. FUZZ_RUNS (runs per route and kind, default 25) and FUZZ_SEED (default fixed) reproduce
 * or widen a run: `FUZZ_RUNS=200 npx jest apps/platform-e2e/src/fuzz.e2e-spec.ts`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

const STREET = '370502003';
const COMMUNITY = '370502003001';
const GRID = '370502003001001';
const NO_SUCH_ID = '0b8e5c1e-6f2a-4d7b-9c3e-1a2b3c4d5e6f';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: string;
  parameters: Parameter[];
  contentType?: string;
  body?: Schema;
}
interface Finding {
  route: string;
  status: number;
  what: string;
}

describe('fuzz: malformed input through the whole platform', () => {
  let walk: StreetFixture;
  let gateway: GatewayApp;
  let db: Client;
  let admin: string;
  const operations: Operation[] = [];
  let schemas: Record<string, Schema> = {};
  let fingerprintSql = '';
  /** Real ids for path parameters, so that fuzzed bodies reach the services' own checks. */
  const known: Record<string, string> = {};
  let requests = 0;
  const statuses: Record<string, number> = {};
  /** Fuzzed requests that a route took (2xx): not a failure, but worth a look when a route takes what it should not. */
  const accepted: string[] = [];
  let baseline = '';

  beforeAll(async () => {
    // The supervision schedulers stamp open cases and appeals on their own every few seconds: off, so that any change
    // to a table is what a request did.
    const quiet = { SUPERVISION_ENABLED: 'false' };
    walk = await StreetFixture.start({ services: ['registry', ['incidents', quiet], ['hotline', quiet], 'analytics', 'party-building'], gateway: { LOG_LEVEL: 'fatal' } });
    gateway = walk.gateway;
    admin = await testToken({ sub: 'fuzz-admin', roles: ['admin'] });

    for (const unit of [unitFactory().street(STREET).build(), unitFactory().community(COMMUNITY).build(), unitFactory().grid(GRID).at(118.5, 37.4).build()]) {
      expect((await send('POST', '/api/v1/units', unit)).statusCode).toBe(201);
    }
    expect((await send('POST', '/api/v1/departments', { code: 'URBAN_MGMT', name: '城市管理办公室' })).statusCode).toBe(201);
    expect((await send('POST', '/api/v1/categories', { code: 'ENV', name: '环境卫生' })).statusCode).toBe(201);
    // Long limits: no step falls due (and no scheduler writes) while the suite runs.
    const limits = { acceptLimit: { amount: 20, unit: 'working_days' }, handleLimit: { amount: 30, unit: 'working_days' } };
    expect((await send('POST', '/api/v1/categories', { code: 'ENV.GARBAGE', name: '垃圾堆放', parentCode: 'ENV', owner: { level: 'grid' }, ...limits })).statusCode).toBe(201);
    const incident = await eventually(
      async () => {
        const res = await send('POST', '/api/v1/incidents', { categoryCode: 'ENV.GARBAGE', title: '垃圾堆放', description: '东门外堆放建筑垃圾', location: { lat: 37.405, lng: 118.505, address: '文汇小区东门' }, source: 'patrol' });
        expect(res.statusCode === 201 ? 201 : res.body).toBe(201);
        return res.json().incident.id as string;
      },
      { timeoutMs: 15_000 },
    );
    known['/api/v1/incidents/{id}'] = incident;
    const appeal = await send('POST', '/api/v1/appeals', { channel: 'phone', type: 'complaint', content: '路灯不亮', categoryCode: 'ENV.GARBAGE' });
    expect(appeal.statusCode).toBe(201);
    known['/api/v1/appeals/{id}'] = appeal.json().appeal.id;
    known['/api/v1/units/{code}'] = GRID;
    known['/api/v1/departments/{code}'] = 'URBAN_MGMT';
    known['/api/v1/categories/{code}'] = 'ENV.GARBAGE';
    known['/api/v1/calendar/{year}'] = '2026';
    known['/api/v1/imports/{kind}'] = 'buildings';
    const key = await send('POST', '/api/v1/open311/keys', { application: 'fuzz-app' });
    expect(key.statusCode).toBe(201);
    known.api_key = key.json().apiKey;

    const docs = await gateway.app.inject({ method: 'GET', url: '/docs-json' });
    expect(docs.statusCode).toBe(200);
    const document = docs.json() as { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>; components: { schemas: Record<string, Schema> } };
    schemas = document.components.schemas;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const m = method.toUpperCase();
        const content = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
        const parameters = op.parameters ?? [];
        const mutating = m === 'POST' || m === 'PATCH' || m === 'PUT';
        if (!mutating && !(m === 'GET' && parameters.some((p) => p.in === 'query'))) continue;
        operations.push({ method: m as Operation['method'], path, parameters, contentType: content?.[0], body: content?.[1].schema });
      }
    }

    // Registers and people made from the document's own examples, so that their routes by id have something real.
    for (const collection of ['/api/v1/buildings', '/api/v1/households', '/api/v1/residents', '/api/v1/businesses', '/api/v1/people']) {
      const op = operations.find((o) => o.method === 'POST' && o.path === collection);
      if (!op?.body) continue;
      const res = await send('POST', collection, withGrid(example(op.body)));
      if (res.statusCode === 201) known[`${collection}/{id}`] = res.json().id ?? res.json()[Object.keys(res.json())[0]]?.id;
    }

    db = await walk.db();
    const tables = await db.query<{ schema: string; table: string }>(
      `select table_schema as schema, table_name as "table" from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'public') order by 1, 2`,
    );
    // Every table's rows, hashed; by count only the outbox (the relay stamps rows as it publishes them) and the 3+N
    // detector's lease (it stamps its scans on its own schedule).
    fingerprintSql = tables.rows
      .map(({ schema, table }) =>
        table === 'outbox' || table === 'mikro_orm_migrations' || table === 'candidate_scan'
          ? `select '${schema}.${table}' as t, count(*)::text as f from "${schema}"."${table}"`
          : `select '${schema}.${table}' as t, count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) as f from "${schema}"."${table}" x`,
      )
      .join(' union all ');
    // The seed's events settle (projections, inboxes) before anything is compared.
    await settle();
    process.stdout.write(`fuzz: seed ${SEED}, ${RUNS} runs per route and kind, ${operations.length} operations from /docs-json (FUZZ_SEED, FUZZ_RUNS to change)\n`);
  }, 120_000);

  afterAll(async () => {
    if (process.env.FUZZ_VERBOSE) process.stdout.write(`fuzz: accepted\n${accepted.join('\n')}\n`);
    process.stdout.write(`fuzz: ${requests} requests sent (seed ${SEED}, ${RUNS} runs per route and kind); fuzzed answers by class: ${JSON.stringify(statuses)}\n`);
    await walk?.close();
  });

  function send(method: Operation['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) {
    requests++;
    const body = payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload);
    return gateway.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}`, ...(body !== undefined && !headers['content-type'] ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: body } : {}),
    });
  }

  /**
   * Waits until no table has changed for a second: what an accepted request set off (events, a case opened from an
   * appeal, projections) has happened before the next request is compared.
   */
  async function settle(): Promise<string> {
    let last = await fingerprint();
    let since = Date.now();
    return eventually(
      async () => {
        const now = await fingerprint();
        if (now !== last) {
          last = now;
          since = Date.now();
        }
        expect(Date.now() - since).toBeGreaterThanOrEqual(1000);
        return now;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  }

  async function fingerprint(): Promise<string> {
    const { rows } = await db.query<{ t: string; f: string }>(fingerprintSql);
    // Sorted: PostgreSQL may answer a union's parts in any order (a parallel append), which is no change.
    return rows
      .map((r) => `${r.t}=${r.f}`)
      .sort()
      .join('\n');
  }

  function resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    if (schema.$ref) return resolve(schemas[schema.$ref.split('/').pop() ?? '']);
    if (schema.allOf?.length) return resolve(schema.allOf[0]);
    return schema;
  }

  /** A plausible value for a schema, from its example, enum or type: the base each bad value is put into. */
  function example(raw: Schema | undefined, depth = 0): Json {
    const schema = resolve(raw);
    if (schema.example !== undefined) return schema.example as Json;
    if (schema.enum?.length) return schema.enum[0] as Json;
    if (schema.default !== undefined) return schema.default as Json;
    switch (schema.type) {
      case 'integer':
      case 'number':
        return schema.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 4 ? [] : [example(schema.items, depth + 1)];
      case 'string':
        return schema.format === 'uuid' ? NO_SUCH_ID : schema.format === 'date' ? '2026-11-27' : schema.format === 'date-time' ? '2026-11-27T09:30:00+08:00' : 'x';
      default: {
        if (depth > 4) return {};
        const out: Record<string, Json> = {};
        for (const name of schema.required ?? Object.keys(schema.properties ?? {})) out[name] = example(schema.properties?.[name], depth + 1);
        return out;
      }
    }
  }

  function withGrid(value: Json): Json {
    if (value && typeof value === 'object' && !Array.isArray(value)) for (const key of ['gridCode', 'unitCode']) if (key in value) value[key] = GRID;
    return value;
  }

  function pathOf(op: Operation, override?: { name: string; value: string }): string {
    return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      if (override?.name === name) return override.value;
      const prefix = op.path.slice(0, op.path.indexOf(`{${name}}`) + name.length + 2);
      const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
      const real = known[prefix];
      if (real) return encodeURIComponent(real);
      const fallback = example(param?.schema);
      return encodeURIComponent(String(name === 'format' ? 'json' : name === 'action' && op.path.includes('appeals') ? 'dispatch' : name === 'action' ? 'accept' : typeof fallback === 'string' && fallback !== 'x' ? fallback : NO_SUCH_ID));
    });
  }

  // ---------- generators ----------
  const nested = (depth: number): Json => {
    let v: Json = 'leaf';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };
  const weirdDates = ['2026-W01-1', '2026-W53', '2026-032', '2026-366', '0000-01-01', '2026-02-30', '2026-13-01', '2026-01-01T24:00:00Z', '2026-01-01T10:00:00+25:00', '99999-01-01', '-000001-01-01', '2026', '2026-01-01T10:00:00.1234567891Z', '1e3', 'now'];
  const badString = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`),
    fc.string({ maxLength: 10 }).map((s) => `${s}\ud800`),
    fc.string({ maxLength: 10 }).map((s) => `\udfff${s}`),
    fc.constantFrom(...weirdDates),
    fc.integer({ min: 1000, max: 300_000 }).map((n) => 'x'.repeat(n)),
    fc.constantFrom('', ' ', '\t\n', '😀'.repeat(5000), '%00', '../../etc/passwd', "'; drop table x; --", '<x/>', '{}', '[]', 'null', 'undefined', 'NaN', '-0', '1e309', '0x10', '🏳️‍🌈'),
  );
  const badValue: fc.Arbitrary<Json> = fc.oneof(
    fc.constant(null),
    badString,
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1e308, 0.5)),
    fc.boolean(),
    fc.constantFrom<Json>([], {}, [null], [[]], { '': null }),
    fc.array(badString, { maxLength: 3 }),
    fc.integer({ min: 33, max: 3000 }).map(nested),
    fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  );
  const badQueryValue = fc.oneof(
    badString.map((s) => encodeURIComponent(s.slice(0, 5000)).replace(/%EF%BF%BD/g, '%ED%A0%80')),
    fc.constantFrom('%00', '%ED%A0%80', '%ZZ', '%', '%E0%A4%A', '-1', '0', '1e999', '99999999999999999999', 'true', 'NaN', '2026-W01-1', '2026-032', '0000-01-01', '2026-02-30', '%5B%5D'),
    fc.string({ maxLength: 20 }).map((s) => Buffer.from(s).toString('base64url')),
    fc.jsonValue({ maxDepth: 2 }).map((j) => Buffer.from(JSON.stringify(j)).toString('base64url')),
    fc.constantFrom({ k: 'yesterday', id: NO_SUCH_ID }, { k: null, id: '-'.repeat(36) }, { k: 5, id: [NO_SUCH_ID] }).map((c) => Buffer.from(JSON.stringify(c)).toString('base64url')),
  );
  const badPathValue = fc.oneof(
    badQueryValue,
    fc.constantFrom('%2e%2e%2f%2e%2e', 'x'.repeat(300), '%20', '-1', '00000000-0000-0000-0000-000000000000', '9'.repeat(40), 'ENV..X', '2026.5'),
  );

  type BodyMutation = { kind: 'field'; path: string[]; value: Json } | { kind: 'whole'; value: Json } | { kind: 'text'; text: string; contentType: string };

  function fieldPaths(schema: Schema, prefix: string[] = [], depth = 0): string[][] {
    const s = resolve(schema);
    const out: string[][] = [];
    for (const [name, child] of Object.entries(s.properties ?? {})) {
      out.push([...prefix, name]);
      const c = resolve(child);
      if (depth < 2 && c.properties) out.push(...fieldPaths(c, [...prefix, name], depth + 1));
      if (depth < 2 && c.type === 'array' && resolve(c.items).properties) out.push(...fieldPaths(resolve(c.items), [...prefix, name, '0'], depth + 1));
    }
    return out;
  }

  function bodyMutation(op: Operation): fc.Arbitrary<BodyMutation[]> {
    const paths = fieldPaths(op.body ?? {});
    const field = fc.record({
      kind: fc.constant('field' as const),
      path: fc.oneof(paths.length ? fc.constantFrom(...paths) : fc.constant(['x']), fc.constantFrom<string[]>(['extraField'], ['__proto__'], ['constructor'], ['\u0000'], ['a.b'])),
      value: badValue,
    });
    const whole = fc.record({ kind: fc.constant('whole' as const), value: fc.oneof(badValue, fc.constant<Json>([])) });
    const text = fc.record({
      kind: fc.constant('text' as const),
      text: fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('{', '{"a":', '[1,]', '{"__proto__":{"x":1}}', '\u0000', 'null', '', '{"a":1}{"a":2}'), fc.integer({ min: 1_000_000, max: 1_100_000 }).map((n) => `{"x":"${'y'.repeat(n)}"}`)),
      contentType: fc.constantFrom('application/json', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'),
    });
    return fc.array(fc.oneof({ weight: 6, arbitrary: field }, { weight: 1, arbitrary: whole }, { weight: 1, arbitrary: text }), { minLength: 1, maxLength: 3 }) as fc.Arbitrary<BodyMutation[]>;
  }

  function apply(base: Json, mutations: BodyMutation[]): { payload: string; contentType: string } {
    let body: Json = structuredClone(base);
    for (const m of mutations) {
      if (m.kind === 'text') return { payload: m.text, contentType: m.contentType };
      if (m.kind === 'whole') {
        body = m.value;
        continue;
      }
      if (!body || typeof body !== 'object') body = {};
      let target = body as Record<string, Json>;
      for (const step of m.path.slice(0, -1)) {
        const next = target[step];
        if (!next || typeof next !== 'object') Object.defineProperty(target, step, { value: {}, enumerable: true, writable: true, configurable: true });
        target = target[step] as Record<string, Json>;
      }
      // defineProperty: `__proto__` and `constructor` become own fields, as a hostile JSON body has them.
      Object.defineProperty(target, m.path[m.path.length - 1], { value: m.value, enumerable: true, writable: true, configurable: true });
    }
    return { payload: JSON.stringify(body), contentType: 'application/json' };
  }

  const describeBody = (payload: string) => (payload.length > 300 ? `${payload.slice(0, 300)}… (${payload.length} chars)` : payload);

  /** Sends one request and checks the two properties: no 5xx; a refused request stored nothing. */
  async function check(findings: Finding[], op: Operation, url: string, what: string, payload?: string, headers: Record<string, string> = {}): Promise<boolean> {
    const before = baseline || (await settle());
    const res = await send(op.method, url, payload, headers);
    const route = `${op.method} ${op.path}`;
    statuses[`${Math.floor(res.statusCode / 100)}xx`] = (statuses[`${Math.floor(res.statusCode / 100)}xx`] ?? 0) + 1;
    if (res.statusCode >= 500) {
      findings.push({ route, status: res.statusCode, what: `${url} ${what} → ${res.body.slice(0, 300)}` });
      return false;
    }
    if (res.statusCode < 400) {
      accepted.push(`${route} ${res.statusCode} ${url.slice(0, 100)} ${what.slice(0, 120)}`);
      baseline = await settle();
      return true;
    }
    // A CSV upload refused part-way (a malformed line) keeps the rows before it and the job that says so: the problem
    // names the job (docs/imports.md). Anything else refused must leave every table as it was.
    if ((res.json() as { details?: { jobId?: string } }).details?.jobId) {
      baseline = await settle();
      return true;
    }
    const after = await fingerprint();
    baseline = after;
    if (after !== before) {
      const changed = after.split('\n').filter((line) => !before.split('\n').includes(line));
      const gone = before.split('\n').filter((line) => !after.split('\n').includes(line));
      if (gone.length > changed.length) changed.push(...gone.filter((line) => !changed.some((c) => c.split('=')[0] === line.split('=')[0])).map((line) => `${line.split('=')[0]} (was ${line.split('=')[1]})`));
      findings.push({ route, status: res.statusCode, what: `${url} ${what} was refused but changed ${changed.join(', ')}` });
      return false;
    }
    return true;
  }

  /** Each finding on one line, cut to a readable length (a fuzzed body can be a megabyte). */
  function report(findings: Finding[]): string[] {
    // JSON-escaped: a fuzzed NUL or lone surrogate would break the test reporter.
    const lines = findings.map((f) => JSON.stringify(`${f.route} → ${f.status}: ${f.what.slice(0, 600)}`));
    if (lines.length) process.stdout.write(`fuzz: findings\n${lines.join('\n')}\n`);
    return lines;
  }

  async function fuzz(findings: Finding[], op: Operation, index: number, arbitrary: fc.Arbitrary<() => Promise<boolean>>): Promise<void> {
    try {
      await fc.assert(
        fc.asyncProperty(arbitrary, (run) => run()),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    } catch {
      // The finding itself is in `findings`; fast-check's report would only repeat it.
    }
  }

  it('answers no POST/PATCH/PUT body with a 5xx, and a refused one stores nothing', async () => {
    const findings: Finding[] = [];
    const mutating = operations.filter((op) => op.method !== 'GET' && op.body);
    expect(mutating.length).toBeGreaterThanOrEqual(30);
    for (const [index, op] of mutating.entries()) {
      const url = pathOf(op);
      if (op.contentType === 'text/csv') {
        const csv = fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.array(fc.array(badString.map((s) => s.slice(0, 2000)), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }).map((rows) => ['grid_code,address,name,floors,units', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n')),
          fc.constantFrom('grid_code,address\n"unterminated', '\u0000\u0000', 'grid_code,address\n370502003001001,"a\u0000"', '\ufeffgrid_code;address\n1;2', 'a,b,c\n'.repeat(1000)),
        );
        await fuzz(findings, op, index, csv.map((text) => () => check(findings, op, url, `csv ${describeBody(text)}`, text, { 'content-type': 'text/csv' })));
        continue;
      }
      if (op.contentType === 'application/x-www-form-urlencoded') {
        const base = { api_key: known.api_key, service_code: 'ENV.GARBAGE', lat: '37.405', long: '118.505', description: '垃圾' };
        const form = fc.record({ name: fc.constantFrom(...Object.keys(base), 'address_string', 'email', 'media_url', 'attribute[x]', 'extra', '\u0000'), value: badQueryValue });
        await fuzz(
          findings,
          op,
          index,
          fc.array(form, { minLength: 1, maxLength: 3 }).map((changes) => () => {
            const fields = Object.entries(base).map(([k, v]) => [k, encodeURIComponent(v)]);
            for (const c of changes) fields.push([encodeURIComponent(c.name), c.value]);
            const text = fields.map(([k, v]) => `${k}=${v}`).join('&');
            return check(findings, op, url, `form ${describeBody(text)}`, text, { 'content-type': 'application/x-www-form-urlencoded' });
          }),
        );
        continue;
      }
      const base = withGrid(example(op.body));
      await fuzz(
        findings,
        op,
        index,
        bodyMutation(op).map((mutations) => () => {
          const { payload, contentType } = apply(base, mutations);
          return check(findings, op, url, `${contentType} ${describeBody(payload)}`, payload, { 'content-type': contentType });
        }),
      );
    }
    expect(report(findings)).toEqual([]);
  }, 600_000);

  it('answers no GET list query with a 5xx, and stores nothing for a refused one', async () => {
    const findings: Finding[] = [];
    const lists = operations.filter((op) => op.method === 'GET');
    expect(lists.length).toBeGreaterThanOrEqual(10);
    for (const [index, op] of lists.entries()) {
      const names = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
      const query = fc.array(fc.record({ name: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom('extra', '%00', '__proto__', 'constructor', 'a%5Bb%5D') }), value: badQueryValue }), { minLength: 1, maxLength: 3 });
      await fuzz(
        findings,
        op,
        1000 + index,
        query.map((params) => () => {
          const url = `${pathOf(op)}?${params.map((p) => `${p.name}=${p.value}`).join('&')}`;
          return check(findings, op, url.length > 20_000 ? url.slice(0, 20_000) : url, '');
        }),
      );
    }
    expect(report(findings)).toEqual([]);
  }, 600_000);

  it('answers no bad path parameter with a 5xx, and stores nothing for it', async () => {
    const findings: Finding[] = [];
    const withParams = operations.filter((op) => op.parameters.some((p) => p.in === 'path'));
    for (const [index, op] of withParams.entries()) {
      const names = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const base = op.body ? JSON.stringify(withGrid(example(op.body))) : undefined;
      await fuzz(
        findings,
        op,
        2000 + index,
        fc.record({ name: fc.constantFrom(...names), value: badPathValue }).map((param) => () => check(findings, op, pathOf(op, param), `path ${param.name}=${param.value.slice(0, 100)}`, base, op.contentType && op.contentType !== 'application/json' ? { 'content-type': op.contentType } : {})),
      );
    }
    expect(report(findings)).toEqual([]);
  }, 600_000);
});
