import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Resident set sizes of a process from /proc/<pid>/status (Linux only), in bytes: `rss` now (VmRSS) and
 * `peak` (VmHWM, the high-water mark). NaN when the process or the field cannot be read.
 */
export interface MemorySample {
  rss: number;
  peak: number;
}

function statusField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

export function sampleMemory(pid: number | undefined): MemorySample {
  if (pid === undefined) return { rss: Number.NaN, peak: Number.NaN };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rss: statusField(status, 'VmRSS'), peak: statusField(status, 'VmHWM') };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}

/**
 * Resets the process's VmHWM to its current RSS (`echo 5 > /proc/<pid>/clear_refs`, Linux ≥ 4.0, allowed
 * on our own children), so that the next peak belongs to the next phase alone rather than to the whole
 * life of the process. Answers false when the kernel or the permissions refuse: peaks are then cumulative.
 */
export function resetPeak(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export function mib(bytes: number): string {
  return Number.isNaN(bytes) ? '-' : (bytes / (1024 * 1024)).toFixed(0);
}
