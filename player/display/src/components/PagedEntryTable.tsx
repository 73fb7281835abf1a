// A list's entries a page at a time (an operator's 'page' motion): rows fill the height evenly and the page turns every few seconds.
import { useEffect, useRef, type CSSProperties } from 'react';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { useTranslate } from '../format/locale-context.ts';
import { EntryColumnHeads } from './EntryColumnHeads.tsx';
import { EntryRow } from './EntryRow.tsx';
import { entryQrLink, type EntryQr, type EntryTableVariant } from './EntryTable.tsx';
import { pageCountOf, pageGeometry } from './page-geometry.ts';
import { maxRowFontIn, rowVariantIn, useRowSpace } from './use-row-space.ts';
import { usePageFlip } from './use-page-flip.ts';

/** Which page is on screen, for the header's "第 3/12 页"; null when everything fits on one page. */
export interface Paging {
  /** 1-based, as read */
  page: number;
  pages: number;
}

interface PagedEntryTableProps {
  itemId: string;
  entries: readonly PublicEntry[];
  /** how many entries the list holds once all have arrived; absent: entries.length */
  entryTotal?: number;
  rowsPerPage: number;
  secondsPerPage: number;
  variant?: EntryTableVariant;
  /** each row's QR code to the official query page: the template and the list its placeholders name */
  entryQr?: EntryQr | undefined;
  onPaging?: (paging: Paging | null) => void;
}

export function PagedEntryTable({ itemId, entries, entryTotal = entries.length, rowsPerPage, secondsPerPage, variant: requestedVariant = 'full', onPaging, entryQr }: PagedEntryTableProps) {
  const t = useTranslate();
  const tableRef = useRef<HTMLDivElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const space = useRowSpace(tableRef, viewportRef);
  const variant = rowVariantIn(space, requestedVariant);
  const geometry =
    space &&
    pageGeometry({
      availableHeight: space.height,
      rowsPerPage,
      minFontPx: space.minFontPx,
      // Full rows keep the scrolling table's type: larger, the reason and authority columns hold
      // fewer characters, and their two lines end in "…" where the scrolling rows show them whole.
      maxFontPx: variant === 'full' ? space.minFontPx : maxRowFontIn(space, variant),
      variant,
    });
  const rows = geometry?.rowsPerPage ?? rowsPerPage;
  const pages = pageCountOf(entryTotal, rows);
  const { page, previous } = usePageFlip(itemId, geometry ? pages : null, secondsPerPage);

  const measured = geometry !== null;
  useEffect(() => {
    onPaging?.(measured && pages > 1 ? { page: page + 1, pages } : null);
  }, [onPaging, measured, page, pages]);

  const style = geometry ? ({ '--row-font': `${geometry.fontPx}px`, '--page-row-height': `${geometry.rowHeight}px` } as CSSProperties) : undefined;
  const rowsOf = (index: number, echo: boolean) =>
    entries.slice(index * rows, (index + 1) * rows).map((entry, i) => <EntryRow key={entry.id} entry={entry} echo={echo} alt={i % 2 === 1} qrLink={entryQrLink(entryQr, entry)} />);

  return (
    <div
      ref={tableRef}
      className={`entry-table entry-table--${variant} entry-table--paged${entryQr ? ' entry-table--qr' : ''}`}
      role="table"
      style={style}
    >
      <EntryColumnHeads qr={entryQr !== undefined} />
      <div className="entry-table__viewport" ref={viewportRef} data-testid="entry-viewport" data-rolling="false" data-page={page + 1} data-pages={pages}>
        {entryTotal === 0 ? (
          <div className="entry-table__empty" data-testid="list-empty">
            {t('list.empty')}
          </div>
        ) : (
          geometry && (
            <>
              {previous !== null && (
                <div key={`page-${previous}`} className="entry-page entry-page--leaving" aria-hidden="true">
                  {rowsOf(previous, true)}
                </div>
              )}
              <div key={`page-${page}`} className={previous === null ? 'entry-page' : 'entry-page entry-page--entering'} data-testid="entry-page">
                {rowsOf(page, false)}
              </div>
            </>
          )
        )}
      </div>
    </div>
  );
}
