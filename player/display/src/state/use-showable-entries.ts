// The entries of a list that may be on screen now by the core's clock; re-renders the moment one expires.
import { useEffect, useRef, useState } from 'react';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { showableEntries } from '../../../../shared/lists/validity.ts';
import { useCoreClock } from './core-clock.ts';

// setTimeout overflows (and fires at once) beyond a signed 32-bit delay.
const MAX_TIMER_DELAY_MS = 2_147_483_647;

export function useShowableEntries(entries: readonly PublicEntry[]): PublicEntry[] {
  const clock = useCoreClock();
  const [expiryTick, setExpiryTick] = useState(0);
  // Checked at render time with the live clock, so even an unrelated re-render cannot show a stale
  // entry; filtered again only when the list changed or its next expiry has passed, so a render of
  // a 100,000-entry list costs nothing and keeps the same array for what depends on it.
  const kept = useRef<{ entries: readonly PublicEntry[]; visible: PublicEntry[]; nextExpiry: number } | null>(null);
  const now = clock.now();
  if (kept.current?.entries !== entries || now >= kept.current.nextExpiry) {
    const filtered = showableEntries(entries, now);
    kept.current = { entries, visible: filtered, nextExpiry: filtered.reduce((earliest, entry) => Math.min(earliest, entry.expiresAt), Infinity) };
  }
  const { visible, nextExpiry } = kept.current;

  useEffect(() => {
    if (!Number.isFinite(nextExpiry)) return;
    const delay = Math.min(MAX_TIMER_DELAY_MS, Math.max(0, nextExpiry - clock.now() + 1));
    const timer = setTimeout(() => setExpiryTick((tick) => tick + 1), delay);
    return () => clearTimeout(timer);
    // expiryTick re-arms the timer if it fired a hair before the entry's expiry.
  }, [nextExpiry, clock, expiryTick]);

  return visible;
}
