// Measures whether a list's rows overflow their window and, if so, how long one seamless scroll cycle lasts.
import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Scroll speed as a share of the screen height per second: about 43 px/s at 1080 lines, so a
 * row stays readable for well over ten seconds as it crosses the screen.
 */
const SCROLL_SPEED_VIEWPORT_PER_S = 0.04;

export interface RollingScroll {
  rolling: boolean;
  /** one copy of the rows, in px; the track holds two copies when rolling */
  cycleHeight: number;
  durationS: number;
}

const STILL: RollingScroll = { rolling: false, cycleHeight: 0, durationS: 0 };

/**
 * `pxPerSecond`: the list view's own speed (an operator's 'scroll' motion); absent, the display's
 * default above.
 */
export function useRollingScroll(
  viewportRef: RefObject<HTMLElement | null>,
  copyRef: RefObject<HTMLElement | null>,
  contentKey: string,
  pxPerSecond?: number,
): RollingScroll {
  const [scroll, setScroll] = useState<RollingScroll>(STILL);

  useLayoutEffect(() => {
    const viewport = viewportRef.current;
    const copy = copyRef.current;
    if (!viewport || !copy) return;
    const measure = (): void => {
      const cycleHeight = copy.offsetHeight;
      const rolling = cycleHeight > viewport.clientHeight + 1;
      const speed = Math.max(1, pxPerSecond ?? window.innerHeight * SCROLL_SPEED_VIEWPORT_PER_S);
      const next = rolling ? { rolling, cycleHeight, durationS: cycleHeight / speed } : STILL;
      setScroll((prev) =>
        prev.rolling === next.rolling && Math.abs(prev.cycleHeight - next.cycleHeight) < 1 && Math.abs(prev.durationS - next.durationS) < 0.01 ? prev : next,
      );
    };
    measure();
    // Fonts arriving late and window resizes both change row heights.
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    observer.observe(copy);
    return () => observer.disconnect();
  }, [viewportRef, copyRef, contentKey, pxPerSecond]);

  return scroll;
}
