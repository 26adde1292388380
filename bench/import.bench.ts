/**
 * Streaming CSV import of residents through the gateway, end to end.
 *
 * One run: a fresh database and NATS prefix; the registry and the gateway spawned from dist/ exactly as
 * deployed; a street, a community and 10 grids created through the gateway; two CSV files generated on disk
 * (N/10 and N residents, disjoint ID numbers). Each file is POSTed as a streamed body to
 * /api/v1/imports/residents?importId=<uuid> while GET /api/v1/imports/<uuid> is polled every second, then
 * imported a second time, which must create nothing. Peak RSS (VmHWM, reset before each run where the
 * kernel allows) of the gateway and the registry is recorded per run: if memory is flat, the N-row import
 * peaks no higher than the N/10 one. Everything it created is removed at the end, also on failure or Ctrl-C.
 *
 *   npm run bench:import                  # 100 000 rows (and 10 000)
 *   BENCH_ROWS=1000000 npm run bench:import
 *
 * Environment: BENCH_ROWS (100000), BENCH_MAX_SECONDS_PER_100K (30), BENCH_LOG_LEVEL (LOG_LEVEL of the
 * apps, `info` as deployed), DATABASE_URL (any database of the server; a gl_bench_* one is created next to
 * it), NATS_URL. The apps inherit NODE_OPTIONS (e.g. --perf-basic-prof for `perf record`).
 * Exits 1 when a report is wrong (counts, rejections, status) or the N-row import is slower than
 * BENCH_MAX_SECONDS_PER_100K per 100 000 rows.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync, type ReadStream } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DEV_JWT, signDevToken } from '@gridline/auth';
import type { ImportReport, UnitBoundary } from '@gridline/contracts-registry';
import type { Cleanup } from './support/cleanup';
import { runBench } from './support/run-bench';
import { cpuPerRequest, sampleCpu } from './support/cpu';
import { mib, resetPeak, sampleMemory } from './support/memory';
import { log, startPlatform, type Platform } from './support/platform';
import { renderMarkdown, renderText, type Table } from './support/report';
import { writeResidentsCsv, type ResidentsFile } from './support/residents-csv';
import { benchConfig } from './support/bench.config';

/** dist/bench/ → the repository root, where the apps are started from. */
const ROOT = resolve(__dirname, '..', '..');
const BENCH = benchConfig();
const { BENCH_MAX_SECONDS_PER_100K: MAX_SECONDS_PER_100K, BENCH_LOG_LEVEL: LOG_LEVEL, DATABASE_URL: ADMIN_DATABASE_URL, NATS_URL } = BENCH;
const ROWS = Math.round(BENCH.BENCH_ROWS);
const SMALL_ROWS = Math.max(1, Math.round(ROWS / 10));
const POLL_MS = 1000;

const STREET = '370502003';
const COMMUNITY = `${STREET}001`;
const GRIDS = Array.from({ length: 10 }, (_, i) => `${COMMUNITY}${String(i + 1).padStart(3, '0')}`);

/** A square boundary of `size` degrees with its south-west corner at (lng, lat) (as in @gridline/testing's unit factory). */
function square(lng: number, lat: number, size = 0.01): UnitBoundary {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lng, lat],
        [lng + size, lat],
        [lng + size, lat + size],
        [lng, lat + size],
        [lng, lat],
      ],
    ],
  };
}

interface Gateway {
  url: string;
  token: string;
}

async function createMap(gateway: Gateway): Promise<void> {
  const units = [
    { code: STREET, name: `Street ${STREET}`, level: 'street' },
    { code: COMMUNITY, name: `Community ${COMMUNITY}`, level: 'community', parentCode: STREET },
    ...GRIDS.map((code, i) => ({ code, name: `Grid ${code}`, level: 'grid', parentCode: COMMUNITY, boundary: square(118.5 + i * 0.01, 37.4) })),
  ];
  for (const unit of units) {
    const res = await fetch(`${gateway.url}/api/v1/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${gateway.token}` },
      body: JSON.stringify(unit),
    });
    if (res.status !== 201) throw new Error(`creating ${unit.level} ${unit.code} answered ${res.status}: ${await res.text()}`);
  }
}

