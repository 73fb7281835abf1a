// How the emergency page writes a notice's title, its running time and its target. Pure.

import type { EmergencyContent } from './emergency-api.ts';

export function emergencyTitle(content: EmergencyContent): string {
  return content.kind === 'text' ? content.title : content.slide.title;
}

export function emergencyBody(content: EmergencyContent): string {
  return content.kind === 'text' ? content.body : content.slide.body;
}

/** 200000 → '3 分 20 秒' / '3 min 20 s'; hours from an hour on, seconds dropped then. */
export function formatDuration(ms: number, locale: 'zh-CN' | 'en'): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const units = locale === 'en' ? { h: ' h', m: ' min', s: ' s', gap: ' ' } : { h: ' 小时', m: ' 分', s: ' 秒', gap: ' ' };
  if (hours > 0) return `${hours}${units.h}${units.gap}${minutes}${units.m}`;
  if (minutes > 0) return `${minutes}${units.m}${units.gap}${seconds}${units.s}`;
  return `${seconds}${units.s}`;
}

/** The target's group names in the order the notice named them; a deleted group shows its id. */
export function targetGroupNames(target: 'all' | { groupIds: string[] }, groups: ReadonlyArray<{ id: string; name: string }>): string[] | null {
  if (target === 'all') return null;
  return target.groupIds.map((id) => groups.find((g) => g.id === id)?.name ?? id);
}
