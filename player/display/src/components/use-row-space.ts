// The space a list table's rows have (measured), and the row variant and type size the scrolling
// and the paged table give them in it.
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { EntryTableVariant } from './EntryTable.tsx';
import { maxRowFontPx } from './page-geometry.ts';

export interface RowSpace {
  /** the rows' window */
  height: number;
  /** a row's width inside its padding, px */
  rowWidth: number;
  columnGap: number;
  /** the table's own font size, var(--fs-row): the legible minimum for rows */
  minFontPx: number;
  portrait: boolean;
  /** the screen's height over its width */
  aspect: number;
}

const COLUMN_GAPS: Record<EntryTableVariant, number> = { full: 4, compact: 1 };
/** The widest screen --unit is taken from the width of (base.css): 16:9. */
const WIDEST_UNIT_ASPECT = 16 / 9;

export function useRowSpace(tableRef: RefObject<HTMLElement | null>, viewportRef: RefObject<HTMLElement | null>): RowSpace | null {
  const [space, setSpace] = useState<RowSpace | null>(null);
  useLayoutEffect(() => {
    const table = tableRef.current;
    const viewport = viewportRef.current;
    const head = table?.querySelector('.entry-table__head');
    if (!table || !viewport || !head) return;
    const measure = (): void => {
      const headStyle = getComputedStyle(head);
      const next: RowSpace = {
        height: viewport.clientHeight,
        rowWidth: head.clientWidth - parseFloat(headStyle.paddingLeft) - parseFloat(headStyle.paddingRight),
        columnGap: parseFloat(headStyle.columnGap) || 0,
        minFontPx: parseFloat(getComputedStyle(table).fontSize) || 20,
        portrait: window.innerWidth < window.innerHeight,
        aspect: window.innerHeight / Math.max(1, window.innerWidth),
      };
      setSpace((prev) =>
        prev &&
        prev.portrait === next.portrait &&
        Math.abs(prev.aspect - next.aspect) < 0.01 &&
        Math.abs(prev.height - next.height) < 1 &&
        Math.abs(prev.rowWidth - next.rowWidth) < 1 &&
        Math.abs(prev.columnGap - next.columnGap) < 0.5 &&
        Math.abs(prev.minFontPx - next.minFontPx) < 0.5
          ? prev
          : next,
      );
    };
    measure();
    // The header's height changes as fonts arrive, and the ticker band can come and go.
    const observer = new ResizeObserver(measure);
    observer.observe(viewport);
    observer.observe(head);
    return () => observer.disconnect();
  }, [tableRef, viewportRef]);
  return space;
}

/**
 * On a portrait screen five columns side by side leave room only for small type, however tall the
 * rows: the compact rows (code under the name, authority under the reason) let the type grow.
 */
export function rowVariantIn(space: RowSpace | null, requested: EntryTableVariant): EntryTableVariant {
  return requested === 'compact' || space?.portrait === true ? 'compact' : 'full';
}

/** The largest row type the row's width allows for the variant (see maxRowFontPx). */
export function maxRowFontIn(space: RowSpace, variant: EntryTableVariant): number {
  return maxRowFontPx(variant, space.rowWidth - space.columnGap * COLUMN_GAPS[variant]);
}

/**
 * A scrolling table's row type. On a portrait screen --unit comes from the narrow width, so the
 * rows get what the same panel turned landscape would give them (as large again as its height is
 * to its width, up to 16:9), as far as the compact columns allow; otherwise the table's own size.
 */
export function scrollingRowFontPx(space: RowSpace, variant: EntryTableVariant): number {
  if (!space.portrait) return space.minFontPx;
  const landscape = space.minFontPx * Math.min(space.aspect, WIDEST_UNIT_ASPECT);
  return Math.max(space.minFontPx, Math.min(maxRowFontIn(space, variant), landscape));
}
