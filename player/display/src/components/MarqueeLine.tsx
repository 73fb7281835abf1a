// A list's entries on one line moving left (the marquee layout): only the entries the strip can
// show through one leg of the motion are in the DOM, so a 100,000-entry list costs what a
// stripful costs. Entries have different widths, so each leg's length is measured from the DOM.
import { useLayoutEffect, useRef, useState } from 'react';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { marqueeLeg, windowSlots } from './roll-window.ts';
import { DEFAULT_EM_PER_SECOND } from './use-crawl.ts';
import { useVirtualRoll } from './use-virtual-roll.ts';

const FIRST_WINDOW_SLOTS = 16;
const MAX_WINDOW_SLOTS = 4_096;

interface Leg {
  top: number;
  step: number;
  distancePx: number;
  pxPerSecond: number;
}

export function MarqueeEntry({ entry, echo }: { entry: PublicEntry; echo: boolean }) {
  return (
    <span className="marquee-entry" data-testid={echo ? undefined : 'marquee-entry'} data-entry-id={entry.id} aria-hidden={echo || undefined}>
      <span className="marquee-entry__name">{entry.name}</span>
      <span className="marquee-entry__dot" aria-hidden="true">·</span>
      <span className="marquee-entry__code tabular">{entry.code}</span>
      {entry.category && (
        <>
          <span className="marquee-entry__dot" aria-hidden="true">·</span>
          <span className="marquee-entry__category">{entry.category}</span>
        </>
      )}
    </span>
  );
}

export function MarqueeLine({ itemId, entries, pxPerSecond }: { itemId: string; entries: readonly PublicEntry[]; pxPerSecond: number | null }) {
  const lineRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const [windowCount, setWindowCount] = useState(FIRST_WINDOW_SLOTS);
  const [leg, setLeg] = useState<Leg | null>(null);
  const [layoutTick, setLayoutTick] = useState(0);
  const top = useVirtualRoll(trackRef, {
    itemId,
    rolling: leg !== null,
    slotCount: entries.length + 1,
    step: leg?.step ?? 0,
    distancePx: leg?.distancePx ?? 0,
    pxPerSecond: leg?.pxPerSecond ?? 1,
    axis: 'x',
    measuredAt: leg?.top,
  });
  const slots = windowSlots(top, windowCount, entries.length);

  useLayoutEffect(() => {
    const line = lineRef.current;
    const track = trackRef.current;
    if (!line || !track) return;
    const lefts = Array.from(track.children, (child) => (child as HTMLElement).offsetLeft);
    const next = marqueeLeg(lefts, track.scrollWidth, line.clientWidth);
    if (!next) {
      if (windowCount < MAX_WINDOW_SLOTS) setWindowCount(windowCount * 2);
      return;
    }
    const speed = pxPerSecond ?? parseFloat(getComputedStyle(line).fontSize) * DEFAULT_EM_PER_SECOND;
    setLeg((prev) => (prev && prev.top === top && prev.step === next.step && Math.abs(prev.distancePx - next.distancePx) < 0.5 && prev.pxPerSecond === speed ? prev : { top, ...next, pxPerSecond: speed }));
  }, [top, windowCount, entries, pxPerSecond, layoutTick]);

  useLayoutEffect(() => {
    const line = lineRef.current;
    const track = trackRef.current;
    if (!line || !track) return;
    // Fonts arriving late change the entries' widths; a resize changes the strip's.
    const observer = new ResizeObserver(() => setLayoutTick((tick) => tick + 1));
    observer.observe(line);
    observer.observe(track);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="crawl marquee-list__line" ref={lineRef} data-top-slot={top}>
      <div className="crawl__track marquee-list__track" ref={trackRef} data-testid="crawl-track">
        {slots.map((slot) => {
          const entry = slot.entryIndex === null ? undefined : entries[slot.entryIndex];
          return (
            <span key={slot.key} className="marquee-list__slot">
              {entry ? <MarqueeEntry entry={entry} echo={slot.echo} /> : <span className="marquee-list__restart" aria-hidden="true" />}
              <span className="marquee-list__separator" aria-hidden="true">
                ◆
              </span>
            </span>
          );
        })}
      </div>
    </div>
  );
}
