/**
 * Grid cases through the gateway vs the floor: reporting a case, and the case lists over 1 M cases.
 *
 * One run: a fresh database and NATS prefix; the registry, incidents (its supervision scheduler on) and the
 * gateway spawned from dist/ exactly as deployed; a street of 5 communities and 50 grids, a department and 20
 * categories created through the gateway; a bare Fastify + pg baseline in this process.
 *
 * (a) POST /api/v1/incidents as a grid staff member (unique titles), once with `gridCode` (no locate hop) and
 *     once with a location (the incidents service asks the registry which grid it is in), each against the
 *     baseline inserting a similar row into a copy of the incident table (same columns and indexes).
 * (b) The cases of (a) are deleted and 1 000 000 cases are written straight into the incidents schema with SQL
 *     (bench/support/incident-cases.ts), then VACUUM ANALYZE. GET /api/v1/incidents is measured for newest first,
 *     a status, overdue, a category, a common and a rare Chinese substring and a second page by cursor, as a
 *     street admin (every case in scope) and as a grid staff member (one grid of 50), each against the baseline
 *     running the same SELECT as the service. A list whose p99 passes 500 ms, that fails, or whose statement alone
 *     takes over 50 ms gets its plan printed, and the proposed indexes and query changes are tried on the run's
 *     database (never on the migrations) and measured on the baseline server.
 *
 *   npm run bench:incidents
 *   BENCH_SECONDS=30 npm run bench:incidents
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_CASES (1000000), BENCH_LOG_LEVEL (LOG_LEVEL
 * of the apps, `info`), BENCH_EXTRA_SQL (statements run on the run's database after the load, before VACUUM
 * ANALYZE: to try an index), BENCH_TRY_PROPOSALS (`true`; `false` skips trying the proposed indexes),
 * DATABASE_URL (any database of the server; a gl_bench_* one is created next to it), NATS_URL.
 * Exits 1 when a measured run had more than 1% non-2xx responses or errors, or the setup failed.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, type Pool } from 'pg';
import { DEV_JWT, signDevToken, type Caller } from '@gridline/auth';
import { serveBaseline } from './support/baseline';
import type { Cleanup } from './support/cleanup';
import { runBench } from './support/run-bench';
import { CATEGORIES, ESTATES, GRIDS, GRID_SIZE_DEGREES, ROADS, STREET, createGridMap, pointIn, type BenchGrid } from './support/grid-map';
import { loadIncidentCases, type LoadSummary } from './support/incident-cases';
import { CONNECTIONS, type LoadSpec } from './support/load';
import { drainOutbox } from './support/outbox';
import { failedRuns, measure, measurePair, pairsCpuTable, pairsTable, type MeasureSettings, type Pair } from './support/pairs';
import { log, startPlatform, waitForQuiet, type Platform } from './support/platform';
import { renderMarkdown, renderText, type Table } from './support/report';
import { benchConfig } from './support/bench.config';

/** dist/bench/ → the repository root, where the apps are started from. */
const ROOT = resolve(__dirname, '..', '..');
const BENCH = benchConfig();
const { BENCH_SECONDS: SECONDS, BENCH_WARMUP_SECONDS: WARMUP_SECONDS, BENCH_LOG_LEVEL: LOG_LEVEL, BENCH_EXTRA_SQL: EXTRA_SQL, BENCH_TRY_PROPOSALS: TRY_PROPOSALS, DATABASE_URL: ADMIN_DATABASE_URL, NATS_URL } = BENCH;
const CASES = Math.round(BENCH.BENCH_CASES);
const MAX_FAILURE_RATE = 0.01;
/** A list whose p99 passes this is pathological: its plan is printed and the proposals are tried on it. */
const SLOW_P99_MS = 500;
/** … and so is a list whose statement alone takes this long: at 10 connections on 2 cores it is a p99 in waiting. */
const SLOW_QUERY_MS = 50;
const SCHEMA = 'incidents';
const CPU_PARTS = ['bench', 'gateway', 'incidents', 'registry', 'postgres', 'nats-server'];

/** The grid of the grid staff member, where the reports of (a) go. */
const GRID = GRIDS[0];
const GRID_BY_CODE = new Map(GRIDS.map((g) => [g.code, g]));

