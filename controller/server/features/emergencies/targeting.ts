// Which screens an emergency's target covers. Pure: the hub and the service decide with it.

import type { EmergencyTarget } from '../../../../shared/protocol/emergency.ts';

/** A screen is covered by 'all', or when it is in any of the target's groups. */
export function targetCoversScreen(target: EmergencyTarget, screenGroupIds: readonly string[]): boolean {
  if (target === 'all') return true;
  return target.groupIds.some((id) => screenGroupIds.includes(id));
}

/** The screens a target covers, from each screen's groups; order follows the input. */
export function screensCoveredBy(target: EmergencyTarget, screens: ReadonlyArray<{ id: string; groupIds: readonly string[] }>): string[] {
  return screens.filter((screen) => targetCoversScreen(target, screen.groupIds)).map((screen) => screen.id);
}

/** The group ids a target names, or null for 'all'. */
export function targetGroupIds(target: EmergencyTarget): string[] | null {
  return target === 'all' ? null : [...target.groupIds];
}
