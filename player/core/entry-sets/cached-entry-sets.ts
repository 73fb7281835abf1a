// The core's entry sets kept with its cache: taken from the stored pages when there are any (a warm
// start reads, sorts and encodes no entry), built from the live entries when not, and stored again
// after every change while they still match the live entries.

import type { Logger } from 'pino';
import { LIST_KINDS, type ListKind } from '../../../shared/lists/list-entry.ts';
import type { StoredDisplayPage } from '../cache/display-page-store.ts';
import type { PlayerCache } from '../cache/player-cache.ts';
import { errorMessage } from '../errors.ts';
import { entrySetOf, storedPage, type EntrySet, type EntrySetPage } from './entry-set.ts';
import { EntrySetLibrary, type ListEntrySets } from './entry-set-library.ts';

/** The stored sets, or null when there are none or they do not add up (a damaged page, say). */
function storedSets(rows: readonly StoredDisplayPage[]): ListEntrySets | null {
  if (rows.length === 0) return null;
  const sets = {} as Record<ListKind, EntrySet>;
  for (const list of LIST_KINDS) {
    const ofList = rows.filter((row) => row.list === list);
    const pages: EntrySetPage[] = [];
    for (const [index, row] of ofList.entries()) {
      const page = storedPage(row.body, row.entries, row.minExpiresAt);
      if (row.page !== index || page.hash !== row.hash || row.setId !== ofList[0]?.setId) return null;
      pages.push(page);
    }
    const set = entrySetOf(pages);
    // A list without rows is empty: the pages of both lists are stored and deleted together.
    if (ofList.length > 0 && set.id !== ofList[0]?.setId) return null;
    sets[list] = set;
  }
  return sets;
}

function rowsOf(sets: ListEntrySets): StoredDisplayPage[] {
  return LIST_KINDS.flatMap((list) =>
    sets[list].pages.map((page, index) => ({ list, page: index, setId: sets[list].id, entries: page.count, minExpiresAt: page.minExpiresAt, hash: page.hash, body: page.bytes })),
  );
}

export class CachedEntrySets {
  readonly #cache: PlayerCache;
  readonly #logger: Logger;
  #library: EntrySetLibrary;
  /** the live entries' contentVersion the library matches */
  #matches: number;

  constructor(cache: PlayerCache, nowMs: number, logger: Logger) {
    this.#cache = cache;
    this.#logger = logger;
    this.#matches = cache.lists.contentVersion();
    const stored = storedSets(cache.displayPages.load());
    if (stored === null) {
      this.#library = EntrySetLibrary.fromEntries(cache.lists.liveEntries(), nowMs);
      this.#store();
    } else {
      this.#library = new EntrySetLibrary(stored);
      this.expire(nowMs);
    }
  }

  get library(): EntrySetLibrary {
    return this.#library;
  }

  /** After a sync applied: the sets built again if the live entries changed. True when they were. */
  refresh(nowMs: number): boolean {
    const version = this.#cache.lists.contentVersion();
    if (version === this.#matches) return false;
    this.#library = EntrySetLibrary.fromEntries(this.#cache.lists.liveEntries(), nowMs);
    this.#matches = version;
    this.#store();
    return true;
  }

  /** Entries just taken off the live list (a takedown, or tombstones pulled mid-sync). True when a set changed. */
  withdraw(ids: readonly string[]): boolean {
    const changed = this.#library.withdraw(ids);
    // The sets match again if this withdrawal is the one change since they last did.
    if (this.#cache.lists.contentVersion() === this.#matches + 1) this.#matches += 1;
    if (changed) this.#store();
    return changed;
  }

  /** Entries expired at nowMs taken out; true when a set changed. */
  expire(nowMs: number): boolean {
    if (this.#library.nextExpiryAt() > nowMs) return false;
    const changed = this.#library.expire(nowMs);
    if (changed) this.#store();
    return changed;
  }

  #store(): void {
    // Sets that no longer match the live entries wait for the rebuild a change brings; the cache
    // keeps none meanwhile (the change deleted them), and a restart builds afresh.
    if (this.#matches !== this.#cache.lists.contentVersion()) return;
    try {
      this.#cache.displayPages.replace(rowsOf(this.#library.lists()));
    } catch (error) {
      // Only a faster start is lost: the next one builds the sets from the entries.
      this.#logger.warn({ err: errorMessage(error) }, 'could not store the display entry pages');
    }
  }
}