const CALLERS = {
  street: { label: 'street admin', caller: { sub: 'bench-street', roles: ['street_admin'], units: [STREET] } as Caller },
  staff: { label: 'grid staff', caller: { sub: 'bench-staff', roles: ['grid_staff'], units: [GRID.code] } as Caller },
};
type CallerKey = keyof typeof CALLERS;

interface ListScenario {
  name: string;
  query: Record<string, string>;
  /** The second page: the cursor of the first page of "newest first". */
  page2?: boolean;
}

const LIST_SCENARIOS: ListScenario[] = [
  { name: 'newest first', query: {} },
  { name: 'status=in_progress', query: { status: 'in_progress' } },
  { name: 'overdue=true', query: { overdue: 'true' } },
  { name: 'category=CITY.MANHOLE', query: { category: 'CITY.MANHOLE' } },
  { name: 'q=垃圾 (common)', query: { q: '垃圾' } },
  { name: 'q=文化路128号 (rare)', query: { q: '文化路128号' } },
  { name: 'page 2 (cursor)', query: {}, page2: true },
];

interface Sql {
  text: string;
  values: unknown[];
}

interface Cursor {
  k: string;
  id: string;
}

/**
 * The SELECT of ListIncidentsUseCase (apps/incidents/src/incident/use-cases/list-incidents) for these
 * filters, newest first, 50 a page (+1 to know whether there is a next page). Checked against the gateway's
 * first page before the runs.
 */
function listSql(caller: Caller, query: Record<string, string>, cursor?: Cursor): Sql {
  // A grid member (units all 15-digit grid codes): scoped by grid_code, in two arms each read in order (incidentScopeSql).
  if (!caller.roles.includes('admin') && !caller.roles.includes('department') && caller.units.length === 1 && caller.units[0].length === 15) {
    const { where, values } = filterSql(query, cursor, [caller.units[0], caller.sub]);
    const order = 'order by created_at desc, id desc';
    const arm = (scope: string) => `(select * from "${SCHEMA}"."incident" where ${[scope, ...where].join(' and ')} ${order} limit $${values.length + 1})`;
    return {
      text: `select * from (select distinct on (id) * from (${arm('grid_code = $1')} union all ${arm('reporter = $2')}) armed order by id) scoped ${order} limit $${values.length + 1}`,
      values: [...values, 51],
    };
  }
  // Any other caller: what was first measured here as the proposal (see docs/BENCHMARKS.md, "Applied").
  return proposedListSql(caller, query, cursor);
}

