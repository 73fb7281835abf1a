// Remembers how far each marquee's loop got, so a list longer than its time slot carries on where it left off next time instead of replaying its first rows.
import { useEffect, useRef, type CSSProperties } from 'react';
import { RecentMemory } from '../state/recent-memory.ts';

export interface RollingScroll {
  rolling: boolean;
  /** one copy of the content, in px; the track holds two copies when rolling */
  cycleHeight: number;
  durationS: number;
}

/** The first time a list is seen, its first rows stay still long enough to be read. */
const FIRST_PAUSE_S = 2;
// One number per list item this screen has shown.
const cycleFractionByItem = new RecentMemory<number>(200);

interface Run {
  key: string;
  startedAt: number;
  delayS: number;
  durationS: number;
}

function saveRun(itemId: string, run: Run | null): void {
  if (!run || run.durationS <= 0) return;
  const activeS = (performance.now() - run.startedAt) / 1000 - run.delayS;
  if (activeS <= 0) return;
  cycleFractionByItem.set(itemId, (activeS / run.durationS) % 1);
}

/**
 * The style for the rolling track. A new run starts (and the old one is saved) in render, not in
 * an effect, because the track remounts in that same render when the rows change: an entry that
 * expires mid-scroll must not send the whole list back to its top.
 */
export function useRollResume(itemId: string, contentKey: string, scroll: RollingScroll): CSSProperties | undefined {
  const run = useRef<Run | null>(null);
  const key = `${itemId}\n${contentKey}`;
  if (!scroll.rolling) {
    saveRun(itemId, run.current);
    run.current = null;
  } else if (run.current?.key !== key) {
    saveRun(itemId, run.current);
    const fraction = cycleFractionByItem.get(itemId);
    run.current = {
      key,
      startedAt: performance.now(),
      delayS: fraction === undefined ? FIRST_PAUSE_S : -fraction * scroll.durationS,
      durationS: scroll.durationS,
    };
  } else {
    run.current.durationS = scroll.durationS;
  }

  useEffect(() => () => saveRun(itemId, run.current), [itemId]);

  return run.current ? { animationDuration: `${scroll.durationS}s`, animationDelay: `${run.current.delayS}s` } : undefined;
}
