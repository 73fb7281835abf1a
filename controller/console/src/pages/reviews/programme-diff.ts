// A playlist's or schedule's pending change against the approved version. Pure.

export interface PlaylistItem {
  contentId: string;
  durationMs: number;
}

export type ItemChange = 'added' | 'removed' | 'duration' | 'moved' | 'same';

export interface PlaylistItemRow {
  contentId: string;
  change: ItemChange;
  /** 1-based positions; null where the item is absent on that side */
  beforePosition: number | null;
  afterPosition: number | null;
  beforeMs: number | null;
  afterMs: number | null;
}

/**
 * The pending items in their new order, each matched to the first unmatched approved item with the
 * same content (content may repeat), then the approved items that are gone. Without an approved
 * version everything is added.
 */
export function playlistItemRows(before: readonly PlaylistItem[] | null, after: readonly PlaylistItem[]): PlaylistItemRow[] {
  const used = new Set<number>();
  const rows: PlaylistItemRow[] = after.map((item, index) => {
    const match = (before ?? []).findIndex((old, oldIndex) => !used.has(oldIndex) && old.contentId === item.contentId);
    if (match === -1) return { contentId: item.contentId, change: 'added', beforePosition: null, afterPosition: index + 1, beforeMs: null, afterMs: item.durationMs };
    used.add(match);
    const old = before![match]!;
    const change: ItemChange = old.durationMs !== item.durationMs ? 'duration' : match !== index ? 'moved' : 'same';
    return { contentId: item.contentId, change, beforePosition: match + 1, afterPosition: index + 1, beforeMs: old.durationMs, afterMs: item.durationMs };
  });
  (before ?? []).forEach((old, index) => {
    if (!used.has(index)) rows.push({ contentId: old.contentId, change: 'removed', beforePosition: index + 1, afterPosition: null, beforeMs: old.durationMs, afterMs: null });
  });
  return rows;
}

export interface ListChange {
  added: string[];
  removed: string[];
}

/** Ids in `after` and not `before`, and the reverse, each in its own order. */
export function idListChange(before: readonly string[], after: readonly string[]): ListChange {
  return { added: after.filter((id) => !before.includes(id)), removed: before.filter((id) => !after.includes(id)) };
}

/** The keys whose values differ (compared as JSON, so arrays and windows compare by content). */
export function changedKeys<T extends object>(before: T | null, after: T, keys: ReadonlyArray<keyof T>): Array<keyof T> {
  if (before === null) return keys.filter((key) => after[key] !== undefined);
  return keys.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}