/** The list's filters of `query` (and the cursor's keyset) as conditions, their values numbered after `values`. */
function filterSql(query: Record<string, string>, cursor: Cursor | undefined, values: unknown[]): { where: string[]; values: unknown[] } {
  const where: string[] = [];
  const p = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (query.status) where.push(`status = ${p(query.status)}`);
  if (query.category) where.push(`category_code = ${p(query.category)}`);
  // due_at is null whenever step is (IncidentJournal.startStep), as the counts query already assumes; the extra
  // `step is not null` makes the planner multiply two selectivities of the same rows and expect 30× too few.
  if (query.overdue === 'true') where.push('due_at < now()');
  if (query.q) where.push(`${SEARCH_TEXT} like ${p(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`)}`);
  if (cursor) where.push(`(created_at, id) < (${p(cursor.k)}::timestamptz, ${p(cursor.id)}::uuid)`);
  return { where, values };
}

/** The text searched by the proposed trigram index (one expression, so that one index serves the three columns). */
const SEARCH_TEXT = `(title || ' ' || description || ' ' || coalesce(address, ''))`;

/** What the proposals need on the table (see PROPOSED_QUERY_CHANGES), in order; ANALYZE follows. */
const PROPOSED_INDEXES = [
  'create extension if not exists pg_trgm',
  `create index if not exists incident_search_trgm_idx on "${SCHEMA}"."incident" using gin (${SEARCH_TEXT} gin_trgm_ops)`,
  // A finer histogram of the searched text: with the default 100 entries, one sampled case that happens to hold
  // the term makes PostgreSQL expect 1% of the table to match and walk the newest cases instead of the index.
  `alter index "${SCHEMA}".incident_search_trgm_idx alter column 1 set statistics 1000`,
  `create index if not exists incident_reporter_idx on "${SCHEMA}"."incident" (reporter)`,
];

/**
 * The same list with the query changes the indexes need: the scope leaves out the department arm when the caller
 * has no departments (an always-false arm that stops PostgreSQL from combining the path index with the others),
 * overdue is `due_at < now()` alone, and `q` is a LIKE on the indexed expression (strpos cannot use an index).
 */
function proposedListSql(caller: Caller, query: Record<string, string>, cursor?: Cursor): Sql {
  const scope: string[] = [];
  const values: unknown[] = [];
  if (!caller.roles.includes('admin')) {
    const departments = caller.roles.includes('department') ? caller.units : [];
    values.push(caller.units, ...(departments.length > 0 ? [departments] : []), caller.sub);
    const arms = ['path && $1::text[]', ...(departments.length > 0 ? [`owner->>'departmentCode' = any($2::text[])`] : []), `reporter = $${values.length}`];
    scope.push(`(${arms.join(' or ')})`);
  }
  const { where } = filterSql(query, cursor, values);
  return { text: `select * from "${SCHEMA}"."incident" where ${[...scope, ...where].join(' and ') || 'true'} order by created_at desc, id desc limit $${values.push(51)}`, values };
}

const PROPOSED_QUERY_CHANGES =
  'the scope without the department arm when the caller has no departments; overdue as `due_at < now()` alone; ' +
  `q as ${SEARCH_TEXT} like '%' || q || '%' (with % _ \\ escaped) instead of three strpos`;

/** Which of the 50 grids (squares side by side) a point is in: the floor's stand-in for the registry's locate. */
function gridAt(lat: number, lng: number): BenchGrid | undefined {
  const column = Math.floor((lng - GRIDS[0].lng) / GRID_SIZE_DEGREES);
  const row = Math.floor((lat - GRIDS[0].lat) / GRID_SIZE_DEGREES);
  return column >= 0 && column < 10 && row >= 0 && row < 5 ? GRIDS[row * 10 + column] : undefined;
}

interface ReportBody {
  categoryCode: string;
  title: string;
  description: string;
  gridCode?: string;
  location?: { lat: number; lng: number; address: string };
  urgency?: string;
  source: string;
}

interface IncidentsBaseline {
  url: string;
  /** Statements served by GET /list/:key. */
  lists: Map<string, Sql>;
  pool: Pool;
  close(): Promise<void>;
}

/**
 * The floor, in this process: POST /incidents inserts one row into `baseline_incident`, a copy of the service's
 * table with its columns, defaults and indexes (`like … including all`), trusting the client for the category
 * and taking the grid from the code or from the point by arithmetic, its work-order number a counter of this process; GET /list/:key runs one stored SELECT.
 * No validation, no auth, no bus, no ORM, no timeline, no outbox, no duplicate check. Pool of 10, like the
 * service's DB_POOL_SIZE.
 */
async function startIncidentsBaseline(databaseUrl: string): Promise<IncidentsBaseline> {
  const lists = new Map<string, Sql>();
  let baselineWorkOrder = 0;
  const baseline = await serveBaseline(databaseUrl, async (app, pool) => {
    await pool.query(`create table if not exists baseline_incident (like "${SCHEMA}"."incident" including all)`);
    app.post<{ Body: ReportBody }>('/incidents', async (request, reply) => {
      const b = request.body;
      const grid = b.gridCode ? GRID_BY_CODE.get(b.gridCode) : b.location ? gridAt(b.location.lat, b.location.lng) : undefined;
      if (!grid) return reply.code(400).send({ message: 'no grid' });
      const now = Date.now();
      const day = 86_400_000;
      const { rows } = await pool.query(
        `insert into baseline_incident (id, status, category_code, title, description, lat, lng, address, grid_code, path, urgency, source, reporter,
                                        step, step_started_at, warn_at, due_at, red_at, next_check_at, work_order)
         values ($1, 'reported', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'accept', $13, $14, $15, $16, $14, $17) returning *`,
        [
          randomUUID(),
          b.categoryCode,
          b.title,
          b.description,
          b.location?.lat ?? null,
          b.location?.lng ?? null,
          b.location?.address ?? null,
          grid.code,
          grid.path,
          b.urgency ?? 'normal',
          b.source,
          CALLERS.staff.caller.sub,
          new Date(now),
          new Date(now + 0.7 * day),
          new Date(now + day),
          new Date(now + 1.5 * day),
          // Unique (the table's unique index), from this process instead of the service's per-day counter row.
          `GX-BASELINE-${++baselineWorkOrder}`,
        ],
      );
      return reply.code(201).send(rows[0]);
    });
    app.get<{ Params: { key: string } }>('/list/:key', async (request, reply) => {
      const sql = lists.get(request.params.key);
      if (!sql) return reply.code(404).send({ message: 'no such list' });
      const { rows } = await pool.query(sql.text, sql.values);
      return { items: rows.slice(0, 50), more: rows.length > 50 };
    });
  });
  return { ...baseline, lists };
}

let reportNumber = 0;

/** A new case each request: unique title, the categories in turn, in the grid staff member's grid. */
function reportBody(withLocation: boolean): string {
  const n = ++reportNumber;
  const category = CATEGORIES[n % CATEGORIES.length];
  const building = (n % 30) + 1;
  const body: ReportBody = {
    categoryCode: category.code,
    title: `${ESTATES[0]}${building}号楼${category.title}（巡查 ${n}）`,
    description: `${category.description}，巡查发现。`,
    urgency: 'normal',
    source: 'patrol',
    ...(withLocation
      ? { location: { ...pointIn(GRID, Math.random(), Math.random()), address: `${ROADS[0]}${(n % 300) + 1}号${ESTATES[0]}` } }
      : { gridCode: GRID.code }),
  };
  return JSON.stringify(body);
}

function reportLoad(url: string, path: string, headers: Record<string, string>, withLocation: boolean): LoadSpec {
  return { url, method: 'POST', headers, next: () => ({ path, body: reportBody(withLocation) }) };
}

function listLoad(url: string, path: string, headers: Record<string, string>): LoadSpec {
  return { url, method: 'GET', headers, next: () => ({ path }) };
}

async function getJson<T>(url: string, token: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Incidents learns the map and the categories from the registry's events: report until it accepts one. */
async function waitForIncidents(gatewayUrl: string, token: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    const res = await fetch(`${gatewayUrl}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: reportBody(false),
    });
    if (res.status === 201) {
      log(`incidents knows the map and the categories after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
    last = `${res.status} ${(await res.text()).slice(0, 300)}`;
    await sleep(500);
  }
  throw new Error(`incidents did not accept a report within ${timeoutMs / 1000} s; last answer: ${last}`);
}

/** EXPLAIN ANALYZE of one statement: its execution time and the plan. */
async function explain(pool: Pool, sql: Sql): Promise<{ ms: number; plan: string }> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql.text}`, sql.values);
  const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
  const match = /Execution Time: ([\d.]+) ms/.exec(plan);
  return { ms: match ? Number(match[1]) : Number.NaN, plan };
}

