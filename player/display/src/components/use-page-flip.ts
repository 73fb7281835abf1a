// Turns a paged list's pages every secondsPerPage, looping, and remembers where each list got to between appearances.
import { useEffect, useRef, useState } from 'react';

/** How long the outgoing page stays mounted while it fades out: covers the turn's animations in rolling-list.css. */
export const PAGE_TURN_MS = 700;
// One record per list item this screen has shown; bounded so a kiosk running for months cannot grow it.
const MAX_REMEMBERED_LISTS = 200;

interface Shown {
  page: number;
  /** performance.now() from which the page's time counts */
  since: number;
  /** performance.now() when the list left the screen; undefined while it is on it */
  until?: number;
}

const shownByItem = new Map<string, Shown>();

function remember(itemId: string, shown: Shown): void {
  shownByItem.delete(itemId);
  shownByItem.set(itemId, shown);
  if (shownByItem.size > MAX_REMEMBERED_LISTS) {
    const oldest = shownByItem.keys().next().value;
    if (oldest !== undefined) shownByItem.delete(oldest);
  }
}

/**
 * Where a list starts: on the page it was showing, with the time that page had left (but at least
 * half a page's time, so it is not a flash). A list with more pages than its time slot thus goes
 * on through its pages instead of showing its first ones every time; and the copy of a scene that
 * fades out (mounted while the list is still on screen) keeps the very page that was showing.
 */
function resumeOf(itemId: string, periodMs: number): Shown {
  const now = performance.now();
  const saved = shownByItem.get(itemId);
  if (!saved) return { page: 0, since: now };
  const elapsed = (saved.until ?? now) - saved.since;
  return { page: saved.page, since: now - Math.min(elapsed, periodMs / 2) };
}

export interface PageFlip {
  /** 0-based page on screen */
  page: number;
  /** the page fading out, during a turn */
  previous: number | null;
}

/** `pageCount` null: not known yet (the space is not measured), so nothing turns and nothing is recorded. */
export function usePageFlip(itemId: string, pageCount: number | null, secondsPerPage: number): PageFlip {
  const periodMs = secondsPerPage * 1000;
  const shown = useRef<Shown | null>(null);
  if (shown.current === null) {
    shown.current = resumeOf(itemId, periodMs);
    remember(itemId, shown.current);
  }
  const [flip, setFlip] = useState<PageFlip>(() => ({ page: shown.current?.page ?? 0, previous: null }));
  // Entries expiring (or a resize) can leave fewer pages than the one on screen.
  const count = pageCount ?? Infinity;
  const page = flip.page < count ? flip.page : 0;
  const previous = flip.previous !== null && flip.previous < count && flip.previous !== page ? flip.previous : null;
  if (pageCount !== null && shown.current.page !== page) {
    // Recorded as it happens (not when the list unmounts), so a copy mounted meanwhile sees it.
    shown.current = { page, since: performance.now() };
    remember(itemId, shown.current);
  }
  const since = shown.current.since;

  useEffect(() => {
    if (pageCount === null || pageCount <= 1) return;
    const timer = setTimeout(() => setFlip({ page: (page + 1) % pageCount, previous: page }), Math.max(0, since + periodMs - performance.now()));
    return () => clearTimeout(timer);
  }, [page, since, pageCount, periodMs]);

  useEffect(() => {
    if (previous === null) return;
    const timer = setTimeout(() => setFlip((now) => ({ page: now.page, previous: null })), PAGE_TURN_MS);
    return () => clearTimeout(timer);
  }, [previous]);

  useEffect(
    () => () => {
      // Only if no later copy of this list has taken over the record since.
      if (shown.current && shownByItem.get(itemId) === shown.current) shown.current.until = performance.now();
    },
    [itemId],
  );

  return { page, previous };
}
