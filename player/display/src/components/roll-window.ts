// Which rows of a scrolling list are in the DOM: pure arithmetic over fixed-height slots. A list of
// N entries is a loop of N + 1 slots, the last one a blank gap that marks where the list starts
// again. Only three legs' worth of slots are rendered, so 100,000 entries cost what three
// screenfuls cost.

export interface RollWindowInput {
  entryCount: number;
  viewportHeight: number;
  rowHeight: number;
}

export interface RollWindow {
  /** whether the rows overflow the viewport and so scroll */
  rolling: boolean;
  /** entries and the gap */
  slotCount: number;
  /** rows the viewport shows at once, the last one possibly in part */
  visibleRows: number;
  /** slots one leg of the scroll moves by: a screenful, so the DOM changes about once per screen */
  stepRows: number;
  /**
   * slots rendered: the leg in view, the one that comes into view during it, and the one after, each
   * a chunk (a layer of its own, so a chunk that moves up a leg is not painted again; EntryTable)
   */
  windowRows: number;
}

export function rollWindow({ entryCount, viewportHeight, rowHeight }: RollWindowInput): RollWindow {
  const height = Math.max(1, rowHeight);
  const visibleRows = Math.max(1, Math.ceil(viewportHeight / height));
  const rolling = entryCount * height > viewportHeight + 1;
  const slotCount = entryCount + 1;
  const stepRows = rolling ? Math.min(visibleRows, slotCount) : 0;
  return { rolling, slotCount, visibleRows, stepRows, windowRows: rolling ? stepRows * 3 : entryCount };
}

export interface WindowSlot {
  /** the entry's index, or null for the gap */
  entryIndex: number | null;
  /** unique among the window's slots, stable while the slot stays in the window */
  key: string;
  /** a second appearance of an entry already in the window (a list barely longer than the screen) */
  echo: boolean;
}

/** The slots from `start` on, wrapping around the loop. */
export function windowSlots(start: number, windowRows: number, entryCount: number): WindowSlot[] {
  const slotCount = entryCount + 1;
  const first = ((Math.floor(start) % slotCount) + slotCount) % slotCount;
  const seen = new Set<number>();
  const slots: WindowSlot[] = [];
  for (let i = 0; i < windowRows; i++) {
    const absolute = first + i;
    const slot = absolute % slotCount;
    // The lap number keeps keys unique when the window wraps past the gap.
    const lap = Math.floor(absolute / slotCount);
    if (slot === entryCount) {
      slots.push({ entryIndex: null, key: `gap:${lap}`, echo: false });
      continue;
    }
    slots.push({ entryIndex: slot, key: `${lap}:${slot}`, echo: seen.has(slot) });
    seen.add(slot);
  }
  return slots;
}

/** The window's slots in chunks of a leg each. */
export function legChunks(slots: readonly WindowSlot[], stepRows: number): WindowSlot[][] {
  const chunks: WindowSlot[][] = [];
  for (let i = 0; i < slots.length; i += Math.max(1, stepRows)) chunks.push(slots.slice(i, i + Math.max(1, stepRows)));
  return chunks;
}

/** The slot a leg after this one starts at. */
export function nextStart(start: number, stepRows: number, slotCount: number): number {
  return (start + stepRows) % Math.max(1, slotCount);
}

/**
 * One leg of a marquee, from its slots' left edges on the track: the first slot that starts at or
 * beyond the strip's width is moved to the strip's left edge. Null when the rendered slots could
 * not keep the strip covered to the end of that leg: render more of them.
 */
export function marqueeLeg(slotLefts: readonly number[], trackWidth: number, stripWidth: number): { step: number; distancePx: number } | null {
  for (let i = 1; i < slotLefts.length; i++) {
    const left = slotLefts[i] ?? 0;
    if (left >= stripWidth) return trackWidth - left >= stripWidth ? { step: i, distancePx: left } : null;
  }
  return null;
}

/**
 * A screen shows at most this many positions a second: a step size that gives more is drawn as
 * uneven jumps anyway, at the cost of a compositor draw per position (a 4K frame in software is
 * several times a 1080p one).
 */
const MAX_STEPS_PER_SECOND = 60;

/**
 * How many whole-pixel steps a leg of `distancePx` moves in: steps of the fewest pixels that keep
 * to MAX_STEPS_PER_SECOND at this speed and divide the leg exactly, so every position is a whole
 * pixel (a fraction of a pixel resamples every row: blurred text, and more work per frame).
 */
export function legSteps(distancePx: number, pxPerSecond: number): number {
  const distance = Math.max(1, Math.round(distancePx));
  for (let stepPx = Math.max(1, Math.ceil(pxPerSecond / MAX_STEPS_PER_SECOND)); stepPx > 1; stepPx--) {
    if (distance % stepPx === 0) return distance / stepPx;
  }
  return distance;
}
