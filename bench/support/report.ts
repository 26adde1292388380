import type { CpuPerRequest } from './cpu';
import type { LoadStats } from './load';

export type Target = 'gateway' | 'baseline';
export type Operation = 'create' | 'read';

export interface ScenarioResult {
  target: Target;
  operation: Operation;
  label: string;
  stats: LoadStats;
  /** CPU milliseconds per request, by process. */
  cpu: CpuPerRequest;
}

export interface Table {
  header: string[];
  rows: string[][];
}

/** Share of requests that failed (non-2xx or no response). */
export function failureRate(stats: LoadStats): number {
  const attempted = stats.responses + stats.errors;
  return attempted === 0 ? 1 : (stats.non2xx + stats.errors) / attempted;
}

function ms(value: number): string {
  return Number.isNaN(value) ? '-' : value.toFixed(2);
}

/** Throughput and latency, with the gateway's req/s as a share of the baseline's for the same operation. */
export function resultsTable(results: ScenarioResult[]): Table {
  const rows = results.map(({ target, operation, label, stats }) => {
    const baseline = results.find((r) => r.target === 'baseline' && r.operation === operation);
    let ratio = '';
    if (target === 'baseline') ratio = '1.00× (floor)';
    else if (baseline && baseline.stats.requestsPerSecond > 0) ratio = `${(stats.requestsPerSecond / baseline.stats.requestsPerSecond).toFixed(2)}×`;
    return [label, stats.requestsPerSecond.toFixed(0), ms(stats.p50), ms(stats.p99), String(stats.non2xx), String(stats.errors), ratio];
  });
  return { header: ['Scenario', 'req/s (avg)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'gateway/baseline req/s'], rows };
}

const CPU_PARTS = ['bench', 'gateway', 'registry', 'postgres', 'nats-server'];

/** CPU milliseconds per request, by process, and their sum. */
export function cpuTable(results: ScenarioResult[]): Table {
  const rows = results.map(({ label, cpu }) => {
    const parts = CPU_PARTS.map((name) => cpu[name]);
    const total = parts.reduce((sum, value) => sum + (Number.isNaN(value) ? 0 : value), 0);
    return [label, ...parts.map(ms), ms(total)];
  });
  return { header: ['CPU ms per request', 'bench process', 'gateway', 'registry', 'postgres (all)', 'nats-server', 'total'], rows };
}

/** Fixed-width, for the terminal. */
export function renderText({ header, rows }: Table): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Markdown, to paste into docs/BENCHMARKS.md. */
export function renderMarkdown({ header, rows }: Table): string {
  const line = (row: string[]) => `| ${row.map((cell) => cell.trim().replace(/\s+/g, ' ')).join(' | ')} |`;
  const align = `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`;
  return [line(header), align, ...rows.map(line)].join('\n');
}
