// Measures a crawling line (ticker band, marquee list): how many times its text repeats to fill the window, and how long one loop lasts.
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Crawl {
  /** how many times each of the two copies repeats the text, so one copy is at least as wide as the window */
  repeats: number;
  /** one copy's width, px; 0 until measured (the line stands still until then) */
  cycleWidth: number;
  durationS: number;
}

const UNMEASURED: Crawl = { repeats: 1, cycleWidth: 0, durationS: 0 };

/**
 * Without a speed of its own, a line moves about 1.2 characters a second (CJK characters are about
 * 1 em wide): slow enough that each name stays on a screen-wide strip for several seconds.
 */
export const DEFAULT_EM_PER_SECOND = 1.2;

/**
 * The line moves by one copy per loop and then jumps back, which is invisible because the second
 * copy stands exactly where the first began. That holds only if a copy is at least as wide as the
 * window, so a short text is repeated within each copy.
 */
export function useCrawl(
  windowRef: RefObject<HTMLElement | null>,
  unitRef: RefObject<HTMLElement | null>,
  contentKey: string,
  /** null: DEFAULT_EM_PER_SECOND at the line's font size */
  pxPerSecond: number | null,
  /**
   * the line's font size at 1920×1080 without type scaling, px: an operator's speed is meant there,
   * and scales with the type elsewhere, so a 4K screen or a far-read one reads at the same pace
   */
  referenceFontPx?: number,
): Crawl {
  const [crawl, setCrawl] = useState<Crawl>(UNMEASURED);

  useLayoutEffect(() => {
    const frame = windowRef.current;
    const unit = unitRef.current;
    if (!frame || !unit) return;
    const measure = (): void => {
      const unitWidth = unit.getBoundingClientRect().width;
      if (unitWidth < 1) return;
      const repeats = Math.max(1, Math.ceil(frame.clientWidth / unitWidth));
      const cycleWidth = unitWidth * repeats;
      const fontPx = parseFloat(getComputedStyle(frame).fontSize);
      const speed = pxPerSecond === null ? fontPx * DEFAULT_EM_PER_SECOND : referenceFontPx ? (pxPerSecond * fontPx) / referenceFontPx : pxPerSecond;
      const next = { repeats, cycleWidth, durationS: cycleWidth / Math.max(1, speed || 1) };
      setCrawl((prev) => (prev.repeats === next.repeats && Math.abs(prev.cycleWidth - next.cycleWidth) < 1 && Math.abs(prev.durationS - next.durationS) < 0.01 ? prev : next));
    };
    measure();
    // Fonts arriving late change the text's width; a resize changes the window's.
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    observer.observe(unit);
    return () => observer.disconnect();
  }, [windowRef, unitRef, contentKey, pxPerSecond, referenceFontPx]);

  return crawl;
}
