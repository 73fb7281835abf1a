// The entries of a list that may be on screen now by the core's clock; re-renders the moment one expires.
import { useEffect, useState } from 'react';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { showableEntries } from '../../../../shared/lists/validity.ts';
import { useCoreClock } from './core-clock.ts';

// setTimeout overflows (and fires at once) beyond a signed 32-bit delay.
const MAX_TIMER_DELAY_MS = 2_147_483_647;

export function useShowableEntries(entries: readonly PublicEntry[]): PublicEntry[] {
  const clock = useCoreClock();
  const [expiryTick, setExpiryTick] = useState(0);
  // Filtering at render time with the live clock means even an unrelated re-render cannot show a stale entry.
  const visible = showableEntries(entries, clock.now());
  const nextExpiry = visible.reduce((earliest, entry) => Math.min(earliest, entry.expiresAt), Infinity);

  useEffect(() => {
    if (!Number.isFinite(nextExpiry)) return;
    const delay = Math.min(MAX_TIMER_DELAY_MS, Math.max(0, nextExpiry - clock.now() + 1));
    const timer = setTimeout(() => setExpiryTick((tick) => tick + 1), delay);
    return () => clearTimeout(timer);
    // expiryTick re-arms the timer if it fired a hair before the entry's expiry.
  }, [nextExpiry, clock, expiryTick]);

  return visible;
}
