/**
 * Analytics over a year of history: the figures and hot spots through the gateway vs the floor, and the rebuild's
 * throughput.
 *
 * One run: a fresh database and NATS prefix; the registry, analytics and the gateway spawned from dist/ exactly as
 * deployed; the bench street (5 communities, 50 grids, a department, 20 categories: bench/support/grid-map.ts)
 * created through the gateway, so that analytics' unit projection and reference copy hold it from the registry's
 * events. Then 1 000 000 cases and 1 000 000 appeals over the last 365 days are written straight into analytics'
 * projection tables with SQL (bench/support/analytics-history.ts), their indexes built again and ANALYZE run; the
 * figures' and hot spots' answers are checked against what was loaded (cases reported and appeals received in the
 * period) before anything is measured (an answer the gateway gave up waiting for is left unchecked).
 *
 * Measured with autocannon, each against the floor (Fastify + pg in this process running the very statements of
 * analytics' FiguresRepository and HotspotsRepository, as built in dist/, on a pool of 10): GET
 * /api/v1/analytics/figures for the street and a grid, for this year and this month (each with the period before,
 * as the service answers), and GET /api/v1/analytics/hotspots for the street over the last 365 days by category and
 * by H3 cell, and over the last 30 days by cell. Targets: figures p99 < 100 ms, hot spots < 200 ms; a missed
 * target is reported (with the slowest statements of one answer), not failed.
 *
 * Then the rebuild: analytics is stopped, BENCH_REBUILD_EVENTS incident events (cases walked reported → accepted →
 * dispatched → signed → handled) are published to the run's incidents stream, and `nx run analytics:rebuild`'s
 * program (dist/apps/analytics/src/rebuild/rebuild.main.js) replays the streams into fresh tables; its events/s
 * is recorded.
 *
 *   npm run bench:analytics
 *   BENCH_CASES=100000 BENCH_APPEALS=100000 npm run bench:analytics     # a quick try
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_CASES (1000000), BENCH_APPEALS (1000000),
 * BENCH_REBUILD_EVENTS (100000; 0 skips the rebuild), BENCH_LOG_LEVEL (info), DATABASE_URL, NATS_URL.
 * Exits 1 when an answer disagrees with what was loaded, a measured run had more than 1% non-2xx responses or
 * errors, the rebuild failed, or the setup failed.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from 'nats';
import { knex as createKnex, type Knex } from '@mikro-orm/postgresql';
import { DEV_JWT, signDevToken, type Caller } from '@gridline/auth';
import { buildCloudEvent, withPrefix, type EventDefinition } from '@gridline/messaging';
import { chinaDay } from '@gridline/platform';
import { INCIDENTS_EVENTS, type IncidentEventData } from '@gridline/contracts-incidents';
import { loadAnalyticsHistory, loadedCounts, type HistorySummary } from './support/analytics-history';
import { serveBaseline } from './support/baseline';
import type { Cleanup } from './support/cleanup';
import { CATEGORIES, GRIDS, STREET, createGridMap } from './support/grid-map';
import { CONNECTIONS, runLoad, type LoadSpec, type LoadStats } from './support/load';
import { failedRuns, measurePair, pairsCpuTable, pairsTable, type MeasureSettings, type Pair } from './support/pairs';
import { log, startPlatform, waitForQuiet, type Platform } from './support/platform';
import { stopApp } from './support/processes';
import { failureRate, renderMarkdown, renderText, type Table } from './support/report';
import { runBench } from './support/run-bench';
import { benchConfig } from './support/bench.config';

/** dist/bench/ → the repository root, where the apps are started from. */
const ROOT = resolve(__dirname, '..', '..');
const BENCH = benchConfig();
const { BENCH_SECONDS: SECONDS, BENCH_WARMUP_SECONDS: WARMUP_SECONDS, BENCH_LOG_LEVEL: LOG_LEVEL, DATABASE_URL: ADMIN_DATABASE_URL, NATS_URL } = BENCH;
const CASES = Math.round(BENCH.BENCH_CASES);
const APPEALS = Math.round(BENCH.BENCH_APPEALS);
const REBUILD_EVENTS = Math.round(BENCH.BENCH_REBUILD_EVENTS);
const MAX_FAILURE_RATE = 0.01;
const SCHEMA = 'analytics';
const CPU_PARTS = ['bench', 'gateway', 'analytics', 'registry', 'postgres', 'nats-server'];
const TARGET_MS = { figures: 100, hotspots: 200 };
const DAY_MS = 86_400_000;

