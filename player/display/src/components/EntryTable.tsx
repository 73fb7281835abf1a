// The entries of one list under fixed column headings, scrolling in a seamless loop when they
// overflow. Rows have one height (a name's two lines), so only three legs of rows are in the DOM
// (roll-window.ts), a chunk a leg, and the motion is a compositor transform (use-virtual-roll.ts).
import { useRef, type CSSProperties } from 'react';
import type { ListKind, PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { queryLink } from '../../../../shared/lists/query-link.ts';
import { useTranslate } from '../format/locale-context.ts';
import { EntryColumnHeads } from './EntryColumnHeads.tsx';
import { EntryRow } from './EntryRow.tsx';
import { rowEmOf } from './page-geometry.ts';
import { legChunks, rollWindow, windowSlots, type WindowSlot } from './roll-window.ts';
import { rowVariantIn, scrollingRowFontPx, useRowSpace } from './use-row-space.ts';
import { useVirtualRoll } from './use-virtual-roll.ts';
// Speeds are meant at the 1080p row font and scale with the rows elsewhere (4K, type sized for distance).
import { ROW_FONT_AT_1080P_PX } from '../state/use-type-scale.ts';

/**
 * The display's own scroll speed at 1920×1080: 4 % of the screen height a second, so a row stays
 * readable for well over ten seconds as it crosses the screen.
 */
const DEFAULT_PX_PER_SECOND_AT_1080P = 43.2;

interface EntryTableProps {
  /** the list item's id, under which its scroll position is remembered between appearances */
  itemId: string;
  entries: readonly PublicEntry[];
  /** how many entries the list holds once all have arrived (at least entries.length); absent: entries.length */
  entryTotal?: number;
  /** the view's scroll speed; absent, the display's default */
  pxPerSecond?: number | undefined;
  /** 'compact': two stacked lines per row, for the narrower list pane of the split layout (and on a portrait screen whatever is asked) */
  variant?: EntryTableVariant;
  /** each row's QR code to the official query page: the template and the list its placeholders name */
  entryQr?: EntryQr | undefined;
}

export type EntryTableVariant = 'full' | 'compact';

export interface EntryQr {
  template: string;
  list: ListKind;
}

/** The row's QR link, or undefined when the view shows none. */
export function entryQrLink(entryQr: EntryQr | undefined, entry: PublicEntry): string | undefined {
  return entryQr && queryLink(entryQr.template, { list: entryQr.list, entry });
}

export function EntryTable({ itemId, entries, entryTotal = entries.length, pxPerSecond, variant: requestedVariant = 'full', entryQr }: EntryTableProps) {
  const t = useTranslate();
  const tableRef = useRef<HTMLDivElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const trackRef = useRef<HTMLDivElement>(null);
  const space = useRowSpace(tableRef, viewportRef);
  const variant = rowVariantIn(space, requestedVariant);
  const fontPx = space ? scrollingRowFontPx(space, variant) : null;
  const rowHeight = fontPx === null ? 0 : Math.round(fontPx * rowEmOf(variant));
  const roll = rollWindow({ entryCount: entryTotal, viewportHeight: space?.height ?? 0, rowHeight });
  const speed = Math.max(1, ((pxPerSecond ?? DEFAULT_PX_PER_SECOND_AT_1080P) * (fontPx ?? ROW_FONT_AT_1080P_PX)) / ROW_FONT_AT_1080P_PX);
  const rolling = space !== null && roll.rolling;
  const top = useVirtualRoll(trackRef, { itemId, rolling, slotCount: roll.slotCount, step: roll.stepRows, distancePx: roll.stepRows * rowHeight, pxPerSecond: speed, axis: 'y' });
    // Slots of entries not yet arrived are blank rows; the first pages cover the first legs.
  const slots = space === null ? [] : rolling ? windowSlots(top, roll.windowRows, entryTotal) : entries.map((_, i): WindowSlot => ({ entryIndex: i, key: `0:${i}`, echo: false }));
  const style = fontPx !== null && rowHeight > 0 ? ({ '--roll-row-height': `${rowHeight}px`, '--row-font': `${fontPx}px` } as CSSProperties) : undefined;
  const renderSlot = (slot: WindowSlot) => {
    const entry = slot.entryIndex === null ? undefined : entries[slot.entryIndex];
    if (!entry || slot.entryIndex === null) return <div key={slot.key} className="entry-table__gap" aria-hidden="true" />;
    return <EntryRow key={slot.key} entry={entry} echo={slot.echo} alt={slot.entryIndex % 2 === 1} qrLink={entryQrLink(entryQr, entry)} />;
  };

  return (
    <div ref={tableRef} className={`entry-table entry-table--${variant} entry-table--rolls${entryQr ? ' entry-table--qr' : ''}`} role="table" style={style}>
      <EntryColumnHeads qr={entryQr !== undefined} />
      <div
        className="entry-table__viewport"
        ref={viewportRef}
        data-testid="entry-viewport"
        data-rolling={rolling}
        data-px-per-second={rolling ? speed : undefined}
        data-row-height={rowHeight || undefined}
        data-top-slot={rolling ? top : undefined}
      >
        {entryTotal === 0 ? (
          <div className="entry-table__empty" data-testid="list-empty">
            {t('list.empty')}
          </div>
        ) : (
          <div className="entry-table__track" ref={trackRef}>
            {/* Each chunk is a layer of its own: when a leg ends, the chunks that stay only move up,
                and only the new one is painted, below the screen, instead of the whole track in view. */}
            {rolling
              ? legChunks(slots, roll.stepRows).map((chunk) => (
                  <div key={`chunk:${chunk[0]?.key ?? ''}`} className="entry-table__chunk">
                    {chunk.map(renderSlot)}
                  </div>
                ))
              : slots.map(renderSlot)}
          </div>
        )}
      </div>
    </div>
  );
}
