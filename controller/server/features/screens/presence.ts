// When a screen counts as offline, which heartbeats the history keeps and for how long. Pure: callers pass `now`.

import type { ScreenPresence } from '../../store/schema.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Three missed heartbeats at the player's 30 s: one late or lost beat (a long GC pause, a Wi-Fi
 * hiccup, a reconnect waiting out its back-off) must not flap a screen offline on a technician's
 * board; three in a row mean it is gone.
 */
export const OFFLINE_AFTER_MS = 90_000;
/** How often the job looks for silent screens: one is marked offline at most this long after its 90 s. */
export const PRESENCE_CHECK_INTERVAL_MS = 5_000;
/**
 * One heartbeat every 10 minutes goes into the history (the latest is always on the screen row).
 * Every beat of a city's thousands of screens would be millions of rows a day; a 10-minute trace
 * still shows when memory crept up or the disk filled.
 */
export const HEARTBEAT_HISTORY_SAMPLE_MS = 10 * MINUTE_MS;
/** Long enough to look back over a weekend from Monday morning. */
export const HEARTBEAT_HISTORY_RETENTION_MS = 3 * DAY_MS;
/** A per-screen bound whatever the sampling (a short test interval, a clock that jumped back). */
export const MAX_HEARTBEAT_SAMPLES_PER_SCREEN = 1_000;
/** Presence changes are a few bytes each and are what uptime questions are answered from. */
export const PRESENCE_HISTORY_RETENTION_MS = 90 * DAY_MS;
/** A flapping screen changes at most once per 90 s; this bounds it to days of flapping. */
export const MAX_PRESENCE_CHANGES_PER_SCREEN = 5_000;
/** Trimming is a pair of indexed deletes; hourly keeps the tables near their bounds. */
export const HEALTH_PRUNE_INTERVAL_MS = 60 * MINUTE_MS;
/** The health route's default window: the last day. */
export const DEFAULT_HEALTH_WINDOW_MS = DAY_MS;

/** What a controller can be started with; tests shorten the times so they run in seconds. */
export interface ScreenHealthConfig {
  offlineAfterMs: number;
  checkIntervalMs: number;
  historySampleMs: number;
}

export const DEFAULT_SCREEN_HEALTH: ScreenHealthConfig = {
  offlineAfterMs: OFFLINE_AFTER_MS,
  checkIntervalMs: PRESENCE_CHECK_INTERVAL_MS,
  historySampleMs: HEARTBEAT_HISTORY_SAMPLE_MS,
};

/** Online while the last sign of life (connect, heartbeat, sync ack) is younger than offlineAfterMs. */
export function presenceAt(lastSeenAt: number | null, now: number, offlineAfterMs = OFFLINE_AFTER_MS): ScreenPresence {
  return lastSeenAt !== null && now - lastSeenAt < offlineAfterMs ? 'online' : 'offline';
}

/** The change to record, or null when the recorded presence still holds: each change is recorded once. */
export function presenceChange(recorded: ScreenPresence, lastSeenAt: number | null, now: number, offlineAfterMs = OFFLINE_AFTER_MS): ScreenPresence | null {
  const due = presenceAt(lastSeenAt, now, offlineAfterMs);
  return due === recorded ? null : due;
}

/** A screen last seen at or before this time is silent (the same rule as presenceAt, for an indexed query). */
export function silentSince(now: number, offlineAfterMs = OFFLINE_AFTER_MS): number {
  return now - offlineAfterMs;
}

/** Keep this heartbeat in the history? Also when the clock went back, so a stepped clock cannot stop sampling. */
export function shouldKeepHeartbeat(lastKeptAt: number | null, now: number, sampleMs = HEARTBEAT_HISTORY_SAMPLE_MS): boolean {
  return lastKeptAt === null || now - lastKeptAt >= sampleMs || now < lastKeptAt;
}

/** The longest window the health route answers: everything the presence history keeps. */
export const MAX_HEALTH_WINDOW_MS = PRESENCE_HISTORY_RETENTION_MS;

export type HealthWindowResult = { ok: true; from: number; to: number } | { ok: false; reason: 'from-after-to' | 'window-too-long' };

/** The health route's window: `to` defaults to now, `from` to a day before `to`; from ≤ to, at most 90 days. */
export function healthWindow(query: { from?: number | undefined; to?: number | undefined }, now: number): HealthWindowResult {
  const to = query.to ?? now;
  const from = query.from ?? to - DEFAULT_HEALTH_WINDOW_MS;
  if (from > to) return { ok: false, reason: 'from-after-to' };
  if (to - from > MAX_HEALTH_WINDOW_MS) return { ok: false, reason: 'window-too-long' };
  return { ok: true, from, to };
}