/** A street admin of the bench street: reads the figures of the street and of every unit beneath. */
const READER: Caller = { sub: 'bench-street-admin', roles: ['street_admin'], units: [STREET] };
const GRID = GRIDS[0];

/**
 * The built modules of analytics the floor runs (a tool may not import an app: the bench loads them from dist/ and
 * names the parts it uses), so that the floor's statements are the service's own.
 */
interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}
interface FiguresRepositoryLike {
  caseFigures(scope: { unit: string; depth: number }, period: Period): Promise<{ reported: number }>;
  appealFigures(scope: { unit: string; depth: number }, period: Period): Promise<{ received: number | null }>;
}
interface HotspotsRepositoryLike {
  hotspots(scope: { unit: string; depth: number }, by: 'category', period: Period): Promise<unknown[]>;
  hexHotspots(scope: { unit: string; depth: number }, resolution: 8, period: Period): Promise<unknown[]>;
}
type Constructor<T> = new (em: unknown) => T;
const DIST_ANALYTICS = join(__dirname, '..', 'apps', 'analytics', 'src');
/* eslint-disable @typescript-eslint/no-require-imports -- the built app's modules, loaded at run time from dist/ */
const { FiguresRepository } = require(join(DIST_ANALYTICS, 'figures', 'figures.repository.js')) as { FiguresRepository: Constructor<FiguresRepositoryLike> };
const { HotspotsRepository } = require(join(DIST_ANALYTICS, 'hotspots', 'hotspots.repository.js')) as { HotspotsRepository: Constructor<HotspotsRepositoryLike> };
const { figuresPeriod, previousPeriod } = require(join(DIST_ANALYTICS, 'figures', 'figures-period.js')) as {
  figuresPeriod(query: { period?: string; from?: string; to?: string }): Period;
  previousPeriod(period: Period): Period;
};
type RollupLike = { table: string; source: string };
const { CASE_ROLLUPS, rollupBackfill } = require(join(DIST_ANALYTICS, 'projection', 'rollups.js')) as { CASE_ROLLUPS: RollupLike[]; rollupBackfill(schema: string, r: RollupLike): string };
const { APPEAL_ROLLUPS } = require(join(DIST_ANALYTICS, 'projection', 'appeal-rollups.js')) as { APPEAL_ROLLUPS: RollupLike[] };
const { CASE_HOTSPOT_ROLLUPS, APPEAL_HOTSPOT_ROLLUPS } = require(join(DIST_ANALYTICS, 'projection', 'hotspot-rollups.js')) as { CASE_HOTSPOT_ROLLUPS: RollupLike[]; APPEAL_HOTSPOT_ROLLUPS: RollupLike[] };
/* eslint-enable @typescript-eslint/no-require-imports */
/** The roll-ups of the loaded tables, as the loader fills them after the load (their triggers disabled meanwhile). */
const ROLLUPS = [...CASE_ROLLUPS, ...APPEAL_ROLLUPS, ...CASE_HOTSPOT_ROLLUPS, ...APPEAL_HOTSPOT_ROLLUPS].map((r) => ({ table: r.table, backfill: rollupBackfill(SCHEMA, r) }));

/** The floor's knex on the run's database (pg underneath): the repositories run their statements on it as prepared statements. */
const floorKnex = (databaseUrl: string, max: number) => createKnex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max } });

/**
 * What the repositories need of MikroORM's EntityManager: the schema, and the knex their prepared statements run on
 * (`executePrepared`, outside any transaction) — each statement timed by `onStatement` if given.
 */
function floorEntityManager(knex: Knex, onStatement?: (sql: string, ms: number) => void) {
  if (onStatement) {
    const started = new Map<string, number>();
    knex.on('query', (q: { __knexQueryUid: string }) => started.set(q.__knexQueryUid, performance.now()));
    knex.on('query-response', (_: unknown, q: { __knexQueryUid: string; sql: string }) => onStatement(q.sql, performance.now() - (started.get(q.__knexQueryUid) ?? 0)));
  }
  return { config: { get: (key: string) => (key === 'schema' ? SCHEMA : undefined) }, getKnex: () => knex, getTransactionContext: () => undefined };
}

