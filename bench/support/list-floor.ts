import type { Pool } from 'pg';
import { serveBaseline } from './baseline';
import { explainAnalyze, type Sql } from './copy-load';
import { runLoad, type LoadSpec, type LoadStats } from './load';
import { measure, measurePair, type MeasureSettings, type Pair } from './pairs';
import { log, waitForQuiet } from './platform';
import type { Table } from './report';

/**
 * The floor of an offset-paged list (the registers, the appeals): the service's two statements — the page's SELECT
 * and the count of all the matches — run side by side on a pool of 10, the rows answered as they are. No
 * validation, no auth, no bus, no ORM, no decryption or masking.
 */
export interface ListStatements {
  list: Sql;
  count: Sql;
}

/** One list measured: the gateway's route (path and query) for one caller, and the statements the service runs for it. */
export interface ListCase {
  scenario: string;
  caller: string;
  /** e.g. `/api/v1/appeals?q=…`. */
  path: string;
  token: string;
  statements: ListStatements;
}

export interface ListFloor {
  url: string;
  pool: Pool;
  close(): Promise<void>;
}

const keyOf = (c: ListCase) => `${c.caller}:${c.scenario}`;

/** Serves GET /list/:key for every case (the key: caller and scenario). */
export async function startListFloor(databaseUrl: string, cases: readonly ListCase[]): Promise<ListFloor> {
  const byKey = new Map(cases.map((c) => [keyOf(c), c.statements]));
  return serveBaseline(databaseUrl, async (app, pool) => {
    app.get<{ Params: { key: string } }>('/list/:key', async (request, reply) => {
      const statements = byKey.get(request.params.key);
      if (!statements) return reply.code(404).send({ message: 'no such list' });
      const [rows, count] = await Promise.all([pool.query(statements.list.text, statements.list.values), pool.query<{ count: string }>(statements.count.text, statements.count.values)]);
      return { items: rows.rows, total: Number(count.rows[0].count) };
    });
  });
}

/**
 * Whether the floor's statements answer what the gateway answers: the same ids on the page, the same total. A
 * mismatch (the service's query changed) is returned as a message; the runs go on.
 */
