// Per publish: how many screens have reached it, and why the others have not. Pure: callers pass the screens and `now`.

import { BEHIND_KINDS, type BehindKind, type BehindScreen, type Convergence } from '../../../../shared/screens/publish-convergence.ts';
import { behindReason, type ScreenFacts } from '../../../../shared/screens/screen-condition.ts';

/** A paired screen as convergence reads it. */
export interface FleetScreen {
  id: string;
  name: string;
  facts: ScreenFacts;
}

export interface PublishedVersion {
  version: number;
  createdAt: number;
}

const active = (screens: readonly FleetScreen[]) => screens.filter((s) => s.facts.presence !== 'revoked');

/** Screens below `published.version`, the ones needing a technician first (errors, then offline), then by name. */
export function behindScreens(screens: readonly FleetScreen[], published: PublishedVersion, now: number): BehindScreen[] {
  const behind = active(screens)
    .filter((s) => s.facts.manifestVersion < published.version)
    .map((s) => ({ screenId: s.id, name: s.name, manifestVersion: s.facts.manifestVersion, lastSeenAt: s.facts.lastSeenAt, reason: behindReason(s.facts, published.version, published.createdAt, now) }));
  const rank = (b: BehindScreen) => BEHIND_KINDS.indexOf(b.reason.kind);
  return behind.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN') || a.screenId.localeCompare(b.screenId));
}

export function convergenceOf(screens: readonly FleetScreen[], published: PublishedVersion, now: number): Convergence {
  const total = active(screens).length;
  const behindByReason: Record<BehindKind, number> = { error: 0, offline: 0, 'never-connected': 0, updating: 0 };
  const behind = behindScreens(screens, published, now);
  for (const screen of behind) behindByReason[screen.reason.kind] += 1;
  return { reached: total - behind.length, total, behindByReason };
}
