/**
 * A soak (issue 14 §3): mixed load through the gateway for SOAK_SECONDS (600) while each app's resident set size and
 * event-loop lag are sampled every SOAK_SAMPLE_SECONDS (10); memory must not grow.
 *
 * One run: a fresh database and NATS prefix; the registry, incidents, the hotline, analytics and the gateway spawned
 * from dist/ exactly as deployed; the bench street (5 communities, 50 grids, 20 categories) created through the
 * gateway. Then, all at once, one connection each (a closed loop: each sends its next request when the last is
 * answered, so what is in flight stays bounded and any growth is the apps'): a hotline operator taking appeals, a
 * grid member reporting cases, a street admin listing the street's cases, and the street's figures of the month.
 * Every app's RSS (/proc/<pid>/status) and event-loop lag p99 (`nodejs_eventloop_lag_p99_seconds` of its /metrics)
 * are sampled throughout. The verdict per app compares the median RSS of the run's last third with that of its
 * middle third (the first third is warm-up: JIT, pools, caches filling): growth above SOAK_MAX_GROWTH (10%) fails.
 *
 *   npm run bench:soak
 *   SOAK_SECONDS=120 npm run bench:soak         # a quick try
 *
 * Environment: SOAK_SECONDS (600), SOAK_SAMPLE_SECONDS (10), SOAK_MAX_GROWTH (0.10), BENCH_LOG_LEVEL (info),
 * DATABASE_URL, NATS_URL. Exits 1 when an app's memory grew past the limit or more than 1% of requests failed.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { DEV_JWT, signDevToken } from '@gridline/auth';
import type { Cleanup } from './support/cleanup';
import { CATEGORIES, ESTATES, GRIDS, ROADS, STREET, createGridMap, pointIn } from './support/grid-map';
import { runLoad, type LoadSpec, type LoadStats } from './support/load';
import { mib, sampleMemory } from './support/memory';
import { log, startPlatform } from './support/platform';
import type { AppProcess } from './support/processes';
import { failureRate, renderMarkdown, renderText, type Table } from './support/report';
import { runBench } from './support/run-bench';
import { benchConfig } from './support/bench.config';

const ROOT = resolve(__dirname, '..', '..');
const { BENCH_LOG_LEVEL: LOG_LEVEL, DATABASE_URL: ADMIN_DATABASE_URL, NATS_URL } = benchConfig();
const SOAK_SECONDS = Number(process.env['SOAK_SECONDS'] ?? 600);
const SAMPLE_SECONDS = Number(process.env['SOAK_SAMPLE_SECONDS'] ?? 10);
const MAX_GROWTH = Number(process.env['SOAK_MAX_GROWTH'] ?? 0.1);
const MAX_FAILURE_RATE = 0.01;
const GRID = GRIDS[0];

let n = 0;
const next = () => ++n;

function appealBody(): string {
  const i = next();
  const category = CATEGORIES[i % CATEGORIES.length];
  const grid = GRIDS[i % GRIDS.length];
  const address = `${ROADS[i % ROADS.length]}${(i % 300) + 1}号${ESTATES[i % ESTATES.length]}`;
  return JSON.stringify({
    channel: 'phone',
    type: 'complaint',
    caller: { name: `王先生${i % 50}`, phone: `13${String(800_000_000 + (i % 5000)).padStart(9, '0')}` },
    content: `市民来电反映：${address}${category.title}，${category.description}。`,
    categoryCode: category.code,
    location: { ...pointIn(grid, Math.random(), Math.random()), address },
    urgency: 'general',
  });
}

function reportBody(): string {
  const i = next();
  const category = CATEGORIES[i % CATEGORIES.length];
  return JSON.stringify({ categoryCode: category.code, title: `${ESTATES[0]}${(i % 30) + 1}号楼${category.title}（巡查 ${i}）`, description: `${category.description}，巡查发现。`, urgency: 'normal', source: 'patrol', gridCode: GRID.code });
}

interface Sample {
  at: number;
  rss: Record<string, number>;
  lagMs: Record<string, number>;
}

async function lagOf(app: AppProcess): Promise<number> {
  try {
    const text = await (await fetch(`${app.url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
    const line = text.split('\n').find((l) => l.startsWith('nodejs_eventloop_lag_p99_seconds'));
    return line ? Number(line.split(' ').pop()) * 1000 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)];
};

async function main(cleanup: Cleanup, interrupted: AbortSignal): Promise<number> {
  const platform = await startPlatform(cleanup, { root: ROOT, adminDatabaseUrl: ADMIN_DATABASE_URL, natsUrl: NATS_URL, logLevel: LOG_LEVEL, services: ['incidents', 'hotline', 'analytics'] });
  const apps: AppProcess[] = [platform.gateway, platform.registry, ...Object.values(platform.services)];
  const token = (sub: string, roles: string[], units: string[]) => signDevToken({ sub, roles: roles as never, units }, DEV_JWT);
  await createGridMap(platform.gateway.url, await token('bench-admin', ['admin'], []));
  log(`created street ${STREET} and ${GRIDS.length} grids through the gateway; soaking ${SOAK_SECONDS} s`);
  const json = (t: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${t}` });
  const url = platform.gateway.url;
  const streams: [string, LoadSpec][] = [
    ['take appeals (hotline operator)', { url, method: 'POST', headers: json(await token('bench-operator', ['hotline_operator'], [STREET])), next: () => ({ path: '/api/v1/appeals', body: appealBody() }) }],
    ['report cases (grid member)', { url, method: 'POST', headers: json(await token('bench-staff', ['grid_staff'], [GRID.code])), next: () => ({ path: '/api/v1/incidents', body: reportBody() }) }],
    ['list cases (street admin)', { url, method: 'GET', headers: json(await token('bench-street', ['street_admin'], [STREET])), next: () => ({ path: `/api/v1/incidents?unit=${STREET}` }) }],
    ['figures of the month (street admin)', { url, method: 'GET', headers: json(await token('bench-street2', ['street_admin'], [STREET])), next: () => ({ path: `/api/v1/analytics/figures?unit=${STREET}&period=month` }) }],
  ];

  const samples: Sample[] = [];
  const started = Date.now();
  let running = true;
  const sampler = (async () => {
    while (running && !interrupted.aborted) {
      const rss: Record<string, number> = {};
      const lagMs: Record<string, number> = {};
      for (const app of apps) {
        rss[app.name] = sampleMemory(app.child.pid).rss;
        lagMs[app.name] = await lagOf(app);
      }
      samples.push({ at: (Date.now() - started) / 1000, rss, lagMs });
      await new Promise((r) => setTimeout(r, SAMPLE_SECONDS * 1000));
    }
  })();
  const results: [string, LoadStats][] = await Promise.all(streams.map(async ([name, spec]) => [name, await runLoad(spec, SOAK_SECONDS, 1)] as [string, LoadStats]));
  running = false;
  await sampler;

  const third = SOAK_SECONDS / 3;
  const middle = samples.filter((s) => s.at >= third && s.at < 2 * third);
  const last = samples.filter((s) => s.at >= 2 * third);
  const verdicts = apps.map((app) => {
    const before = median(middle.map((s) => s.rss[app.name]));
    const after = median(last.map((s) => s.rss[app.name]));
    const growth = after / before - 1;
    const lag = samples.map((s) => s.lagMs[app.name]).filter((v) => !Number.isNaN(v));
    return { app: app.name, first: samples[0]?.rss[app.name] ?? Number.NaN, before, after, growth, lagMedian: median(lag), lagMax: lag.length ? Math.max(...lag) : Number.NaN };
  });

  const memory: Table = {
    header: ['App', 'RSS MiB at start', 'median RSS MiB, middle third', 'median RSS MiB, last third', 'growth', 'event-loop lag p99 ms (median of samples)', 'max'],
    rows: verdicts.map((v) => [v.app, mib(v.first), mib(v.before), mib(v.after), `${(v.growth * 100).toFixed(1)}%`, v.lagMedian.toFixed(1), v.lagMax.toFixed(1)]),
  };
  const load: Table = {
    header: ['Stream (1 connection each)', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'failed'],
    rows: results.map(([name, s]) => [name, String(s.responses), s.requestsPerSecond.toFixed(1), s.p50.toFixed(1), s.p99.toFixed(1), String(s.non2xx + s.errors)]),
  };
  const step = Math.max(1, Math.round(60 / SAMPLE_SECONDS));
  const curve: Table = {
    header: ['minute', ...apps.map((a) => `${a.name} RSS MiB`)],
    rows: samples.filter((_, i) => i % step === 0).map((s) => [(s.at / 60).toFixed(1), ...apps.map((a) => mib(s.rss[a.name]))]),
  };
  const settings = `${SOAK_SECONDS} s, sampled every ${SAMPLE_SECONDS} s, apps at LOG_LEVEL=${LOG_LEVEL}; 1-min load average at the end ${loadavg()[0].toFixed(2)}`;
  const tables = [load, memory, curve];
  process.stdout.write(`\n${tables.map(renderText).join('\n\n')}\n\n${settings}\n`);
  process.stdout.write(`\nMarkdown (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC):\n\n${tables.map(renderMarkdown).join('\n\n')}\n\n${settings}.\n`);

  const problems: string[] = [];
  for (const v of verdicts) if (!(v.growth <= MAX_GROWTH)) problems.push(`${v.app}: RSS grew ${(v.growth * 100).toFixed(1)}% from the middle third to the last (limit ${MAX_GROWTH * 100}%)`);
  for (const [name, s] of results) if (failureRate(s) > MAX_FAILURE_RATE) problems.push(`${name}: ${s.non2xx + s.errors} of ${s.responses} requests failed (${JSON.stringify(s.badStatuses)})`);
  for (const p of problems) log(`FAILED: ${p}`);
  platform.keepLogs(problems.length > 0);
  return problems.length > 0 ? 1 : 0;
}

runBench(main);
