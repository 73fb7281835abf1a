// Fetches the entries of the lists a state names, one page at a time: the first page of every set
// before the rest, so each list paints its first rows without waiting for the whole of it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { DISPLAY_CORE_NOW_HEADER, entrySetPagePath, type DisplayEntrySet, type DisplayState, type ServedDisplayState } from '../../../../shared/display/display-state.ts';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { askCore, takeEarlyFirstPage } from './early-requests.ts';
import { parseEntryPage } from './parse-entry-page.ts';
import { NOTHING_SHOWN, stateShown, timelineShown, type LoadedEntrySet, type ShownTimeline } from './shown-state.ts';

/** After a failed page the next try waits this long; a new state (its own sets) tries at once. */
const RETRY_DELAY_MS = 5_000;
/**
 * For this long after the page starts, the first state is held back until its lists' first pages
 * are in, so the screen's first paint has rows instead of painting empty tables and then again (and
 * the App paints no fallback slide meanwhile): a core that does not answer holds the screen no longer.
 */
const FIRST_PAINT_WAIT_MS = 1_000;

/** True for the first FIRST_PAINT_WAIT_MS after the component mounts. */
export function useFirstPaintWait(): boolean {
  const [waiting, setWaiting] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setWaiting(false), FIRST_PAINT_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  return waiting;
}

/** Resolves once the page has painted a frame: a page's parse must not hold back the frame before it. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

interface Progress {
  entries: PublicEntry[];
  /** pages in so far */
  pages: number;
  set: DisplayEntrySet;
}

class EntrySetFetchError extends Error {
  readonly code = 'entry-set-page-unavailable';
}

function setsNamedBy(state: ServedDisplayState | null): DisplayEntrySet[] {
  const sets = new Map<string, DisplayEntrySet>();
  for (const item of state?.mode === 'playing' ? state.timeline : []) {
    if (item.kind === 'list' && item.entrySet !== null) sets.set(item.entrySet.id, item.entrySet);
  }
  return [...sets.values()];
}

async function fetchPage(token: string, setId: string, page: number): Promise<PublicEntry[]> {
  const early = page === 0 ? takeEarlyFirstPage(setId) : null;
  const answer = await (early ?? askCore(entrySetPagePath(setId, page), token, {}, DISPLAY_CORE_NOW_HEADER));
  // 404: the core has moved on to another set; the state that names it is on its way.
  if (answer.status !== 200) throw new EntrySetFetchError(`entry set page: HTTP ${answer.status}`);
  const entries = parseEntryPage(answer.body);
  if (entries === null) throw new EntrySetFetchError('entry set page malformed');
  return entries;
}

/** The state with its lists' entries as far as they have arrived (see shown-state.ts). */
export function useShownState(token: string, served: ServedDisplayState | null): DisplayState | null {
  const progress = useRef(new Map<string, Progress>());
  const [version, setVersion] = useState(0);
  const sets = setsNamedBy(served);
  const setsKey = sets.map((set) => set.id).join(' ');
  const setsRef = useRef(sets);
  setsRef.current = sets;

  useEffect(() => {
    let disposed = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const wanted = setsRef.current;
    // Sets no state names any more are let go; what they showed lives on in the items shown.
    for (const id of progress.current.keys()) if (!wanted.some((set) => set.id === id)) progress.current.delete(id);
    for (const set of wanted) if (!progress.current.has(set.id)) progress.current.set(set.id, { entries: [], pages: 0, set });

    async function fetchUpTo(pages: (set: DisplayEntrySet) => number): Promise<void> {
      for (const set of wanted) {
        const p = progress.current.get(set.id);
        while (p !== undefined && p.pages < pages(set)) {
          if (p.pages > 0) await afterNextPaint();
          if (disposed) return;
          const entries = await fetchPage(token, set.id, p.pages);
          if (disposed) return;
          p.entries = p.entries.concat(entries);
          p.pages += 1;
          // The screen re-renders when a set's first page is in and when all of it is: between
          // the two its first page covers the first minutes of scrolling, and every render
          // re-filters the whole list for expiry.
          if (p.pages === 1 || p.pages === set.pages.length) setVersion((v) => v + 1);
        }
      }
    }
    async function run(): Promise<void> {
      try {
        // One request at a time: first pages of every set, then the rest in order.
        await fetchUpTo(() => 1);
        if (!disposed) await fetchUpTo((set) => set.pages.length);
      } catch {
        if (!disposed) retryTimer = setTimeout(() => void run(), RETRY_DELAY_MS);
      }
    }
    void run();
    return () => {
      disposed = true;
      clearTimeout(retryTimer);
    };
  }, [token, setsKey]);

  const loaded = useMemo(() => {
    const byId = new Map<string, LoadedEntrySet>();
    for (const [id, p] of progress.current) byId.set(id, { entries: p.entries, complete: p.pages >= p.set.pages.length });
    return byId;
    // version: a page arrived; setsKey: the sets changed
  }, [version, setsKey]);

  // Until something has been shown: whether the first state may be shown before its first pages.
  const firstPaintWait = useFirstPaintWait();
  const shownOnce = useRef(false);
  const firstPagesIn = sets.every((set) => (progress.current.get(set.id)?.pages ?? 0) > 0);

  const shownBefore = useRef<ShownTimeline>(NOTHING_SHOWN);
  const timeline = served?.mode === 'playing' ? served.timeline : null;
  const shownTimeline = useMemo(() => {
    if (timeline === null) return [];
    const shown = timelineShown(timeline, loaded, shownBefore.current);
    shownBefore.current = shown;
    return shown.items;
  }, [timeline, loaded]);
  const shown = useMemo(() => (served === null ? null : stateShown(served, shownTimeline)), [served, shownTimeline]);
  if (!shownOnce.current && !firstPagesIn && firstPaintWait) return null;
  if (shown !== null) shownOnce.current = true;
  return shown;
}
