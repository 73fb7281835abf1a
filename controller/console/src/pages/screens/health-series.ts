// Heartbeat history → the points the health charts draw, and the presence history → online/offline bands. Pure.

import type { Heartbeat } from '../../../../../shared/protocol/messages.ts';

const MB = 1024 * 1024;
const GB = 1024 * MB;

export interface HealthPoint {
  at: number;
  /** share of all cores busy, 0–100 */
  cpuPercent: number | null;
  /** machine memory in use, 0–100 */
  memoryPercent: number | null;
  /** the player process's resident memory */
  rssMb: number;
  diskFreeGb: number | null;
  load1: number | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function healthPoint(at: number, beat: Heartbeat): HealthPoint {
  const total = beat.memoryTotalBytes;
  const free = beat.memoryFreeBytes;
  return {
    at,
    cpuPercent: beat.cpuBusyFraction === null ? null : round1(beat.cpuBusyFraction * 100),
    memoryPercent: total && free !== null ? round1(((total - free) / total) * 100) : null,
    rssMb: round1(beat.memoryRssBytes / MB),
    diskFreeGb: beat.diskFreeBytes === null ? null : round1(beat.diskFreeBytes / GB),
    load1: beat.loadAverage?.[0] ?? null,
  };
}

/** Oldest first; heartbeats stored by a controller that could no longer parse them are left out. */
export function healthSeries(heartbeats: ReadonlyArray<{ at: number; heartbeat: Heartbeat | null }>): HealthPoint[] {
  return heartbeats.flatMap(({ at, heartbeat }) => (heartbeat ? [healthPoint(at, heartbeat)] : [])).sort((a, b) => a.at - b.at);
}

export interface PresenceSpan {
  from: number;
  to: number;
  status: 'online' | 'offline' | 'unknown';
}

/**
 * The window cut into spans of one presence each: before the first recorded change it is what the
 * history held before the window (unknown if nothing), then each change holds until the next.
 */
export function presenceSpans(window: { from: number; to: number }, statusAtFrom: 'online' | 'offline' | null, transitions: ReadonlyArray<{ at: number; status: 'online' | 'offline' }>): PresenceSpan[] {
  const spans: PresenceSpan[] = [];
  let status: PresenceSpan['status'] = statusAtFrom ?? 'unknown';
  let from = window.from;
  for (const change of [...transitions].sort((a, b) => a.at - b.at)) {
    const at = Math.min(Math.max(change.at, window.from), window.to);
    if (at > from) spans.push({ from, to: at, status });
    status = change.status;
    from = at;
  }
  if (window.to > from) spans.push({ from, to: window.to, status });
  return spans;
}

/** Share of the window the screen was online, 0–1, over the part whose presence is known; null if none is. */
export function onlineShare(spans: readonly PresenceSpan[]): number | null {
  const known = spans.filter((s) => s.status !== 'unknown');
  const total = known.reduce((sum, s) => sum + (s.to - s.from), 0);
  if (total === 0) return null;
  return known.filter((s) => s.status === 'online').reduce((sum, s) => sum + (s.to - s.from), 0) / total;
}
