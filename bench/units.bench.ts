/**
 * Gateway vs the floor, for creating and reading a unit of the grid map.
 *
 * One run: a fresh database and NATS prefix; the registry and the gateway spawned from dist/ exactly as
 * deployed; a bare Fastify + pg baseline in this process; autocannon (10 connections) against both.
 * Everything it created is removed at the end, also when it fails.
 *
 *   npm run bench                       # 10 s per measured run, 2 s warm-up before each
 *   BENCH_SECONDS=30 npm run bench
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_LOG_LEVEL (LOG_LEVEL of the apps,
 * `info` as deployed), DATABASE_URL (any database of the server; a gl_bench_* one is created next to it),
 * NATS_URL. The apps inherit NODE_OPTIONS (e.g. --perf-basic-prof for `perf record`).
 * Exits 1 when a measured run had more than 1% non-2xx responses or errors.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { DEV_JWT, signDevToken } from '@gridline/auth';
import { startBaseline } from './support/baseline';
import type { Cleanup } from './support/cleanup';
import { cpuPerRequest, sampleCpu } from './support/cpu';
import { CONNECTIONS, runLoad, type LoadSpec } from './support/load';
import { drainOutbox } from './support/outbox';
import { log, startPlatform } from './support/platform';
import type { AppProcess } from './support/processes';
import { runBench } from './support/run-bench';
import { cpuTable, failureRate, renderMarkdown, renderText, resultsTable, type Operation, type ScenarioResult, type Target } from './support/report';
import { benchConfig } from './support/bench.config';

/** dist/bench/ → the repository root, where the apps are started from. */
const ROOT = resolve(__dirname, '..', '..');
const { BENCH_SECONDS: SECONDS, BENCH_WARMUP_SECONDS: WARMUP_SECONDS, BENCH_LOG_LEVEL: LOG_LEVEL, DATABASE_URL: ADMIN_DATABASE_URL, NATS_URL } = benchConfig();
const MAX_FAILURE_RATE = 0.01;
/** Sizes the code space: far above what one machine sustains, so codes never run out mid-run. */
const MAX_EXPECTED_CREATES_PER_SECOND = 20_000;

/** The HTTP surface of one side of the comparison. */
interface Endpoint {
  target: Target;
  url: string;
  /** Collection path: POST here, GET `<path>/<code>`. */
  unitsPath: string;
  headers: Record<string, string>;
}

/**
 * Unique unit codes for every create. Streets 370502000-370502999 are created up front; communities
 * (12 digits, so at most 1000 per street) are handed out street by street.
 */
class CodeSpace {
  private next = 0;
  exhausted = false;

  constructor(readonly streetCount: number) {}

  streets(): string[] {
    return Array.from({ length: this.streetCount }, (_, i) => `370502${String(i).padStart(3, '0')}`);
  }

  nextCommunity(): { code: string; parentCode: string } {
    let i = this.next++;
    if (i >= this.streetCount * 1000) {
      // Wrapping round repeats codes: those creates fail, the run is flagged, and the message says why.
      this.exhausted = true;
      i %= this.streetCount * 1000;
    }
    const parentCode = `370502${String(Math.floor(i / 1000)).padStart(3, '0')}`;
    return { code: `${parentCode}${String(i % 1000).padStart(3, '0')}`, parentCode };
  }
}

function createLoad(endpoint: Endpoint, codes: CodeSpace, created: string[]): LoadSpec {
  return {
    url: endpoint.url,
    method: 'POST',
    headers: endpoint.headers,
    next: () => {
      const { code, parentCode } = codes.nextCommunity();
      return { path: endpoint.unitsPath, body: JSON.stringify({ code, name: `Community ${code}`, level: 'community', parentCode }), key: code };
    },
    onSuccess: (code) => created.push(code),
  };
}

/** Cycles over the codes the create run made, so reads spread over the whole table. */
function readLoad(endpoint: Endpoint, created: string[]): LoadSpec {
  let i = 0;
  return {
    url: endpoint.url,
    method: 'GET',
    headers: endpoint.headers,
    next: () => ({ path: `${endpoint.unitsPath}/${created[i++ % created.length]}` }),
  };
}

