// The state as the screen renders it: each list item with the entries of its set that have arrived.
// Pure, so what a half-loaded list shows is decided in one place.
import type { DisplayItem, DisplayListItem, DisplayState, ServedDisplayItem, ServedDisplayState } from '../../../../shared/display/display-state.ts';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';

/** The entries of a set fetched so far, in order; complete once every page is in. */
export interface LoadedEntrySet {
  entries: PublicEntry[];
  complete: boolean;
}

/** Items as shown, and for each list item the set its entries came from. */
export interface ShownTimeline {
  items: DisplayItem[];
  sources: ReadonlyMap<string, string>;
}

export const NOTHING_SHOWN: ShownTimeline = { items: [], sources: new Map() };

type ListShown = { item: DisplayListItem; source: string | null };

function listItemShown(item: Extract<ServedDisplayItem, { kind: 'list' }>, loaded: ReadonlyMap<string, LoadedEntrySet>, before: ShownTimeline): ListShown {
  const { entrySet, ...rest } = item;
  if (entrySet === null) return { item: { ...rest, entries: [] }, source: null };
  const total = entrySet.pages.reduce((sum, count) => sum + count, 0);
  const fresh = loaded.get(entrySet.id);
  if (fresh?.complete) return { item: { ...rest, entries: fresh.entries }, source: entrySet.id };
  // A list already on screen keeps the rows of its previous set until the new one is all in (a
  // withdrawal or an expiry stays up that long, about a second at 100,000 entries): a set still
  // arriving would blank the rows below its first pages. A list new to the screen shows its first
  // pages as they come, sized for the whole of it.
  const previous = before.items.find((shown): shown is DisplayListItem => shown.kind === 'list' && shown.id === item.id);
  const previousSource = before.sources.get(item.id);
  if (previous !== undefined && previousSource !== undefined && previousSource !== entrySet.id) {
    return { item: { ...rest, entries: previous.entries, ...(previous.entryTotal !== undefined ? { entryTotal: previous.entryTotal } : {}) }, source: previousSource };
  }
  return { item: { ...rest, entries: fresh?.entries ?? [], entryTotal: total }, source: entrySet.id };
}

/**
 * The served timeline with its lists' entries: the loaded ones, or, while a list's new set is
 * still arriving, what that list item showed before (`before`, the timeline last shown).
 */
export function timelineShown(timeline: readonly ServedDisplayItem[], loaded: ReadonlyMap<string, LoadedEntrySet>, before: ShownTimeline): ShownTimeline {
  const sources = new Map<string, string>();
  const items = timeline.map((item): DisplayItem => {
    if (item.kind !== 'list') return item;
    const shown = listItemShown(item, loaded, before);
    if (shown.source !== null) sources.set(item.id, shown.source);
    return shown.item;
  });
  return { items, sources };
}

export function stateShown(state: ServedDisplayState, timeline: DisplayItem[]): DisplayState {
  return state.mode === 'playing' ? { ...state, timeline } : state;
}