interface Scenario {
  name: string;
  kind: 'figures' | 'hotspots';
  /** The gateway's query string. */
  query: Record<string, string>;
  unit: string;
  depth: number;
  /** The floor's work: the same repository calls the use case makes. */
  run(figures: FiguresRepositoryLike, hotspots: HotspotsRepositoryLike): Promise<unknown>;
  /** The period whose cases and appeals the answer counts. */
  period: Period;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

function scenarios(today: string): Scenario[] {
  const figures = (name: string, unit: string, depth: number, period: 'year' | 'month'): Scenario => {
    const current = figuresPeriod({ period, from: today });
    const previous = previousPeriod(current);
    const scope = { unit, depth };
    return {
      name,
      kind: 'figures',
      query: { unit, period, from: today },
      unit,
      depth,
      period: current,
      run: async (repo) => {
        // As GetFiguresUseCase.periods: the cases' and the appeals' figures of the period, then of the one before.
        for (const p of [current, previous]) {
          await repo.caseFigures(scope, p);
          await repo.appealFigures(scope, p);
        }
      },
    };
  };
  const hotspots = (name: string, by: 'category' | 'hex', days: number): Scenario => {
    const period = figuresPeriod({ from: addDays(today, -(days - 1)), to: today });
    const scope = { unit: STREET, depth: 1 };
    return {
      name,
      kind: 'hotspots',
      query: { unit: STREET, by, from: period.from, to: period.to },
      unit: STREET,
      depth: 1,
      period,
      run: (_, repo) => (by === 'hex' ? repo.hexHotspots(scope, 8, period) : repo.hotspots(scope, 'category', period)),
    };
  };
  return [
    figures('figures street, year', STREET, 1, 'year'),
    figures('figures grid, year', GRID.code, 3, 'year'),
    figures('figures street, month', STREET, 1, 'month'),
    figures('figures grid, month', GRID.code, 3, 'month'),
    hotspots('hotspots street by=category, 365 days', 'category', 365),
    hotspots('hotspots street by=hex (r8), 365 days', 'hex', 365),
    hotspots('hotspots street by=hex (r8), 30 days', 'hex', 30),
  ];
}

const path = (s: Scenario) => `/api/v1/analytics/${s.kind}?${new URLSearchParams(s.query).toString()}`;

async function getJson<T>(url: string, token: string): Promise<{ status: number; body: T; text: string }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, text };
}

