// Keeps what the heartbeat needs between beats (the page's last report, the last error) and assembles each beat.

import type { DisplayReport } from '../../../shared/display/display-report.ts';
import type { Heartbeat } from '../../../shared/protocol/messages.ts';
import type { Clock } from '../clock.ts';
import { buildHeartbeat, type HeartbeatInput } from '../sync/heartbeat.ts';
import { createMachineSampler, type MachineHealth } from './machine-health.ts';

export interface HealthReporterOptions {
  dataDir: string;
  clock: Clock;
  appVersion: string;
  /** a clock that never jumps, to age the page's report (default performance.now) */
  monotonicNow?: () => number;
  /** the player's own figures, read at each beat */
  current: () => Pick<HeartbeatInput, 'manifestVersion' | 'listRevision' | 'cacheBytes' | 'coreScene'>;
  /** tests pin the machine's figures */
  sampleMachine?: () => Promise<MachineHealth>;
}

export interface HealthReporter {
  /** what the kiosk page says it shows, from the display server */
  recordDisplayReport(report: DisplayReport): void;
  /** the most recent player error; it stays in heartbeats, with its time, until a newer one */
  recordError(message: string): void;
  heartbeat(): Promise<Heartbeat>;
}

export function createHealthReporter(options: HealthReporterOptions): HealthReporter {
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const sampleMachine = options.sampleMachine ?? createMachineSampler(options.dataDir);
  let display: { report: DisplayReport; receivedAt: number; receivedAtMonotonic: number } | null = null;
  let lastError: { message: string; at: number } | null = null;

  return {
    recordDisplayReport(report) {
      display = { report, receivedAt: options.clock.now(), receivedAtMonotonic: monotonicNow() };
    },
    recordError(message) {
      lastError = { message, at: options.clock.now() };
    },
    async heartbeat() {
      const machine = await sampleMachine();
      return buildHeartbeat({
        ...options.current(),
        sentAt: options.clock.now(),
        appVersion: options.appVersion,
        clockOffsetMs: options.clock.offsetMs(),
        lastError,
        display: display && { report: display.report, receivedAt: display.receivedAt, ageMs: monotonicNow() - display.receivedAtMonotonic },
        machine,
      });
    },
  };
}
