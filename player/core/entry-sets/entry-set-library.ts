// The entry sets a player core serves its display: each list's showable entries in display order,
// the narrower sets of list views derived from those when first asked for, and any of their pages
// by set id. Withdrawals and expiries are applied to the sets as they stand, reading only the
// pages they touch; only new or changed entries need the sets built again from the cache.

import type { ListKind, PublicEntry } from '../../../shared/lists/list-entry.ts';
import type { ListViewOptions } from '../../../shared/protocol/manifest.ts';
import { buildEntrySet, filterEntrySet, nextExpiryOf, setEntries, withoutExpired, type EntrySet, type EntrySetPage } from './entry-set.ts';
import { entriesOfView, showableEntriesByList, viewNarrows } from './list-view-entries.ts';

/** Above this many withdrawn ids every page is read rather than searched once per id. */
const MAX_IDS_SCANNED_FOR = 32;

export type ListEntrySets = Readonly<Record<ListKind, EntrySet>>;

const viewKeyOf = (list: ListKind, view: ListViewOptions | undefined): string => JSON.stringify([list, view?.categories ?? null, view?.regions ?? null]);

export class EntrySetLibrary {
  #lists: ListEntrySets;
  /** view sets derived from the current list sets; they go when a list set changes */
  readonly #views = new Map<string, EntrySet>();

  constructor(lists: ListEntrySets) {
    this.#lists = lists;
  }

  /** Every entry read, sorted and encoded: after a sync changed the entries, or with nothing stored. */
  static fromEntries(entries: readonly PublicEntry[], nowMs: number): EntrySetLibrary {
    const byList = showableEntriesByList(entries, nowMs);
    return new EntrySetLibrary({ red: buildEntrySet(byList.red), black: buildEntrySet(byList.black) });
  }

  lists(): ListEntrySets {
    return this.#lists;
  }

  /** The entries a list view shows: its list's set, or the part of it the view narrows it to. */
  setFor(list: ListKind, view: ListViewOptions | undefined): EntrySet {
    if (!viewNarrows(view)) return this.#lists[list];
    const key = viewKeyOf(list, view);
    let set = this.#views.get(key);
    if (set === undefined) {
      set = buildEntrySet(entriesOfView(setEntries(this.#lists[list]), view));
      this.#views.set(key, set);
    }
    return set;
  }

  /** The bytes of one page of a current set, or null when no current set has that id and page. */
  page(setId: string, index: number): Buffer | null {
    for (const set of [this.#lists.red, this.#lists.black, ...this.#views.values()]) {
      if (set.id === setId) return set.pages[index]?.bytes ?? null;
    }
    return null;
  }

  /** Takes entries expired at nowMs out; true when a set changed. */
  expire(nowMs: number): boolean {
    return this.#update((set) => withoutExpired(set, nowMs));
  }

  /** Takes withdrawn entries out at once; true when a set changed. */
  withdraw(ids: readonly string[]): boolean {
    const gone = new Set(ids);
    // An id is in a page's bytes as JSON writes it: pages without any of them need no reading. A
    // long batch is not worth a scan per id.
    const needles = ids.length <= MAX_IDS_SCANNED_FOR ? ids.map((id) => Buffer.from(JSON.stringify(id), 'utf8')) : null;
    const mayHold = (page: EntrySetPage): boolean => needles === null || needles.some((needle) => page.bytes.includes(needle));
    return this.#update((set) => filterEntrySet(set, (entry) => !gone.has(entry.id), mayHold));
  }

  /** When the next entry expires; Infinity when none will. */
  nextExpiryAt(): number {
    return Math.min(nextExpiryOf(this.#lists.red), nextExpiryOf(this.#lists.black));
  }

  #update(change: (set: EntrySet) => EntrySet): boolean {
    const red = change(this.#lists.red);
    const black = change(this.#lists.black);
    if (red === this.#lists.red && black === this.#lists.black) return false;
    this.#lists = { red, black };
    this.#views.clear();
    return true;
  }
}
