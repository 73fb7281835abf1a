// Builds the heartbeat the player sends every 30 s, from figures already read: what is on screen and how the machine is doing. Pure.

import { DISPLAY_REPORT_INTERVAL_MS, type DisplayMetrics, type DisplayReport, type DisplayShowing } from '../../../shared/display/display-report.ts';
import type { Heartbeat, RendererRestarts } from '../../../shared/protocol/messages.ts';
import type { MachineHealth } from '../health/machine-health.ts';

export const DEFAULT_HEARTBEAT_INTERVAL_MS = 30_000;

/**
 * A page silent this long is not trusted to say what is on screen: four missed reports. One can
 * slip while the renderer is busy; four mean it is hung, closed or crashed, and "unknown" is the
 * honest answer until it reports again (the kiosk shell restarts a dead renderer).
 */
export const DISPLAY_REPORT_STALE_MS = 4 * DISPLAY_REPORT_INTERVAL_MS;

// The schema's bounds (shared/protocol/messages.ts).
const ON_SCREEN_MAX = 200;
const RESOLUTION_MAX = 40;
const APP_VERSION_MAX = 40;
const LAST_ERROR_MAX = 500;
const RESTART_REASON_MAX = 200;
const MAX_CPU_COUNT = 4_096;

export interface ReceivedDisplayReport {
  report: DisplayReport;
  /** when it arrived, epoch ms of the trusted clock */
  receivedAt: number;
  /** how long ago it arrived, by the monotonic clock (the trusted clock may step) */
  ageMs: number;
}

export interface HeartbeatInput {
  sentAt: number;
  manifestVersion: number;
  listRevision: number;
  cacheBytes: number;
  appVersion: string;
  clockOffsetMs: number;
  lastError: { message: string; at: number } | null;
  /** what the core knows fills the screen without asking the page: the pairing code or the fallback slide */
  coreScene: 'pairing' | 'fallback' | null;
  /** the page's newest report since boot, or null */
  display: ReceivedDisplayReport | null;
  machine: MachineHealth;
  /** the kiosk shell's renderer restarts; null or absent where no watchdog runs */
  rendererRestarts?: RendererRestarts | null;
}

/** "list:black 失信黑名单", "slide:intro 诚信乌海", "fallback", "pairing". */
export function describeShowing(showing: DisplayShowing): string {
  if (showing.id === null) return showing.kind;
  const title = showing.title ? ` ${showing.title}` : '';
  return `${showing.kind}:${showing.id}${title}`.slice(0, ON_SCREEN_MAX);
}

/** Physical pixels of the screen the kiosk window is on: CSS pixels × pixel ratio. */
export function resolutionOf(metrics: DisplayMetrics): string {
  const width = Math.round(metrics.screenWidth * metrics.pixelRatio);
  const height = Math.round(metrics.screenHeight * metrics.pixelRatio);
  return `${width}x${height}`.slice(0, RESOLUTION_MAX);
}

export function isDisplayReportFresh(display: ReceivedDisplayReport | null): display is ReceivedDisplayReport {
  return display !== null && display.ageMs < DISPLAY_REPORT_STALE_MS;
}

const nonNegative = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);
const nonNegativeOrNull = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : Math.max(0, value));

export function buildHeartbeat(input: HeartbeatInput): Heartbeat {
  const { machine, display } = input;
  // A live page says what it shows; otherwise only what the core itself decided is known.
  const onScreen = isDisplayReportFresh(display) ? describeShowing(display.report.showing) : input.coreScene;
  const busy = nonNegativeOrNull(machine.cpuBusyFraction);
  return {
    sentAt: input.sentAt,
    onScreen,
    manifestVersion: input.manifestVersion,
    listRevision: input.listRevision,
    cacheBytes: nonNegative(input.cacheBytes),
    diskFreeBytes: nonNegativeOrNull(machine.diskFreeBytes),
    memoryRssBytes: nonNegative(machine.processRssBytes),
    uptimeSeconds: Math.floor(nonNegative(machine.processUptimeSeconds)),
    // The size stays known after the page goes quiet: it does not change while nobody looks.
    resolution: display === null ? null : resolutionOf(display.report.metrics),
    appVersion: input.appVersion.slice(0, APP_VERSION_MAX),
    clockOffsetMs: input.clockOffsetMs,
    lastError: input.lastError === null ? null : input.lastError.message.slice(0, LAST_ERROR_MAX),
    lastErrorAt: input.lastError?.at ?? null,
    displayReportedAt: display?.receivedAt ?? null,
    display: display?.report.metrics ?? null,
    memoryFreeBytes: nonNegativeOrNull(machine.memoryFreeBytes),
    memoryTotalBytes: nonNegativeOrNull(machine.memoryTotalBytes),
    cpuCount: Math.min(MAX_CPU_COUNT, Math.floor(nonNegative(machine.cpuCount))),
    cpuBusyFraction: busy === null ? null : Math.min(1, busy),
    loadAverage: machine.loadAverage === null ? null : [nonNegative(machine.loadAverage[0]), nonNegative(machine.loadAverage[1]), nonNegative(machine.loadAverage[2])],
    systemUptimeSeconds: Math.floor(nonNegative(machine.systemUptimeSeconds)),
    rendererRestarts: input.rendererRestarts ? { ...input.rendererRestarts, lastReason: input.rendererRestarts.lastReason?.slice(0, RESTART_REASON_MAX) ?? null } : null,
  };
}