/** Analytics learns the units from the registry's events: ask the street's figures until it answers. */
async function waitForAnalytics(gatewayUrl: string, token: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  let last = '';
  while (Date.now() - started < timeoutMs) {
    const grid = await getJson(`${gatewayUrl}/api/v1/analytics/figures?unit=${GRID.code}&period=day`, token);
    if (grid.status === 200) {
      log(`analytics knows the map after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
    last = `${grid.status} ${grid.text.slice(0, 300)}`;
    await sleep(500);
  }
  throw new Error(`analytics did not answer the figures within ${timeoutMs / 1000} s; last answer: ${last}`);
}

interface FiguresAnswer {
  current: { cases: { reported: number }; appeals: { received: number | null } };
}
interface HotspotsAnswer {
  total: number;
  appeals: number;
}

/** The answer through the gateway against what was loaded: the cases reported and the appeals received in the period. */
async function check(platform: Platform, token: string, s: Scenario): Promise<string | null> {
  const loaded = await loadedCounts(platform.databaseUrl, SCHEMA, s.unit, s.depth, s.period.start, s.period.end);
  const answer = await getJson<FiguresAnswer & HotspotsAnswer>(`${platform.gateway.url}${path(s)}`, token);
  // A timeout says nothing of the answer: it is what the measured runs then show (as failed requests).
  if (answer.status === 504) {
    log(`${s.name} (${s.period.from} – ${s.period.to}): the gateway timed out waiting for analytics; not checked (loaded ${loaded.reported} cases and ${loaded.received} appeals)`);
    return null;
  }
  if (answer.status !== 200) return `${s.name}: the gateway answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  const [reported, received] = s.kind === 'figures' ? [answer.body.current.cases.reported, answer.body.current.appeals.received] : [answer.body.total, answer.body.appeals];
  log(`${s.name} (${s.period.from} – ${s.period.to}): answered ${reported} cases and ${received} appeals; loaded ${loaded.reported} and ${loaded.received}`);
  return reported === loaded.reported && received === loaded.received
    ? null
    : `${s.name}: answered ${reported} cases and ${received} appeals where ${loaded.reported} and ${loaded.received} were loaded in ${s.period.from} – ${s.period.to}`;
}

/** One answer of the floor with each statement timed: the slowest, to say where a missed target's time goes. */
async function profile(databaseUrl: string, s: Scenario): Promise<{ ms: number; statements: { sql: string; ms: number }[] }> {
  const statements: { sql: string; ms: number }[] = [];
  const knex = floorKnex(databaseUrl, 1);
  try {
    const em = floorEntityManager(knex, (sql, ms) => statements.push({ sql: sql.replace(/\s+/g, ' ').slice(0, 160), ms }));
    const repos = [new FiguresRepository(em), new HotspotsRepository(em)] as const;
    // Six times to prepare the statements on the connection and pass PostgreSQL's five custom plans (as the service's
    // and the floor's are after their warm-up), then once timed.
    for (let i = 0; i < 6; i++) await s.run(...repos);
    statements.length = 0;
    const started = performance.now();
    await s.run(...repos);
    return { ms: performance.now() - started, statements: statements.sort((a, b) => b.ms - a.ms) };
  } finally {
    await knex.destroy();
  }
}

/** A scenario through the gateway with one connection: the latency one officer sees, queued behind nobody. */
interface OneCaller {
  scenario: string;
  stats: LoadStats;
}

async function oneCaller(scenario: string, spec: LoadSpec): Promise<OneCaller> {
  log(`gateway  ${scenario} [one caller]: warm-up ${WARMUP_SECONDS} s`);
  await runLoad(spec, WARMUP_SECONDS, 1);
  const stats = await runLoad(spec, SECONDS, 1);
  log(`gateway  ${scenario} [one caller]: ${stats.requestsPerSecond.toFixed(0)} req/s, p50 ${stats.p50.toFixed(2)} ms, p99 ${stats.p99.toFixed(2)} ms`);
  return { scenario, stats };
}

function oneCallerTable(rows: OneCaller[], markdown: boolean): Table {
  const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2));
  return {
    header: ['One caller (1 connection)', markdown ? '**p99 ms gateway**' : 'p99 ms gateway', 'p50 ms gateway', 'req/s gateway', 'failed'],
    rows: rows.map(({ scenario, stats }) => [scenario, markdown ? `**${ms(stats.p99)}**` : ms(stats.p99), ms(stats.p50), stats.requestsPerSecond.toFixed(0), String(stats.non2xx + stats.errors)]),
  };
}

function load(url: string, requestPath: string, headers: Record<string, string>): LoadSpec {
  return { url, method: 'GET', headers, next: () => ({ path: requestPath }) };
}

/** The incident events of the rebuild: cases walked reported → accepted → dispatched → signed → handled, 5 each. */
function* rebuildEvents(count: number): Generator<{ subject: string; id: string; body: string }> {
  const steps: [keyof typeof INCIDENTS_EVENTS, Partial<IncidentEventData>][] = [
    ['reported', { status: 'reported', step: 'accept' }],
    ['accepted', { status: 'accepted', step: 'dispatch' }],
    ['dispatched', { status: 'dispatched', step: 'sign' }],
    ['signed', { status: 'in_progress', step: 'handle' }],
    ['handled', { status: 'handled', step: 'verify' }],
  ];
  const start = Date.now() - 20 * DAY_MS;
  for (let n = 0; n < count; n++) {
    const c = Math.floor(n / steps.length);
    const [name, change] = steps[n % steps.length];
    const grid = GRIDS[c % GRIDS.length];
    const at = new Date(start + c * 10_000 + (n % steps.length) * 3_600_000);
    const owner = (n % steps.length) >= 2 ? { kind: 'unit' as const, unitCode: grid.code, level: 'grid' as const } : null;
    const data: IncidentEventData = {
      incidentId: `rebuild-case-${c}`, workOrder: `GX-REBUILD-${String(c).padStart(7, '0')}`, status: 'reported', categoryCode: CATEGORIES[c % CATEGORIES.length].code,
      gridCode: grid.code, path: grid.path, urgency: 'normal', source: 'patrol', location: { lat: grid.lat + 0.005, lng: grid.lng + 0.005 }, owner, step: 'accept',
      dueAt: new Date(at.getTime() + DAY_MS).toISOString(), supervision: { card: 'none', supervisorUnitCode: null, since: null }, reworkCount: 0, appealRef: null,
      appealHandoff: null, result: null, resolution: null, rating: null, actor: `staff-${grid.code}-1`, at: at.toISOString(), comment: null, ...change,
    };
    const definition = INCIDENTS_EVENTS[name] as EventDefinition<IncidentEventData>;
    const event = buildCloudEvent(definition, data.incidentId, data, { correlationId: `bench-rebuild-${c}` });
    yield { subject: definition.subject, id: event.id, body: JSON.stringify(event) };
  }
}

/** Publishes the events to the run's incidents stream, up to 500 unacknowledged at once. */
async function publishEvents(prefix: string, count: number): Promise<number> {
  const nc = await connect({ servers: NATS_URL });
  try {
    const js = nc.jetstream();
    const started = Date.now();
    const inFlight = new Set<Promise<unknown>>();
    for (const { subject, id, body } of rebuildEvents(count)) {
      const p = js.publish(withPrefix(prefix, subject), Buffer.from(body), { msgID: id }).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 500) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return count / ((Date.now() - started) / 1000);
  } finally {
    await nc.close();
  }
}

interface RebuildResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  line: string;
}