export async function compareWithGateway(gatewayUrl: string, floor: ListFloor, cases: readonly ListCase[]): Promise<string[]> {
  const mismatches: string[] = [];
  for (const c of cases) {
    const res = await fetch(`${gatewayUrl}${c.path}`, { headers: { authorization: `Bearer ${c.token}` }, signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    const [rows, count] = await Promise.all([
      floor.pool.query<{ id: string }>(c.statements.list.text, c.statements.list.values),
      floor.pool.query<{ count: string }>(c.statements.count.text, c.statements.count.values),
    ]);
    const total = Number(count.rows[0].count);
    if (res.status !== 200) {
      mismatches.push(`${c.scenario} [${c.caller}]: the gateway answered ${res.status}: ${text.slice(0, 300)}`);
      continue;
    }
    const body = JSON.parse(text) as { items: { id: string }[]; total: number };
    const same = JSON.stringify(body.items.map((i) => i.id)) === JSON.stringify(rows.rows.map((r) => r.id)) && body.total === total;
    log(`${c.scenario} [${c.caller}]: ${rows.rows.length} on the page of ${total}${same ? ', the same as the gateway' : ''}`);
    if (!same) mismatches.push(`${c.scenario} [${c.caller}]: the gateway answered ${body.items.length} of ${body.total}, the floor's statements ${rows.rows.length} of ${total} (has the service's query changed?)`);
  }
  return mismatches;
}

function getLoad(url: string, path: string, headers: Record<string, string>): LoadSpec {
  return { url, method: 'GET', headers, next: () => ({ path }) };
}

export interface MeasuredLists {
  pairs: Pair[];
  /** Each case through the gateway with one connection: a caller's latency when nobody queues before them. */
  oneCaller: { scenario: string; caller: string; stats: LoadStats }[];
  /** Each case's EXPLAIN ANALYZE of its page and its count, printed and kept for the report. */
  plans: { scenario: string; caller: string; listMs: number; countMs: number; plan: string }[];
}

/**
 * Each case through the gateway and on the floor (baseline first), 10 connections; then through the gateway with one
 * connection; then one EXPLAIN ANALYZE of its two statements, printed. `queryMs` of a pair is the page's and the
 * count's execution time added up.
 */
export async function measureLists(gatewayUrl: string, floor: ListFloor, cases: readonly ListCase[], settings: MeasureSettings, interrupted: AbortSignal): Promise<MeasuredLists> {
  const pairs: Pair[] = [];
  const oneCaller: MeasuredLists['oneCaller'] = [];
  const plans: MeasuredLists['plans'] = [];
  for (const c of cases) {
    interrupted.throwIfAborted();
    await waitForQuiet(floor.pool);
    const gateway = getLoad(gatewayUrl, c.path, { authorization: `Bearer ${c.token}` });
    const pair = await measurePair(c.scenario, c.caller, { baseline: getLoad(floor.url, `/list/${encodeURIComponent(keyOf(c))}`, {}), gateway }, settings);
    const alone = await runLoad(gateway, settings.seconds, 1);
    log(`gateway  ${c.scenario} [${c.caller}], one connection: p50 ${alone.p50.toFixed(2)} ms, p99 ${alone.p99.toFixed(2)} ms`);
    oneCaller.push({ scenario: c.scenario, caller: c.caller, stats: alone });
    const list = await explainAnalyze(floor.pool, c.statements.list);
    const count = await explainAnalyze(floor.pool, c.statements.count);
    pair.queryMs = list.ms + count.ms;
    pairs.push(pair);
    const plan = `-- the page:\n${list.plan}\n-- the count:\n${count.plan}`;
    plans.push({ scenario: c.scenario, caller: c.caller, listMs: list.ms, countMs: count.ms, plan });
    process.stderr.write(`\nbench: plan of ${c.scenario} [${c.caller}] (page ${list.ms.toFixed(2)} ms, count ${count.ms.toFixed(2)} ms):\n${plan}\n\n`);
  }
  return { pairs, oneCaller, plans };
}

/** A floor-only run with its plan. */
export type FloorRun = MeasuredLists['plans'][number] & { stats: LoadStats };

/**
 * Other statements for the same lists on the floor alone (what the service ran before a change): 10 connections, then
 * one EXPLAIN ANALYZE of each, printed.
 */
export async function measureOnFloor(floor: ListFloor, cases: readonly ListCase[], settings: MeasureSettings, interrupted: AbortSignal): Promise<FloorRun[]> {
  const results: FloorRun[] = [];
  for (const c of cases) {
    interrupted.throwIfAborted();
    await waitForQuiet(floor.pool);
    const { stats } = await measure(`baseline ${c.scenario} [${c.caller}]`, getLoad(floor.url, `/list/${encodeURIComponent(keyOf(c))}`, {}), settings);
    const list = await explainAnalyze(floor.pool, c.statements.list);
    const count = await explainAnalyze(floor.pool, c.statements.count);
    const plan = `-- the page:\n${list.plan}\n-- the count:\n${count.plan}`;
    process.stderr.write(`\nbench: plan of ${c.scenario} [${c.caller}] (page ${list.ms.toFixed(2)} ms, count ${count.ms.toFixed(2)} ms):\n${plan}\n\n`);
    results.push({ scenario: c.scenario, caller: c.caller, listMs: list.ms, countMs: count.ms, plan, stats });
  }
  return results;
}

/** The floor-only runs of measureOnFloor. */
export function floorTable(results: readonly FloorRun[], markdown = false): Table {
  const bold = (text: string) => (markdown ? `**${text}**` : text);
  return {
    header: ['Scenario', 'caller', bold('p99 ms baseline'), 'p50 ms baseline', 'req/s baseline', '1 query ms'],
    rows: results.map((r) => [r.scenario, r.caller, bold(r.stats.p99.toFixed(1)), r.stats.p50.toFixed(1), r.stats.requestsPerSecond.toFixed(0), (r.listMs + r.countMs).toFixed(2)]),
  };
}

/** The one-connection runs beside the 10-connection p99 of the same case. */
export function oneCallerTable(measured: MeasuredLists, markdown = false): Table {
  const bold = (text: string) => (markdown ? `**${text}**` : text);
  return {
    header: ['Scenario', 'caller', bold('p99 ms gateway, 1 connection'), 'p50 ms gateway, 1 connection', 'req/s, 1 connection', 'p99 ms gateway, 10 connections'],
    rows: measured.oneCaller.map((o, i) => [
      o.scenario,
      o.caller,
      bold(o.stats.p99.toFixed(1)),
      o.stats.p50.toFixed(1),
      o.stats.requestsPerSecond.toFixed(0),
      measured.pairs[i].gateway.stats.p99.toFixed(0),
    ]),
  };
}
