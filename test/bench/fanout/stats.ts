// Figures for the fan-out bench: the monotonic clock its processes share, percentiles, and a
// process's memory as the kernel counts it.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Milliseconds on CLOCK_MONOTONIC (process.hrtime on Linux), which every process on the machine
 * reads alike: a time taken in a client process can be subtracted from one taken in the orchestrator.
 * performance.now() cannot do that, as each process counts from its own start.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Spread {
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round1(percentile(sorted, 50)), p99: round1(percentile(sorted, 99)), max: round1(sorted.at(-1) ?? Number.NaN) };
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** A field of /proc/<pid>/status in kB (VmRSS: resident now; VmHWM: the peak so far); null once the process is gone. */
export function procStatusKB(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

let clockTicksPerSecond: number | null = null;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat; null once it is gone. */
export function procCpuMs(pid: number): number | null {
  try {
    clockTicksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond;
  } catch {
    return null;
  }
}

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full
 * (TcpExt ListenOverflows, machine-wide). Read before and after a storm, it tells whether reconnects
 * were lost in the queue rather than refused or answered late.
 */
export function listenOverflows(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((line) => line.startsWith('TcpExt:'));
    const names = lines[0]?.split(/\s+/) ?? [];
    const values = lines[1]?.split(/\s+/) ?? [];
    const at = names.indexOf('ListenOverflows');
    return at === -1 ? null : Number(values[at]);
  } catch {
    return null;
  }
}

/** target.push(...items) without the spread: tens of thousands of arguments overflow the stack. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