/** Creates the streets through the endpoint itself, 10 at a time; any refusal stops the bench. */
async function createStreets(endpoint: Endpoint, codes: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < codes.length) {
      const code = codes[next++];
      const res = await fetch(`${endpoint.url}${endpoint.unitsPath}`, {
        method: 'POST',
        headers: endpoint.headers,
        body: JSON.stringify({ code, name: `Street ${code}`, level: 'street' }),
      });
      if (res.status !== 201) throw new Error(`${endpoint.target}: creating street ${code} answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
}

async function measure(label: string, target: Target, operation: Operation, spec: LoadSpec, apps: AppProcess[]): Promise<ScenarioResult> {
  const pids = Object.fromEntries(apps.map((app) => [app.name, app.child.pid]));
  log(`${label}: warm-up ${WARMUP_SECONDS} s`);
  await runLoad(spec, WARMUP_SECONDS);
  log(`${label}: measuring ${SECONDS} s`);
  const before = sampleCpu(pids);
  const stats = await runLoad(spec, SECONDS);
  const cpu = cpuPerRequest(before, sampleCpu(pids), stats.responses);
  const bad = Object.entries(stats.badStatuses).map(([status, count]) => `${status}×${count}`).join(', ');
  // The load average shows whether something else was competing for the two cores during the run.
  log(
    `${label}: ${stats.requestsPerSecond.toFixed(0)} req/s, p50 ${stats.p50.toFixed(2)} ms, p99 ${stats.p99.toFixed(2)} ms` +
      `${bad ? `, non-2xx ${bad}` : ''}${stats.errors ? `, errors ${stats.errors}` : ''}; load average ${loadavg()[0].toFixed(2)}`,
  );
  return { label, target, operation, stats, cpu };
}

async function main(cleanup: Cleanup): Promise<number> {
  const platform = await startPlatform(cleanup, { root: ROOT, adminDatabaseUrl: ADMIN_DATABASE_URL, natsUrl: NATS_URL, logLevel: LOG_LEVEL });
  const { databaseUrl, machine } = platform;
  const apps: AppProcess[] = [platform.registry, platform.gateway];

  const baselineServer = await startBaseline(databaseUrl);
  cleanup.add('baseline', () => baselineServer.close());

  const token = await signDevToken({ sub: 'bench', roles: ['admin'], units: [] }, DEV_JWT);
  const json = { 'content-type': 'application/json' };
  const gateway: Endpoint = { target: 'gateway', url: platform.gateway.url, unitsPath: '/api/v1/units', headers: { ...json, authorization: `Bearer ${token}` } };
  const baseline: Endpoint = { target: 'baseline', url: baselineServer.url, unitsPath: '/units', headers: json };

  const streetCount = Math.min(1000, Math.ceil((MAX_EXPECTED_CREATES_PER_SECOND * (SECONDS + WARMUP_SECONDS)) / 1000));
  const codes = { gateway: new CodeSpace(streetCount), baseline: new CodeSpace(streetCount) };
  const created: Record<Target, string[]> = { gateway: [], baseline: [] };
  log(`creating ${streetCount} streets on each side`);
  await Promise.all([createStreets(gateway, codes.gateway.streets()), createStreets(baseline, codes.baseline.streets())]);

  // Baseline first in each pair; the gateway's create leaves an outbox backlog, drained before reads.
  const results: ScenarioResult[] = [];
  results.push(await measure('baseline  POST /units', 'baseline', 'create', createLoad(baseline, codes.baseline, created.baseline), apps));
  results.push(await measure('gateway   POST /api/v1/units', 'gateway', 'create', createLoad(gateway, codes.gateway, created.gateway), apps));
  await drainOutbox(databaseUrl, 'registry');
  for (const target of ['baseline', 'gateway'] as const) {
    if (created[target].length === 0) throw new Error(`${target}: the create run made no units, nothing to read`);
  }
  results.push(await measure('baseline  GET /units/:code', 'baseline', 'read', readLoad(baseline, created.baseline), apps));
  results.push(await measure('gateway   GET /api/v1/units/:code', 'gateway', 'read', readLoad(gateway, created.gateway), apps));

  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const settings =
    `${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up, apps at LOG_LEVEL=${LOG_LEVEL}; ` +
    `1-min load average at the end ${loadavg()[0].toFixed(2)}`;
  const env = `Node ${machine.node}, ${machine.cpus}, PostgreSQL ${machine.postgres}, NATS ${machine.nats}`;
  const tables = [resultsTable(results), cpuTable(results)];
  process.stdout.write(`\n${tables.map(renderText).join('\n\n')}\n\n${settings}\n${env}\n`);
  process.stdout.write(`\nMarkdown (${date} UTC):\n\n${tables.map(renderMarkdown).join('\n\n')}\n\n${settings}. ${env}.\n`);

  let exitCode = 0;
  for (const { label, stats } of results) {
    const rate = failureRate(stats);
    if (rate > MAX_FAILURE_RATE) {
      log(`FAILED: ${label} had ${(rate * 100).toFixed(2)}% non-2xx or errors (limit ${MAX_FAILURE_RATE * 100}%)`);
      exitCode = 1;
    }
  }
  for (const target of ['baseline', 'gateway'] as const) {
    if (codes[target].exhausted) log(`${target}: ran out of unit codes and reused some; raise MAX_EXPECTED_CREATES_PER_SECOND`);
  }
  platform.keepLogs(exitCode !== 0);
  return exitCode;
}

runBench(main);
