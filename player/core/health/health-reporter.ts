// Keeps what the heartbeat needs between beats (the page's last report, the last error, the renderer's restarts) and assembles each beat.

import type { DisplayReport } from '../../../shared/display/display-report.ts';
import type { Heartbeat, RendererRestarts } from '../../../shared/protocol/messages.ts';
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
  /**
   * A watchdog restarts the kiosk renderer and reports each restart: heartbeats then say
   * rendererRestarts (a count of 0 included). Without one they say null: nobody is counting.
   */
  rendererWatched?: boolean;
}

export interface HealthReporter {
  /** what the kiosk page says it shows, from the display server */
  recordDisplayReport(report: DisplayReport): void;
  /** the most recent player error; it stays in heartbeats, with its time, until a newer one */
  recordError(message: string): void;
  /** the kiosk shell restarted its renderer (crashed, hung, failed to load); counted since the player started */
  recordRendererRestart(reason: string): void;
  /** the count so far, or null when no watchdog runs and none was recorded */
  rendererRestarts(): RendererRestarts | null;
  heartbeat(): Promise<Heartbeat>;
}

export function createHealthReporter(options: HealthReporterOptions): HealthReporter {
  const monotonicNow = options.monotonicNow ?? (() => performance.now());
  const sampleMachine = options.sampleMachine ?? createMachineSampler(options.dataDir);
  let display: { report: DisplayReport; receivedAt: number; receivedAtMonotonic: number } | null = null;
  let lastError: { message: string; at: number } | null = null;
  let rendererRestarts: RendererRestarts | null = options.rendererWatched ? { count: 0, lastAt: null, lastReason: null } : null;

  return {
    recordDisplayReport(report) {
      display = { report, receivedAt: options.clock.now(), receivedAtMonotonic: monotonicNow() };
    },
    recordError(message) {
      lastError = { message, at: options.clock.now() };
    },
    recordRendererRestart(reason) {
      rendererRestarts = { count: (rendererRestarts?.count ?? 0) + 1, lastAt: options.clock.now(), lastReason: reason };
    },
    rendererRestarts: () => rendererRestarts,
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
        rendererRestarts,
      });
    },
  };
}
