// Test helpers for the display's entry sets: a resolved state (list items carrying their entries,
// as the tests write them) served the way a core serves it, and a served state read back into one.

import { buildDisplayState, type DisplayStateInput } from '../../player/core/display-state-builder.ts';
import { buildEntrySet, type EntrySet } from '../../player/core/entry-sets/entry-set.ts';
import { EntrySetLibrary } from '../../player/core/entry-sets/entry-set-library.ts';
import { entrySetPagePath, type DisplayItem, type DisplayState, type ServedDisplayItem, type ServedDisplayState } from '../../shared/display/display-state.ts';
import { decodeEntryPage } from '../../shared/display/entry-page.ts';
import type { PublicEntry } from '../../shared/lists/list-entry.ts';

/** The entries of one served page's bytes (the tests trust their own core). */
export function entriesOfPage(bytes: Uint8Array | string): PublicEntry[] {
  const entries = decodeEntryPage(JSON.parse(typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes)));
  if (entries === null) throw new Error('an entry set page did not decode');
  return entries as unknown as PublicEntry[];
}

type PageBytes = Uint8Array | string | null;
type PageReader = (setId: string, page: number) => Promise<PageBytes> | PageBytes;

/** A served state with every list item's entries read through `pageOf`, which has them at hand. */
export function resolvedWith(state: ServedDisplayState, pageOf: (setId: string, page: number) => PageBytes): DisplayState {
  if (state.mode !== 'playing') return state;
  const timeline = state.timeline.map((item): DisplayItem => {
    if (item.kind !== 'list') return item;
    const { entrySet, ...rest } = item;
    const entries = (entrySet?.pages ?? []).flatMap((_, page) => {
      const bytes = pageOf(entrySet?.id ?? '', page);
      if (bytes === null) throw new Error(`entry set ${entrySet?.id} has no page ${page}`);
      return entriesOfPage(bytes);
    });
    return { ...rest, entries };
  });
  return { ...state, timeline };
}

class MissingPageError extends Error {}

/** A served state with every list item's entries fetched through `readPage`. */
export async function resolveServedState(state: ServedDisplayState, readPage: PageReader): Promise<DisplayState> {
  const fetched = new Map<string, PageBytes>();
  for (const item of state.mode === 'playing' ? state.timeline : []) {
    if (item.kind !== 'list' || item.entrySet === null) continue;
    for (let page = 0; page < item.entrySet.pages.length; page++) {
      const bytes = await readPage(item.entrySet.id, page);
      if (bytes === null) throw new MissingPageError(`entry set ${item.entrySet.id} has no page ${page}`);
      fetched.set(`${item.entrySet.id}/${page}`, bytes);
    }
  }
  return resolvedWith(state, (setId, page) => fetched.get(`${setId}/${page}`) ?? null);
}

/**
 * What the display at `displayUrl` (with its token) would show, its lists' entries fetched. A set
 * the core replaced between the state and its pages (a withdrawal, say) means asking again.
 */
export async function fetchDisplayState(displayUrl: string): Promise<DisplayState> {
  const url = new URL(displayUrl);
  const token = url.searchParams.get('token') ?? '';
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${url.origin}/api/state?token=${encodeURIComponent(token)}`);
    if (!response.ok) throw new Error(`display state: HTTP ${response.status}`);
    try {
      return await resolveServedState((await response.json()) as ServedDisplayState, pageReaderOver(url.origin, token));
    } catch (error) {
      if (!(error instanceof MissingPageError) || attempt >= 5) throw error;
    }
  }
}

/** What a display server at `origin` answers for a set's page, with the display's token. */
export function pageReaderOver(origin: string, token: string): PageReader {
  return async (setId, page) => {
    const response = await fetch(`${origin}${entrySetPagePath(setId, page)}?token=${encodeURIComponent(token)}`);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  };
}

export interface ServedDisplay {
  getState: () => ServedDisplayState;
  entryPage: (setId: string, page: number) => Uint8Array | null;
}

/**
 * A display server's state and pages for a test's resolved state: every list's entries served as
 * given (in that order, expired ones included, so the page's own checks are what is tested). Sets
 * are built once per entries array.
 */
export function servedDisplay(getState: () => DisplayState): ServedDisplay {
  const setsByEntries = new WeakMap<readonly PublicEntry[], EntrySet>();
  const setsById = new Map<string, EntrySet>();
  const setOf = (entries: readonly PublicEntry[]): EntrySet => {
    let set = setsByEntries.get(entries);
    if (set === undefined) {
      set = buildEntrySet(entries);
      setsByEntries.set(entries, set);
      setsById.set(set.id, set);
    }
    return set;
  };
  const served = (item: DisplayItem): ServedDisplayItem => {
    if (item.kind !== 'list') return item;
    const { entries, entryTotal: _total, ...rest } = item;
    if (item.stale === true) return { ...rest, entrySet: null };
    const set = setOf(entries);
    return { ...rest, entrySet: { id: set.id, pages: set.pages.map((page) => page.count) } };
  };
  return {
    getState: () => {
      const state = getState();
      return state.mode === 'playing' ? { ...state, timeline: state.timeline.map(served) } : state;
    },
    entryPage: (setId, page) => setsById.get(setId)?.pages[page]?.bytes ?? null,
  };
}

/** A display-state builder's input with the entries a core would hold instead of its entry sets. */
export type InputWithEntries = Omit<DisplayStateInput, 'entrySets'> & { entries: readonly PublicEntry[] };

/** What the builder makes of a core holding exactly these entries, read back with every list's entries. */
export function buildWithEntries(input: InputWithEntries): DisplayState {
  const { entries, ...rest } = input;
  const library = EntrySetLibrary.fromEntries(entries, input.nowMs);
  return resolvedWith(buildDisplayState({ ...rest, entrySets: library }), (setId, page) => library.page(setId, page));
}
