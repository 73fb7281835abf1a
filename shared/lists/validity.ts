// Whether an entry may be on a public screen at a given instant. Pure: the caller supplies now.

import type { PublicEntry } from './list-entry.ts';

export function isEntryShowable(entry: Pick<PublicEntry, 'expiresAt'>, nowMs: number): boolean {
  return nowMs < entry.expiresAt;
}

export function showableEntries<T extends Pick<PublicEntry, 'expiresAt'>>(entries: readonly T[], nowMs: number): T[] {
  return entries.filter((e) => isEntryShowable(e, nowMs));
}
