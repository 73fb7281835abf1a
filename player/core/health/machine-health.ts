// The machine's figures for heartbeats (memory, CPU, uptime, free disk): node:os and statfs at the edge, the arithmetic pure.

import { statfs } from 'node:fs/promises';
import os from 'node:os';

export interface MachineHealth {
  /** resident memory of the player core's process */
  processRssBytes: number;
  processUptimeSeconds: number;
  systemUptimeSeconds: number;
  /** memory the OS can give without swapping (Linux: MemAvailable), not just the unused pages */
  memoryFreeBytes: number;
  memoryTotalBytes: number;
  /** free bytes for an unprivileged user on the disk holding the cache; null where statfs fails */
  diskFreeBytes: number | null;
  cpuCount: number;
  /** share of all cores busy since the previous sample; null on the first one */
  cpuBusyFraction: number | null;
  loadAverage: [number, number, number] | null;
}

/** CPU time summed over all cores since boot, in ms, as os.cpus() reports it. */
export interface CpuTimes {
  busyMs: number;
  totalMs: number;
}

type CoreTimes = Pick<os.CpuInfo, 'times'>;

export function sumCpuTimes(cores: readonly CoreTimes[]): CpuTimes {
  let busyMs = 0;
  let totalMs = 0;
  for (const { times } of cores) {
    const total = times.user + times.nice + times.sys + times.idle + times.irq;
    totalMs += total;
    busyMs += total - times.idle;
  }
  return { busyMs, totalMs };
}

/**
 * How busy the CPUs were between two samples, 0–1. Null without a previous sample, or when the
 * counters did not advance or went back (a core went offline, or a VM restored a snapshot).
 */
export function cpuBusyFraction(previous: CpuTimes | null, next: CpuTimes): number | null {
  if (previous === null) return null;
  const total = next.totalMs - previous.totalMs;
  const busy = next.busyMs - previous.busyMs;
  if (total <= 0 || busy < 0) return null;
  return Math.min(1, busy / total);
}

/** Windows keeps no load average; os.loadavg() answers zeros there, which would read as "idle". */
export function loadAverageOf(platform: NodeJS.Platform, loadavg: readonly number[]): [number, number, number] | null {
  if (platform === 'win32' || loadavg.length < 3) return null;
  const [one = 0, five = 0, fifteen = 0] = loadavg;
  return [one, five, fifteen];
}

/**
 * The free bytes this process can write: a user cannot write into the blocks the filesystem keeps
 * for root (often 5 %), root can. A kiosk installed as root on a nearly full disk must not report 0.
 */
export function usableFreeBytes(stats: { bavail: number | bigint; bfree: number | bigint; bsize: number | bigint }, runsAsRoot: boolean): number {
  return Number(runsAsRoot ? stats.bfree : stats.bavail) * Number(stats.bsize);
}

/** Free bytes on the disk holding `path`; null where statfs is unavailable or fails. */
export async function diskFreeBytes(path: string): Promise<number | null> {
  if (typeof statfs !== 'function') return null;
  try {
    return usableFreeBytes(await statfs(path), process.getuid?.() === 0);
  } catch {
    return null;
  }
}

/** Reads the machine; remembers the CPU counters between calls so each sample covers the time since the last. */
export function createMachineSampler(dataDir: string): () => Promise<MachineHealth> {
  let previousCpu: CpuTimes | null = null;
  return async () => {
    const cpu = sumCpuTimes(os.cpus());
    const busy = cpuBusyFraction(previousCpu, cpu);
    previousCpu = cpu;
    return {
      processRssBytes: process.memoryUsage.rss(),
      processUptimeSeconds: process.uptime(),
      systemUptimeSeconds: os.uptime(),
      memoryFreeBytes: os.freemem(),
      memoryTotalBytes: os.totalmem(),
      diskFreeBytes: await diskFreeBytes(dataDir),
      // availableParallelism, not cpus().length: the latter is 0 in some containers.
      cpuCount: os.availableParallelism(),
      cpuBusyFraction: busy,
      loadAverage: loadAverageOf(process.platform, os.loadavg()),
    };
  };
}