/** `nx run analytics:rebuild`'s program from dist/ on the run's database and prefix; its last line parsed. */
async function runRebuild(platform: Platform): Promise<RebuildResult> {
  const child = spawn(process.execPath, ['-r', './tools/register-paths.js', 'dist/apps/analytics/src/rebuild/rebuild.main.js'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: platform.databaseUrl, NATS_URL, NATS_PREFIX: platform.prefix, LOG_LEVEL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const line of chunk.toString().trimEnd().split('\n')) log(line);
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const match = /: (\d+) events in ([\d.]+) s, (\d+) events\/s/.exec(line);
  if (code !== 0 || !match) throw new Error(`the rebuild exited ${code}: ${line || stderr.slice(-500)}`);
  return { events: Number(match[1]), seconds: Number(match[2]), eventsPerSecond: Number(match[3]), line };
}

async function main(cleanup: Cleanup, interrupted: AbortSignal): Promise<number> {
  const platform: Platform = await startPlatform(cleanup, { root: ROOT, adminDatabaseUrl: ADMIN_DATABASE_URL, natsUrl: NATS_URL, logLevel: LOG_LEVEL, services: ['analytics'] });
  const { gateway } = platform;
  const analytics = platform.services.analytics;
  const settings: MeasureSettings = { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, pids: { gateway: gateway.child.pid, analytics: analytics.child.pid, registry: platform.registry.child.pid } };
  const admin = await signDevToken({ sub: 'bench-admin', roles: ['admin'], units: [] }, DEV_JWT);
  const reader = await signDevToken({ ...READER }, DEV_JWT);

  await createGridMap(gateway.url, admin);
  log(`created street ${STREET}, its communities and ${GRIDS.length} grids, a department and ${CATEGORIES.length} categories through the gateway`);
  await waitForAnalytics(gateway.url, reader);

  interrupted.throwIfAborted();
  log(`loading ${CASES} cases and ${APPEALS} appeals into the analytics projection`);
  const summary: HistorySummary = await loadAnalyticsHistory(platform.databaseUrl, { schema: SCHEMA, cases: CASES, appeals: APPEALS, rollups: ROLLUPS, interrupted });
  const sizes = Object.entries(summary.sizes).map(([t, s]) => `${t} ${s.table.toFixed(0)} + ${s.indexes.toFixed(0)} MiB`).join(', ');
  const dataset =
    `${summary.cases} cases (${summary.steps} steps, ${summary.facts} facts) and ${summary.appeals} appeals over 365 days loaded in ${summary.seconds.toFixed(0)} s ` +
    `(of which indexes ${summary.indexSeconds.toFixed(0)} s); table + indexes: ${sizes}`;
  log(dataset);

  const today = chinaDay();
  const all = scenarios(today);
  const problems: string[] = [];
  for (const s of all) {
    const problem = await check(platform, reader, s);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) {
    for (const problem of problems) log(`FAILED: ${problem}`);
    return 1;
  }

  const knex = floorKnex(platform.databaseUrl, 10);
  cleanup.add('floor knex', () => knex.destroy());
  const floor = await serveBaseline(platform.databaseUrl, async (app) => {
    const em = floorEntityManager(knex);
    const repos = [new FiguresRepository(em), new HotspotsRepository(em)] as const;
    app.get<{ Params: { n: string } }>('/scenario/:n', async (request, reply) => {
      const s = all[Number(request.params.n)];
      if (!s) return reply.code(404).send({ message: 'no such scenario' });
      await s.run(...repos);
      return { ok: true };
    });
  });
  cleanup.add('baseline', () => floor.close());

  const pairs: Pair[] = [];
  const alone: OneCaller[] = [];
  const profiles: string[] = [];
  for (const [n, s] of all.entries()) {
    interrupted.throwIfAborted();
    await waitForQuiet(floor.pool, 300_000);
    const gatewaySpec = load(gateway.url, path(s), { authorization: `Bearer ${reader}` });
    const pair = await measurePair(s.name, '', { baseline: load(floor.url, `/scenario/${n}`, {}), gateway: gatewaySpec }, settings);
    alone.push(await oneCaller(s.name, gatewaySpec));
    await waitForQuiet(floor.pool, 300_000);
    const one = await profile(platform.databaseUrl, s);
    pair.queryMs = one.ms;
    pairs.push(pair);
    const target = TARGET_MS[s.kind];
    if (pair.gateway.stats.p99 >= target || alone[alone.length - 1].stats.p99 >= target) {
      const slowest = one.statements.slice(0, 3).map((st) => `  ${st.ms.toFixed(1)} ms: ${st.sql}`).join('\n');
      profiles.push(`${s.name}: gateway p99 ${pair.gateway.stats.p99.toFixed(0)} ms ≥ ${target} ms; one answer's statements ${one.ms.toFixed(1)} ms (${one.statements.length}), the slowest:\n${slowest}`);
    }
  }

  // The rebuild: analytics stopped (the live consumers would fold the same events meanwhile), the events published, the replay run.
  let rebuild: (RebuildResult & { publishedPerSecond: number }) | null = null;
  if (REBUILD_EVENTS > 0) {
    interrupted.throwIfAborted();
    await stopApp(analytics);
    log(`analytics stopped; publishing ${REBUILD_EVENTS} incident events to ${platform.prefix}'s incidents stream`);
    const publishedPerSecond = await publishEvents(platform.prefix, REBUILD_EVENTS);
    log(`published at ${publishedPerSecond.toFixed(0)} events/s; running the rebuild`);
    rebuild = { ...(await runRebuild(platform)), publishedPerSecond };
    log(rebuild.line);
  }

  // Report.
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const { machine } = platform;
  const env = `Node ${machine.node}, ${machine.cpus}, PostgreSQL ${machine.postgres}, NATS ${machine.nats}`;
  const runSettings = `${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up, apps at LOG_LEVEL=${LOG_LEVEL}; 1-min load average at the end ${loadavg()[0].toFixed(2)}`;
  const tables = (markdown: boolean): Table[] => [pairsTable(pairs, { queryColumn: true, markdown }), oneCallerTable(alone, markdown), pairsCpuTable(pairs, CPU_PARTS)];
  const rebuildText = rebuild
    ? `Rebuild: ${rebuild.events} events replayed in ${rebuild.seconds.toFixed(1)} s, ${rebuild.eventsPerSecond} events/s (published at ${rebuild.publishedPerSecond.toFixed(0)} events/s)`
    : 'Rebuild: skipped (BENCH_REBUILD_EVENTS=0)';
  const title = `Figures and hot spots over ${summary.cases} cases and ${summary.appeals} appeals (p99 first; "1 query ms" is one answer's statements on the floor after its runs)`;
  process.stdout.write(`\n${title}\n\n${tables(false).map(renderText).join('\n\n')}\n\n${rebuildText}\n${dataset}\n${runSettings}\n${env}\n`);
  process.stdout.write(`\nMarkdown (${date} UTC):\n\n${tables(true).map(renderMarkdown).join('\n\n')}\n\n${rebuildText}.\n\n${dataset}.\n\n${runSettings}. ${env}.\n`);
  for (const p of profiles) log(`target missed — ${p}`);

  problems.push(...failedRuns(pairs, MAX_FAILURE_RATE));
  for (const { scenario, stats } of alone) if (failureRate(stats) > MAX_FAILURE_RATE) problems.push(`${scenario} [one caller]: ${stats.non2xx + stats.errors} of ${stats.responses} requests failed`);
  for (const problem of problems) log(`FAILED: ${problem}`);
  platform.keepLogs(problems.length > 0);
  return problems.length > 0 ? 1 : 0;
}

runBench(main);
