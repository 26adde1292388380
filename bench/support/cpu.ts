import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU seconds used so far by each part of the system under test. On two cores, CPU per request says more
 * about the gap than req/s alone: everything (load generator included) shares the same 2 CPU-seconds
 * per second. Linux only (/proc); elsewhere the external processes read as NaN.
 */
export interface CpuSample {
  /** Seconds by part name: this process and the apps. */
  parts: Record<string, number>;
  /** Seconds by pid, for every process of a command (PostgreSQL has one per connection). */
  commands: Record<string, Map<number, number>>;
}

/** CPU milliseconds per request, by part name. */
export type CpuPerRequest = Record<string, number>;

const CLOCK_TICKS = clockTicks();

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** utime + stime of a process, in seconds (NaN when it cannot be read). */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Every process with this command name (e.g. all PostgreSQL backends), pid → seconds. */
function commandCpuSeconds(command: string): Map<number, number> {
  const seconds = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return seconds;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) seconds.set(Number(entry), processCpuSeconds(Number(entry)));
    } catch {
      // The process ended while we looked.
    }
  }
  return seconds;
}

/**
 * `bench` is this process (autocannon, plus the baseline server while it is measured); PostgreSQL and
 * NATS count all their processes, so another workload on the same servers would show up there.
 */
export function sampleCpu(pids: Record<string, number | undefined>): CpuSample {
  const own = process.cpuUsage();
  const parts: Record<string, number> = { bench: (own.user + own.system) / 1e6 };
  for (const [name, pid] of Object.entries(pids)) parts[name] = pid === undefined ? Number.NaN : processCpuSeconds(pid);
  return { parts, commands: { postgres: commandCpuSeconds('postgres'), 'nats-server': commandCpuSeconds('nats-server') } };
}

/**
 * CPU milliseconds per request for each part between two samples. Commands are summed per pid: a backend
 * that ended during the run drops out (a slight undercount) instead of subtracting its whole life.
 */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuPerRequest {
  const perRequest = (seconds: number) => (requests > 0 ? (seconds * 1000) / requests : Number.NaN);
  const result: CpuPerRequest = {};
  for (const [name, seconds] of Object.entries(after.parts)) result[name] = perRequest(seconds - before.parts[name]);
  for (const [command, pids] of Object.entries(after.commands)) {
    let used = 0;
    for (const [pid, seconds] of pids) used += Math.max(0, seconds - (before.commands[command]?.get(pid) ?? 0)) || 0;
    result[command] = pids.size === 0 ? Number.NaN : perRequest(used);
  }
  return result;
}