/** Cases in the bench's database: the reports of (a), their timeline and keys. Deleted before the load. */
async function deleteReportedCases(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`delete from "${SCHEMA}"."incident_timeline"`);
    await client.query(`delete from "${SCHEMA}"."idempotency_key"`);
    const { rowCount } = await client.query(`delete from "${SCHEMA}"."incident"`);
    await client.query('drop table if exists baseline_incident');
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

function keyOf(scenario: ListScenario, caller: CallerKey, variant = 'current'): string {
  return `${variant}:${caller}:${scenario.name}`;
}

function queryString(query: Record<string, string>, cursor?: string): string {
  const params = new URLSearchParams(query);
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface ProposalResult {
  scenario: string;
  caller: string;
  now: Pair;
  currentMs: number;
  proposedMs: number;
  proposed?: Pair['baseline'];
  plan: string;
}

async function main(cleanup: Cleanup, interrupted: AbortSignal): Promise<number> {
  const platform: Platform = await startPlatform(cleanup, {
    root: ROOT,
    adminDatabaseUrl: ADMIN_DATABASE_URL,
    natsUrl: NATS_URL,
    logLevel: LOG_LEVEL,
    services: ['incidents'],
    serviceEnv: { incidents: { SUPERVISION_ENABLED: 'true' } },
  });
  const { gateway } = platform;
  const settings: MeasureSettings = {
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    pids: { gateway: gateway.child.pid, incidents: platform.services.incidents.child.pid, registry: platform.registry.child.pid },
  };
  const tokens = {
    admin: await signDevToken({ sub: 'bench-admin', roles: ['admin'], units: [] }, DEV_JWT),
    street: await signDevToken({ ...CALLERS.street.caller }, DEV_JWT),
    staff: await signDevToken({ ...CALLERS.staff.caller }, DEV_JWT),
  };
  const json = { 'content-type': 'application/json' };
  const auth = (token: string) => ({ ...json, authorization: `Bearer ${token}` });

  await createGridMap(gateway.url, tokens.admin);
  log(`created street ${STREET}, 5 communities, ${GRIDS.length} grids, a department and ${CATEGORIES.length} categories through the gateway`);
  await waitForIncidents(gateway.url, tokens.staff);

  const baseline = await startIncidentsBaseline(platform.databaseUrl);
  cleanup.add('baseline', () => baseline.close());

  // (a) Reporting a case.
  const reports: Pair[] = [];
  for (const [scenario, withLocation] of [
    ['POST /incidents (gridCode)', false],
    ['POST /incidents (location → locate)', true],
  ] as const) {
    interrupted.throwIfAborted();
    reports.push(
      await measurePair(
        scenario,
        '',
        { baseline: reportLoad(baseline.url, '/incidents', json, withLocation), gateway: reportLoad(gateway.url, '/api/v1/incidents', auth(tokens.staff), withLocation) },
        settings,
      ),
    );
    await drainOutbox(platform.databaseUrl, SCHEMA);
  }

  // (b) Lists over 1 M cases.
  interrupted.throwIfAborted();
  log(`deleted the ${await deleteReportedCases(platform.databaseUrl)} cases reported in (a); loading ${CASES} cases`);
  const summary: LoadSummary = await loadIncidentCases(platform.databaseUrl, { rows: CASES, schema: SCHEMA, extraSql: EXTRA_SQL, interrupted });
  const inGrid = Number((await baseline.pool.query<{ n: string }>(`select count(*) as n from "${SCHEMA}"."incident" where path && $1::text[]`, [[GRID.code]])).rows[0].n);
  const dataset =
    `${summary.rows} cases loaded in ${summary.seconds.toFixed(0)} s (inserts ${summary.insertSeconds.toFixed(0)} s without the secondary indexes, ` +
    `their build ${summary.indexSeconds.toFixed(0)} s, vacuum analyze ${summary.vacuumSeconds.toFixed(0)} s; table ${summary.tableMiB.toFixed(0)} MiB, indexes ${summary.indexesMiB.toFixed(0)} MiB); ` +
    `${Object.entries(summary.byStatus).map(([s, n]) => `${s} ${n}`).join(', ')}; overdue ${summary.overdue}; in the grid staff member's grid ${inGrid}`;
  log(dataset);

  // Cursors of the second page, from the gateway's first page for each caller.
  const cursors = {} as Record<CallerKey, { raw: string; decoded: Cursor }>;
  for (const key of Object.keys(CALLERS) as CallerKey[]) {
    const first = await getJson<{ nextCursor: string | null }>(`${gateway.url}/api/v1/incidents`, tokens[key]);
    if (first.status !== 200 || !first.body.nextCursor) throw new Error(`${CALLERS[key].label}: the first page answered ${first.status} without a next cursor`);
    cursors[key] = { raw: first.body.nextCursor, decoded: JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString('utf8')) as Cursor };
  }

  // The baseline's statements, checked against the gateway's first page of each list.
  const mismatches: string[] = [];
  for (const scenario of LIST_SCENARIOS) {
    for (const key of Object.keys(CALLERS) as CallerKey[]) {
      const { caller, label } = CALLERS[key];
      const cursor = scenario.page2 ? cursors[key] : undefined;
      const sql = listSql(caller, scenario.query, cursor?.decoded);
      baseline.lists.set(keyOf(scenario, key), sql);
      const viaGateway = await getJson<{ items: { id: string }[] }>(`${gateway.url}/api/v1/incidents${queryString(scenario.query, cursor?.raw)}`, tokens[key]);
      const direct = (await baseline.pool.query<{ id: string }>(sql.text, sql.values)).rows.slice(0, 50);
      const same = viaGateway.status === 200 && JSON.stringify(viaGateway.body.items.map((i) => i.id)) === JSON.stringify(direct.map((r) => r.id));
      log(`${scenario.name} [${label}]: ${direct.length} on the first page${same ? ', same cases as the gateway' : ''}`);
      if (!same) {
        mismatches.push(
          viaGateway.status === 200
            ? `${scenario.name} [${label}]: the gateway's first page holds other cases than the baseline's SELECT (has the list query changed?)`
            : `${scenario.name} [${label}]: the gateway answered ${viaGateway.status} to the first page`,
        );
      }
    }
  }
  for (const mismatch of mismatches) log(`WARNING: ${mismatch}`);

  const lists: Pair[] = [];
  for (const scenario of LIST_SCENARIOS) {
    for (const key of Object.keys(CALLERS) as CallerKey[]) {
      interrupted.throwIfAborted();
      await waitForQuiet(baseline.pool);
      const cursor = scenario.page2 ? cursors[key] : undefined;
      const pair = await measurePair(
        scenario.name,
        CALLERS[key].label,
        {
          baseline: listLoad(baseline.url, `/list/${encodeURIComponent(keyOf(scenario, key))}`, {}),
          gateway: listLoad(gateway.url, `/api/v1/incidents${queryString(scenario.query, cursor?.raw)}`, auth(tokens[key])),
        },
        settings,
      );
      pair.queryMs = (await explain(baseline.pool, baseline.lists.get(keyOf(scenario, key))!)).ms;
      lists.push(pair);
    }
  }

  // Pathological lists: their plans, and the proposed indexes tried on this run's database.
  const slow = lists.filter(
    (p) => p.gateway.stats.p99 > SLOW_P99_MS || p.baseline.stats.p99 > SLOW_P99_MS || p.gateway.stats.errors + p.gateway.stats.non2xx > 0 || (p.queryMs ?? 0) > SLOW_QUERY_MS,
  );
  const proposals: ProposalResult[] = [];
  for (const pair of slow) {
    const scenario = LIST_SCENARIOS.find((s) => s.name === pair.scenario)!;
    const key = (Object.keys(CALLERS) as CallerKey[]).find((k) => CALLERS[k].label === pair.caller)!;
    const { plan } = await explain(baseline.pool, baseline.lists.get(keyOf(scenario, key))!);
    process.stderr.write(`\nbench: plan of ${pair.scenario} [${pair.caller}] (gateway p99 ${pair.gateway.stats.p99.toFixed(0)} ms, one query ${(pair.queryMs ?? Number.NaN).toFixed(1)} ms):\n${plan}\n\n`);
  }
  if (slow.length > 0 && TRY_PROPOSALS) {
    interrupted.throwIfAborted();
    const started = Date.now();
    await baseline.pool.query(`set maintenance_work_mem = '256MB'`).catch(() => undefined);
    for (const statement of PROPOSED_INDEXES) {
      log(`trying: ${statement}`);
      await baseline.pool.query(statement);
    }
    await baseline.pool.query(`analyze "${SCHEMA}"."incident"`);
    log(`proposed indexes built in ${((Date.now() - started) / 1000).toFixed(0)} s; the query changes: ${PROPOSED_QUERY_CHANGES}`);
    for (const pair of slow) {
      const scenario = LIST_SCENARIOS.find((s) => s.name === pair.scenario)!;
      const key = (Object.keys(CALLERS) as CallerKey[]).find((k) => CALLERS[k].label === pair.caller)!;
      const cursor = scenario.page2 ? cursors[key].decoded : undefined;
      const currentSql = listSql(CALLERS[key].caller, scenario.query, cursor);
      const proposedSql = proposedListSql(CALLERS[key].caller, scenario.query, cursor);
      const current = await explain(baseline.pool, currentSql);
      const proposed = await explain(baseline.pool, proposedSql);
      const ids = async (sql: Sql) => JSON.stringify((await baseline.pool.query<{ id: string }>(sql.text, sql.values)).rows.map((r) => r.id));
      const sameRows = (await ids(proposedSql)) === (await ids(currentSql));
      if (!sameRows) log(`WARNING: the proposed query of ${pair.scenario} [${pair.caller}] answers other cases than the current one`);
      process.stderr.write(`\nbench: proposed plan of ${pair.scenario} [${pair.caller}] (was ${current.ms.toFixed(1)} ms):\n${proposed.plan}\n\n`);
      baseline.lists.set(keyOf(scenario, key, 'proposed'), proposedSql);
      const measured = await measure(`proposed ${pair.scenario} [${pair.caller}]`, listLoad(baseline.url, `/list/${encodeURIComponent(keyOf(scenario, key, 'proposed'))}`, {}), settings);
      proposals.push({ scenario: pair.scenario, caller: pair.caller, now: pair, currentMs: current.ms, proposedMs: proposed.ms, proposed: measured, plan: proposed.plan });
    }
  }

  // Report.
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const { machine } = platform;
  const env = `Node ${machine.node}, ${machine.cpus}, PostgreSQL ${machine.postgres}, NATS ${machine.nats}`;
  const runSettings =
    `${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up, apps at LOG_LEVEL=${LOG_LEVEL}, supervision scheduler on; ` +
    `1-min load average at the end ${loadavg()[0].toFixed(2)}`;
  const fixed = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(1));
  const proposalTable: Table = {
    header: ['List', 'caller', 'p99 ms gateway now', 'p99 ms baseline now', 'p99 ms baseline proposed', 'p50 ms baseline proposed', 'req/s baseline proposed', '1 query ms now', '1 query ms proposed'],
    rows: proposals.map((p) => [
      p.scenario,
      p.caller,
      fixed(p.now.gateway.stats.p99),
      fixed(p.now.baseline.stats.p99),
      fixed(p.proposed?.stats.p99),
      fixed(p.proposed?.stats.p50),
      p.proposed ? p.proposed.stats.requestsPerSecond.toFixed(0) : '-',
      fixed(p.currentMs),
      fixed(p.proposedMs),
    ]),
  };
  const sections: { title: string; tables: (markdown: boolean) => Table[] }[] = [
    { title: 'Report a case', tables: (markdown) => [pairsTable(reports, { markdown }), pairsCpuTable(reports, CPU_PARTS)] },
    {
      title: `Lists over ${summary.rows} cases (p99 first; "1 query ms" is one EXPLAIN ANALYZE of the baseline's SELECT after its runs)`,
      tables: (markdown) => [pairsTable(lists, { queryColumn: true, markdown }), pairsCpuTable(lists, CPU_PARTS)],
    },
    ...(proposals.length > 0
      ? [{ title: `Proposed: ${PROPOSED_INDEXES.join('; ')}; with the query changes: ${PROPOSED_QUERY_CHANGES}`, tables: () => [proposalTable] }]
      : []),
  ];
  const render = (markdown: boolean) =>
    sections.map(({ title, tables }) => `${title}\n\n${tables(markdown).map(markdown ? renderMarkdown : renderText).join('\n\n')}`).join('\n\n');
  const text = render(false);
  const markdown = render(true);
  process.stdout.write(`\n${text}\n\n${dataset}\n${runSettings}\n${env}\n`);
  process.stdout.write(`\nMarkdown (${date} UTC):\n\n${markdown}\n\n${dataset}.\n\n${runSettings}. ${env}.\n`);

  const problems = [...failedRuns([...reports, ...lists], MAX_FAILURE_RATE), ...mismatches];
  for (const problem of problems) log(`FAILED: ${problem}`);
  const slowNames = slow.filter((p) => p.gateway.stats.p99 > SLOW_P99_MS).map((p) => `${p.scenario} [${p.caller}] p99 ${p.gateway.stats.p99.toFixed(0)} ms`);
  if (slowNames.length > 0) log(`pathological lists (gateway p99 > ${SLOW_P99_MS} ms): ${slowNames.join('; ')}`);
  platform.keepLogs(problems.length > 0);
  return problems.length > 0 ? 1 : 0;
}

runBench(main);
