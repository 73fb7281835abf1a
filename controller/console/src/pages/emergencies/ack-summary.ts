// Where each target screen stands with an emergency, and the counts the page shows. Pure.

export interface EmergencyScreen {
  screenId: string;
  name: string;
  addedAt: number;
  ackedAt: number | null;
  connected: boolean;
  status: 'showing' | 'pending' | 'ended';
}

/**
 * showing: it confirmed the notice is on screen; waiting: connected, the ack is on its way;
 * offline: not connected, it gets the notice first thing when it reconnects; ended: the notice is over.
 */
export type ScreenAckState = 'showing' | 'waiting' | 'offline' | 'ended';

export function screenAckState(screen: EmergencyScreen): ScreenAckState {
  if (screen.status === 'ended') return 'ended';
  if (screen.ackedAt !== null) return 'showing';
  return screen.connected ? 'waiting' : 'offline';
}

export interface AckSummary {
  acked: number;
  total: number;
  waiting: number;
  offline: number;
  /** whole percent of target screens that confirmed */
  percent: number;
}

export function ackSummary(screens: readonly EmergencyScreen[]): AckSummary {
  const acked = screens.filter((s) => s.ackedAt !== null).length;
  const unacked = screens.filter((s) => s.ackedAt === null && s.status !== 'ended');
  const waiting = unacked.filter((s) => s.connected).length;
  return { acked, total: screens.length, waiting, offline: unacked.length - waiting, percent: screens.length === 0 ? 0 : Math.floor((acked * 100) / screens.length) };
}

const STATE_ORDER: Record<ScreenAckState, number> = { offline: 0, waiting: 1, showing: 2, ended: 3 };

/** Those that still need attention first (offline, then waiting), then by name as a person scans a list. */
export function screensForWatching(screens: readonly EmergencyScreen[]): EmergencyScreen[] {
  return [...screens].sort((a, b) => STATE_ORDER[screenAckState(a)] - STATE_ORDER[screenAckState(b)] || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Milliseconds from the screen being targeted to its confirmation; null until it confirms. */
export function ackDelayMs(screen: EmergencyScreen): number | null {
  return screen.ackedAt === null ? null : Math.max(0, screen.ackedAt - screen.addedAt);
}
