// Which entries a list shows and in what order: the showable ones of each list, newest listing
// first, narrowed to a view's categories and regions. Pure: expiry is judged against nowMs only.

import type { ListKind, PublicEntry } from '../../../shared/lists/list-entry.ts';
import { isInRegions } from '../../../shared/lists/region.ts';
import { isEntryShowable } from '../../../shared/lists/validity.ts';
import type { ListViewOptions } from '../../../shared/protocol/manifest.ts';

// Names sort the way a Chinese reader expects (pinyin order), the same on every screen.
const nameCollator = new Intl.Collator('zh-CN');

/** Newest listing first, then by name, then by id so equal rows never swap between renders. */
export function compareEntriesForDisplay(a: PublicEntry, b: PublicEntry): number {
  if (a.listedOn !== b.listedOn) return a.listedOn < b.listedOn ? 1 : -1;
  const byName = nameCollator.compare(a.name, b.name);
  if (byName !== 0) return byName;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Showable entries of each list, sorted for display. */
export function showableEntriesByList(entries: readonly PublicEntry[], nowMs: number): Record<ListKind, PublicEntry[]> {
  const byList: Record<ListKind, PublicEntry[]> = { red: [], black: [] };
  for (const entry of entries) if (isEntryShowable(entry, nowMs)) byList[entry.list].push(entry);
  byList.red.sort(compareEntriesForDisplay);
  byList.black.sort(compareEntriesForDisplay);
  return byList;
}

/** Whether a view narrows its list at all; one that does not shows the list's own set. */
export function viewNarrows(view: ListViewOptions | undefined): boolean {
  return view?.categories !== undefined || view?.regions !== undefined;
}

/** A list view's rows: the entries of its list, narrowed to its categories and regions, in the order given. */
export function entriesOfView(entries: readonly PublicEntry[], view: ListViewOptions | undefined): PublicEntry[] {
  if (!viewNarrows(view)) return entries as PublicEntry[];
  const wanted = view?.categories === undefined ? null : new Set(view.categories);
  return entries.filter((entry) => (wanted === null || wanted.has(entry.category)) && isInRegions(entry, view?.regions));
}
