// Drives a scrolling list's window (rows moving up, or a marquee's entries moving left): each leg
// moves the rendered slots by a screenful with a Web Animations transform, which the compositor
// runs without layout or main-thread work per frame. When a leg ends the window shifts by the same
// slots and the next leg starts where it ended: the last frame of one leg and the first of the next
// show the same pixels.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { legSteps, nextStart } from './roll-window.ts';
import { RecentMemory } from '../state/recent-memory.ts';

/** The first time a list is seen, its first rows stay still long enough to be read. */
const FIRST_PAUSE_MS = 2_000;
// Where each list item got to, so a list longer than its time slot carries on where it left off
// next time instead of replaying its first rows.
const positionByItem = new RecentMemory<Position>(200);

interface Position {
  /** the slot at the top of the window */
  slot: number;
  /** how far the current leg had got, 0–1 */
  fraction: number;
}

export interface VirtualRollInput {
  itemId: string;
  rolling: boolean;
  slotCount: number;
  /** slots one leg moves by */
  step: number;
  /** how far one leg moves the track, px: the width or height of its `step` slots */
  distancePx: number;
  pxPerSecond: number;
  /** 'y': rows moving up; 'x': a line moving left */
  axis: 'x' | 'y';
  /** the start slot `step` and `distancePx` were measured at, when they are measured from the DOM: no leg runs on a stale measure */
  measuredAt?: number | undefined;
}

/** The slot at the start of the window (top or left); the track's transform is animated directly. */
export function useVirtualRoll(trackRef: RefObject<HTMLElement | null>, { itemId, rolling, slotCount, step, distancePx, pxPerSecond, axis, measuredAt }: VirtualRollInput): number {
  const [start, setStart] = useState(() => positionByItem.get(itemId)?.slot ?? 0);
  /** a leg that ended on time: when the next one is due on the document timeline */
  const dueAt = useRef<number | null>(null);
  /** a leg interrupted part-way (new rows, a resize): how far it had got */
  const interrupted = useRef<number | null>(positionByItem.get(itemId)?.fraction ?? null);
  const top = slotCount > 0 ? start % slotCount : 0;

  useLayoutEffect(() => {
    const track = trackRef.current;
    if (!rolling || !track || distancePx <= 0 || step <= 0 || (measuredAt !== undefined && measuredAt !== top)) return;
    const durationMs = (distancePx / Math.max(1, pxPerSecond)) * 1000;
    const end = axis === 'y' ? `translate3d(0, ${-distancePx}px, 0)` : `translate3d(${-distancePx}px, 0, 0)`;
    const animation = track.animate([{ transform: 'translate3d(0, 0, 0)' }, { transform: end }], {
      duration: durationMs,
      // Whole pixels only (see legSteps): held at a fraction of a pixel, every row would be resampled.
      easing: `steps(${legSteps(distancePx, pxPerSecond)})`,
      fill: 'forwards',
    });
    const now = Number(document.timeline.currentTime ?? performance.now());
    const due = dueAt.current;
    if (due !== null && now - due < durationMs) {
      // On schedule: a leg that starts a frame late catches up rather than drifting.
      animation.startTime = due;
    } else if (interrupted.current !== null) {
      animation.currentTime = interrupted.current * durationMs;
    } else {
      animation.startTime = now + FIRST_PAUSE_MS;
    }
    dueAt.current = null;
    interrupted.current = null;
    let finished = false;
    animation.onfinish = () => {
      finished = true;
      const next = nextStart(top, step, slotCount);
      dueAt.current = Number(animation.startTime ?? now) + durationMs;
      positionByItem.set(itemId, { slot: next, fraction: 0 });
      setStart(next);
    };
    return () => {
      if (!finished) {
        const fraction = Math.min(0.999, Math.max(0, Number(animation.currentTime ?? 0) / durationMs));
        interrupted.current = fraction;
        positionByItem.set(itemId, { slot: top, fraction });
      }
      animation.onfinish = null;
      animation.cancel();
    };
  }, [trackRef, itemId, rolling, top, slotCount, step, distancePx, pxPerSecond, axis, measuredAt]);

  return top;
}
