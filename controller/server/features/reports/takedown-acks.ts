// Which screens have dropped a withdrawn entry, and when. Pure: the caller reads the fleet, the
// revision that tombstoned the entry, and the recorded ack times.
//
// A screen has dropped it when the list revision it runs now is at or past that revision. The ack
// time is when it first reported such a revision; a screen that did so before the history was kept
// (or longer ago than it is kept) has dropped it at an unknown time.

import type { AckCounts, ScreenTakedownAck } from '../../../../shared/reports/takedown-report.ts';

export interface FleetScreen {
  id: string;
  name: string;
  status: 'online' | 'offline' | 'revoked';
  listRevision: number;
  lastSeenAt: number | null;
}

/** Revoked screens no longer show anything to anyone: they are not waited for. */
const activeScreens = (screens: readonly FleetScreen[]) => screens.filter((s): s is FleetScreen & { status: 'online' | 'offline' } => s.status !== 'revoked');

export function ackCounts(screens: readonly FleetScreen[], takedownRevision: number): AckCounts {
  const active = activeScreens(screens);
  const acked = active.filter((s) => s.listRevision >= takedownRevision).length;
  return { total: active.length, acked, pending: active.length - acked };
}

/** Pending screens first (offline before online: those need a technician), then acked ones in the order they acked. */
export function screenTakedownAcks(screens: readonly FleetScreen[], takedownRevision: number, ackTimes: ReadonlyMap<string, number>): ScreenTakedownAck[] {
  const rows = activeScreens(screens).map((s): ScreenTakedownAck => {
    const acked = s.listRevision >= takedownRevision;
    return { screenId: s.id, name: s.name, status: s.status, listRevision: s.listRevision, lastSeenAt: s.lastSeenAt, acked, ackedAt: acked ? (ackTimes.get(s.id) ?? null) : null };
  });
  const rank = (r: ScreenTakedownAck) => (r.acked ? 2 : r.status === 'offline' ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || (a.ackedAt ?? 0) - (b.ackedAt ?? 0) || a.name.localeCompare(b.name, 'zh-CN') || a.screenId.localeCompare(b.screenId));
}