/** Uploads in flight, destroyed by the cleanup (Ctrl-C during an import). */
const inflight = new Set<{ req: ClientRequest; source: ReadStream }>();

/**
 * POSTs the file as a streamed body (http.request, the file piped in with back-pressure: the gateway reads
 * it only as fast as the registry stores the batches). Answers the status and body of the response.
 */
function postFile(url: string, token: string, path: string, onBytes: (bytes: number) => void): Promise<{ status: number; body: string }> {
  return new Promise((resolvePost, rejectPost) => {
    const size = statSync(path).size;
    const source = createReadStream(path, { highWaterMark: 64 * 1024 });
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(size), authorization: `Bearer ${token}` },
    });
    const entry = { req, source };
    inflight.add(entry);
    let sent = 0;
    let answered = false;
    source.on('data', (chunk) => {
      sent += chunk.length;
      onBytes(sent);
    });
    req.once('response', (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('end', () => {
        inflight.delete(entry);
        resolvePost({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.once('error', rejectPost);
    });
    req.once('error', (error) => {
      inflight.delete(entry);
      source.destroy();
      rejectPost(error);
    });
    // A server that answers before reading the whole body (a refused header) breaks the pipe: the answer counts, not the pipe.
    pipeline(source, req).catch((error: unknown) => {
      if (!answered) rejectPost(error);
    });
  });
}

interface Expected {
  created: number;
  unchanged: number;
}

interface RunResult {
  label: string;
  rows: number;
  seconds: number;
  peakGateway: number;
  peakRegistry: number;
  /** Whether the peaks are this run's own (VmHWM reset before it) rather than since the apps started. */
  peaksReset: boolean;
  /** CPU seconds by process (gateway, registry, postgres, nats-server, bench) during the run. */
  cpu: Record<string, number>;
  report?: ImportReport;
  problems: string[];
}

/**
 * One import of a file: resets the apps' peak RSS, streams the file, polls the progress every second and
 * checks the final report against what it should say.
 */
async function runImport(label: string, platform: Platform, gateway: Gateway, file: ResidentsFile, expected: Expected): Promise<RunResult> {
  const pids = { gateway: platform.gateway.child.pid, registry: platform.registry.child.pid };
  const resettable = resetPeak(pids.gateway) && resetPeak(pids.registry);
  if (!resettable) log(`${label}: cannot reset VmHWM (/proc/<pid>/clear_refs), so the peaks are since the apps started`);
  const importId = randomUUID();
  log(`${label}: ${file.rows} rows, ${(file.bytes / 1024 / 1024).toFixed(1)} MiB, import ${importId}`);

  let uploaded = 0;
  let polling = true;
  const started = Date.now();
  const poller = (async () => {
    while (polling) {
      await sleep(POLL_MS);
      if (!polling) break;
      const memory = { gateway: sampleMemory(pids.gateway), registry: sampleMemory(pids.registry) };
      const elapsed = (Date.now() - started) / 1000;
      let progress = 'no batch stored yet';
      try {
        const res = await fetch(`${gateway.url}/api/v1/imports/${importId}`, { headers: { authorization: `Bearer ${gateway.token}` }, signal: AbortSignal.timeout(5000) });
        if (res.ok) {
          const r = (await res.json()) as ImportReport;
          progress =
            `${r.rowsTotal}/${file.rows} rows (${((r.rowsTotal / file.rows) * 100).toFixed(0)}%), ${(r.rowsTotal / elapsed).toFixed(0)} rows/s, ` +
            `created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, rejected ${r.rejected}`;
        } else if (res.status !== 404) {
          progress = `progress answered ${res.status}`;
        }
      } catch (error) {
        progress = `progress failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      log(
        `${label}: ${elapsed.toFixed(0)} s, ${progress}; uploaded ${((uploaded / file.bytes) * 100).toFixed(0)}%; ` +
          `RSS gateway ${mib(memory.gateway.rss)} MiB, registry ${mib(memory.registry.rss)} MiB`,
      );
    }
  })();

  const cpuBefore = sampleCpu(pids);
  let response: { status: number; body: string };
  try {
    response = await postFile(`${gateway.url}/api/v1/imports/residents?importId=${importId}`, gateway.token, file.path, (bytes) => {
      uploaded = bytes;
    });
  } finally {
    polling = false;
  }
  const seconds = (Date.now() - started) / 1000;
  const cpuMs = cpuPerRequest(cpuBefore, sampleCpu(pids), 1);
  await poller;
  const peaks = { gateway: sampleMemory(pids.gateway).peak, registry: sampleMemory(pids.registry).peak };
  const cpu = Object.fromEntries(Object.entries(cpuMs).map(([name, ms]) => [name, ms / 1000]));

  const problems: string[] = [];
  let report: ImportReport | undefined;
  if (response.status !== 200) {
    problems.push(`answered ${response.status}: ${response.body.slice(0, 500)}`);
  } else {
    report = JSON.parse(response.body) as ImportReport;
    const want = { id: importId, status: 'completed', rowsTotal: file.rows, created: expected.created, updated: 0, unchanged: expected.unchanged, rejected: 0 };
    for (const [field, value] of Object.entries(want)) {
      const got = report[field as keyof ImportReport];
      if (got !== value) problems.push(`report ${field} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
    }
    if (report.rejections.length > 0) problems.push(`first rejections: ${JSON.stringify(report.rejections.slice(0, 3))}`);
  }
  log(
    `${label}: ${seconds.toFixed(1)} s, ${(file.rows / seconds).toFixed(0)} rows/s; peak RSS gateway ${mib(peaks.gateway)} MiB, registry ${mib(peaks.registry)} MiB; ` +
      `CPU s gateway ${cpu.gateway.toFixed(1)}, registry ${cpu.registry.toFixed(1)}, postgres ${cpu.postgres.toFixed(1)}, nats ${cpu['nats-server'].toFixed(1)}` +
      `${problems.length ? `; PROBLEMS: ${problems.join('; ')}` : ''}`,
  );
  return { label, rows: file.rows, seconds, peakGateway: peaks.gateway, peakRegistry: peaks.registry, peaksReset: resettable, cpu, report, problems };
}

/** Residents stored in the run's database: a second opinion on the reports (a courtesy, the table is the registry's). */
async function storedResidents(databaseUrl: string): Promise<number | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return Number((await client.query<{ n: string }>('select count(*) as n from registry.resident')).rows[0].n);
  } catch (error) {
    log(`could not count the stored residents: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function resultsTable(results: RunResult[]): Table {
  const cpu = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));
  return {
    header: ['Run', 'rows', 'seconds', 'rows/s', 'peak RSS gateway MiB', 'peak RSS registry MiB', 'CPU s gateway', 'CPU s registry', 'CPU s postgres', 'report'],
    rows: results.map((r) => [
      r.label,
      String(r.rows),
      r.seconds.toFixed(1),
      (r.rows / r.seconds).toFixed(0),
      mib(r.peakGateway),
      mib(r.peakRegistry),
      cpu(r.cpu.gateway),
      cpu(r.cpu.registry),
      cpu(r.cpu.postgres),
      r.problems.length === 0 && r.report ? `ok (created ${r.report.created}, unchanged ${r.report.unchanged})` : 'WRONG',
    ]),
  };
}

async function main(cleanup: Cleanup, interrupted: AbortSignal): Promise<number> {
  const platform = await startPlatform(cleanup, { root: ROOT, adminDatabaseUrl: ADMIN_DATABASE_URL, natsUrl: NATS_URL, logLevel: LOG_LEVEL });
  // Steps run last-in first-out: an upload in flight is cut before the apps are stopped.
  cleanup.add('uploads', async () => {
    for (const { req, source } of inflight) {
      req.destroy();
      source.destroy();
    }
  });
  const gateway: Gateway = { url: platform.gateway.url, token: await signDevToken({ sub: 'bench', roles: ['admin'], units: [] }, DEV_JWT) };

  await createMap(gateway);
  log(`created street ${STREET}, community ${COMMUNITY} and ${GRIDS.length} grids`);
  const startMemory = { gateway: sampleMemory(platform.gateway.child.pid), registry: sampleMemory(platform.registry.child.pid) };

  const dataDir = mkdtempSync(join(tmpdir(), 'gl-bench-import-'));
  cleanup.add('files', async () => rmSync(dataDir, { recursive: true, force: true }));
  const generating = Date.now();
  // Disjoint keys (ID numbers) and addresses: the small file's residents are not met again in the large one.
  const small = await writeResidentsCsv(join(dataDir, 'residents-small.csv'), SMALL_ROWS, ROWS, GRIDS, '东风');
  const large = await writeResidentsCsv(join(dataDir, 'residents.csv'), ROWS, 0, GRIDS, '幸福');
  log(
    `generated ${small.rows} + ${large.rows} residents (${large.households} households in the large file, ` +
      `${((small.bytes + large.bytes) / 1024 / 1024).toFixed(1)} MiB) in ${((Date.now() - generating) / 1000).toFixed(1)} s; ` +
      `RSS before the imports: gateway ${mib(startMemory.gateway.rss)} MiB, registry ${mib(startMemory.registry.rss)} MiB`,
  );

  const runs: [string, ResidentsFile, Expected][] = [
    [`import ${small.rows}`, small, { created: small.rows, unchanged: 0 }],
    [`re-import ${small.rows}`, small, { created: 0, unchanged: small.rows }],
    [`import ${large.rows}`, large, { created: large.rows, unchanged: 0 }],
    [`re-import ${large.rows}`, large, { created: 0, unchanged: large.rows }],
  ];
  const results: RunResult[] = [];
  for (const [label, file, expected] of runs) {
    interrupted.throwIfAborted();
    results.push(await runImport(label, platform, gateway, file, expected));
  }
  interrupted.throwIfAborted();

  const stored = await storedResidents(platform.databaseUrl);
  const problems = results.flatMap((r) => r.problems.map((p) => `${r.label}: ${p}`));
  if (stored !== undefined && stored !== small.rows + large.rows) problems.push(`the database holds ${stored} residents, expected ${small.rows + large.rows}`);
  const mainRun = results[2];
  const budget = (MAX_SECONDS_PER_100K * large.rows) / 100_000;
  if (mainRun.seconds >= budget) problems.push(`${mainRun.label} took ${mainRun.seconds.toFixed(1)} s, the budget is < ${budget.toFixed(1)} s (${MAX_SECONDS_PER_100K} s per 100 000 rows)`);

  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const table = resultsTable(results);
  const settings =
    `apps at LOG_LEVEL=${LOG_LEVEL}; RSS before the imports: gateway ${mib(startMemory.gateway.rss)} MiB, registry ${mib(startMemory.registry.rss)} MiB; ` +
    `${results.every((r) => r.peaksReset) ? 'peak RSS per run (VmHWM reset before each)' : 'peak RSS since the apps started (VmHWM could not be reset)'}; 1-min load average at the end ${loadavg()[0].toFixed(2)}`;
  const { machine } = platform;
  const env = `Node ${machine.node}, ${machine.cpus}, PostgreSQL ${machine.postgres}, NATS ${machine.nats}`;
  const flat = `peak RSS ${large.rows} vs ${small.rows} rows: gateway ${mib(results[2].peakGateway)} vs ${mib(results[0].peakGateway)} MiB, registry ${mib(results[2].peakRegistry)} vs ${mib(results[0].peakRegistry)} MiB`;
  process.stdout.write(`\n${renderText(table)}\n\n${flat}\nre-import of ${large.rows} rows: ${results[3].seconds.toFixed(1)} s\n${settings}\n${env}\n`);
  process.stdout.write(`\nMarkdown (${date} UTC):\n\n${renderMarkdown(table)}\n\n${settings}. ${env}.\n`);

  for (const problem of problems) log(`FAILED: ${problem}`);
  platform.keepLogs(problems.length > 0);
  return problems.length > 0 ? 1 : 0;
}

runBench(main);
