import { loadavg } from 'node:os';
import { cpuPerRequest, sampleCpu, type CpuPerRequest } from './cpu';
import { runLoad, type LoadSpec, type LoadStats } from './load';
import { log } from './platform';
import { failureRate, type Table } from './report';

/**
 * One scenario measured twice in the same run: through the gateway, and against the bare baseline doing the
 * same work with one statement. Shared by the incidents and hotline benchmarks.
 */
export interface Measured {
  label: string;
  stats: LoadStats;
  /** CPU milliseconds per request, by process. */
  cpu: CpuPerRequest;
}

export interface Pair {
  /** What is measured, e.g. "POST /incidents (gridCode)" or "newest first". */
  scenario: string;
  /** Who asks, e.g. "street admin" (empty when it does not matter). */
  caller: string;
  baseline: Measured;
  gateway: Measured;
  /** Execution time of one run of the baseline's statement (EXPLAIN ANALYZE), when measured. */
  queryMs?: number;
}

export interface MeasureSettings {
  seconds: number;
  warmupSeconds: number;
  /** Processes whose CPU is counted, by name (the bench process itself is always counted). */
  pids: Record<string, number | undefined>;
}

/** A warm-up run, then the measured run, with the CPU used by each process in between. */
export async function measure(label: string, spec: LoadSpec, settings: MeasureSettings): Promise<Measured> {
  log(`${label}: warm-up ${settings.warmupSeconds} s`);
  await runLoad(spec, settings.warmupSeconds);
  log(`${label}: measuring ${settings.seconds} s`);
  const before = sampleCpu(settings.pids);
  const stats = await runLoad(spec, settings.seconds);
  const cpu = cpuPerRequest(before, sampleCpu(settings.pids), stats.responses);
  const bad = Object.entries(stats.badStatuses).map(([status, count]) => `${status}×${count}`).join(', ');
  log(
    `${label}: ${stats.requestsPerSecond.toFixed(0)} req/s, p50 ${stats.p50.toFixed(2)} ms, p99 ${stats.p99.toFixed(2)} ms` +
      `${bad ? `, non-2xx ${bad}` : ''}${stats.errors ? `, errors ${stats.errors}` : ''}; load average ${loadavg()[0].toFixed(2)}`,
  );
  return { label, stats, cpu };
}

/** Baseline first, then the gateway (as in the units benchmark). */
export async function measurePair(scenario: string, caller: string, specs: { baseline: LoadSpec; gateway: LoadSpec }, settings: MeasureSettings): Promise<Pair> {
  const name = caller ? `${scenario} [${caller}]` : scenario;
  const baseline = await measure(`baseline ${name}`, specs.baseline, settings);
  const gateway = await measure(`gateway  ${name}`, specs.gateway, settings);
  return { scenario, caller, baseline, gateway };
}

function ms(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);
}

function failures(m: Measured): string {
  const n = m.stats.non2xx + m.stats.errors;
  return n === 0 ? '0' : `${n} (${(failureRate(m.stats) * 100).toFixed(1)}%)`;
}

/** p99 first: the gateway's and the floor's, then p50, throughput and the gateway's share of the floor's req/s. */
export function pairsTable(pairs: Pair[], options: { queryColumn?: boolean; markdown?: boolean } = {}): Table {
  const bold = (text: string) => (options.markdown ? `**${text}**` : text);
  const showCaller = pairs.some((p) => p.caller);
  const header = [
    'Scenario',
    ...(showCaller ? ['caller'] : []),
    bold('p99 ms gateway'),
    'p99 ms baseline',
    'p50 ms gateway',
    'p50 ms baseline',
    'req/s gateway',
    'req/s baseline',
    'gateway/baseline req/s',
    ...(options.queryColumn ? ['1 query ms'] : []),
    'failed gw/bl',
  ];
  const rows = pairs.map((p) => [
    p.scenario,
    ...(showCaller ? [p.caller] : []),
    bold(ms(p.gateway.stats.p99)),
    ms(p.baseline.stats.p99),
    ms(p.gateway.stats.p50),
    ms(p.baseline.stats.p50),
    p.gateway.stats.requestsPerSecond.toFixed(0),
    p.baseline.stats.requestsPerSecond.toFixed(0),
    p.baseline.stats.requestsPerSecond > 0 ? `${(p.gateway.stats.requestsPerSecond / p.baseline.stats.requestsPerSecond).toFixed(2)}×` : '-',
    ...(options.queryColumn ? [ms(p.queryMs)] : []),
    `${failures(p.gateway)}/${failures(p.baseline)}`,
  ]);
  return { header, rows };
}

/** CPU milliseconds per request, by process, and their sum, for every measured run. */
export function pairsCpuTable(pairs: Pair[], parts: string[]): Table {
  const rows: string[][] = [];
  for (const p of pairs) {
    for (const [side, m] of [['baseline', p.baseline], ['gateway', p.gateway]] as const) {
      const values = parts.map((name) => m.cpu[name]);
      const total = values.reduce((sum, v) => sum + (v === undefined || Number.isNaN(v) ? 0 : v), 0);
      rows.push([`${side} ${p.scenario}${p.caller ? ` [${p.caller}]` : ''}`, ...values.map((v) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(2))), total.toFixed(2)]);
    }
  }
  return { header: ['CPU ms per request', ...parts.map((name) => (name === 'bench' ? 'bench process' : name === 'postgres' ? 'postgres (all)' : name)), 'total'], rows };
}

/** Measured runs with more than `limit` non-2xx responses or errors, as messages. */
export function failedRuns(pairs: Pair[], limit: number): string[] {
  const problems: string[] = [];
  for (const p of pairs) {
    for (const m of [p.baseline, p.gateway]) {
      const rate = failureRate(m.stats);
      if (rate > limit) {
        const bad = Object.entries(m.stats.badStatuses).map(([status, count]) => `${status}×${count}`).join(', ');
        problems.push(`${m.label.trim()} had ${(rate * 100).toFixed(2)}% non-2xx or errors (limit ${limit * 100}%)${bad ? `: ${bad}` : ''}${m.stats.errors ? `, ${m.stats.errors} errors` : ''}`);
      }
    }
  }
  return problems;
}
