// Which screens the board shows: each screen's condition (online, offline, stale, error), its groups, and the filters. Pure.

import { screenCondition, screenProblem, type ScreenCondition, type ScreenFacts, type ScreenProblem } from '../../../../../shared/screens/screen-condition.ts';

/** The fields of a screen the board reads (ScreenView has them all). */
export interface BoardScreen {
  id: string;
  name: string;
  deviceId: string;
  status: 'online' | 'offline' | 'revoked';
  manifestVersion: number;
  lastSeenAt: number | null;
  pairedAt: number;
  lastError: string | null;
  health: { sentAt: number; lastError: string | null; lastErrorAt: number | null; displayReportedAt: number | null } | null;
}

export const CONDITIONS: readonly ScreenCondition[] = ['online', 'stale', 'error', 'offline', 'revoked'];

export function factsOf(screen: BoardScreen): ScreenFacts {
  const beat = screen.health;
  return {
    presence: screen.status,
    manifestVersion: screen.manifestVersion,
    lastSeenAt: screen.lastSeenAt,
    pairedAt: screen.pairedAt,
    reportedError: screen.lastError,
    heartbeat: beat && { sentAt: beat.sentAt, lastError: beat.lastError, lastErrorAt: beat.lastErrorAt, displayReportedAt: beat.displayReportedAt },
  };
}

export function conditionOf(screen: BoardScreen, currentVersion: number, now: number): ScreenCondition {
  return screenCondition(factsOf(screen), currentVersion, now);
}

export function problemOf(screen: BoardScreen, currentVersion: number, now: number): ScreenProblem | null {
  return screen.status === 'online' ? screenProblem(factsOf(screen), currentVersion, now) : null;
}

/** screen id → the names of its groups, sorted */
export function groupNamesByScreen(groups: ReadonlyArray<{ name: string; screenIds: readonly string[] }> | undefined): Map<string, string[]> {
  const byScreen = new Map<string, string[]>();
  for (const group of groups ?? []) {
    for (const id of group.screenIds) byScreen.set(id, [...(byScreen.get(id) ?? []), group.name].sort());
  }
  return byScreen;
}

/** 'all' is every screen still in service; revoked screens show only when asked for. */
export interface FleetFilter {
  condition: ScreenCondition | 'all';
  groupId: string | null;
  text: string;
}

export interface FilterContext {
  currentVersion: number;
  now: number;
  /** group id → its screen ids */
  groupMembers: ReadonlyMap<string, ReadonlySet<string>>;
}

function matchesText(screen: BoardScreen, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return needle === '' || [screen.name, screen.id, screen.deviceId].some((field) => field.toLowerCase().includes(needle));
}

export function filterScreens<S extends BoardScreen>(screens: readonly S[], filter: FleetFilter, context: FilterContext): S[] {
  const members = filter.groupId === null ? null : (context.groupMembers.get(filter.groupId) ?? new Set<string>());
  return screens.filter((screen) => {
    const condition = conditionOf(screen, context.currentVersion, context.now);
    if (filter.condition === 'all' ? condition === 'revoked' : condition !== filter.condition) return false;
    if (members !== null && !members.has(screen.id)) return false;
    return matchesText(screen, filter.text);
  });
}

/** How many screens are in each condition, and 'all' for those in service. */
export function countByCondition(screens: readonly BoardScreen[], currentVersion: number, now: number): Record<ScreenCondition | 'all', number> {
  const counts: Record<ScreenCondition | 'all', number> = { all: 0, online: 0, offline: 0, stale: 0, error: 0, revoked: 0 };
  for (const screen of screens) {
    const condition = conditionOf(screen, currentVersion, now);
    counts[condition] += 1;
    if (condition !== 'revoked') counts.all += 1;
  }
  return counts;
}
