// A list's entries a page at a time (an operator's 'page' motion): rows fill the height evenly and the page turns every few seconds.
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { useTranslate } from '../format/locale-context.ts';
import { EntryColumnHeads } from './EntryColumnHeads.tsx';
import { EntryRow } from './EntryRow.tsx';
import { entryQrLink, type EntryQr, type EntryTableVariant } from './EntryTable.tsx';
import { maxRowFontPx, pageCountOf, pageGeometry } from './page-geometry.ts';
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

interface Space {
  /** the rows' window */
  height: number;
  /** a row's width inside its padding, px */
  rowWidth: number;
  columnGap: number;
  /** the table's own font size, var(--fs-row): the legible minimum for rows */
  minFontPx: number;
  portrait: boolean;
}

const COLUMN_GAPS: Record<EntryTableVariant, number> = { full: 4, compact: 1 };

function useRowSpace(tableRef: RefObject<HTMLElement | null>, viewportRef: RefObject<HTMLElement | null>): Space | null {
  const [space, setSpace] = useState<Space | null>(null);
  useLayoutEffect(() => {
    const table = tableRef.current;
    const viewport = viewportRef.current;
    const head = table?.querySelector('.entry-table__head');
    if (!table || !viewport || !head) return;
    const measure = (): void => {
      const headStyle = getComputedStyle(head);
      const next: Space = {
        height: viewport.clientHeight,
        rowWidth: head.clientWidth - parseFloat(headStyle.paddingLeft) - parseFloat(headStyle.paddingRight),
        columnGap: parseFloat(headStyle.columnGap) || 0,
        minFontPx: parseFloat(getComputedStyle(table).fontSize) || 20,
        portrait: window.innerWidth < window.innerHeight,
      };
      setSpace((prev) =>
        prev &&
        prev.portrait === next.portrait &&
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

export function PagedEntryTable({ itemId, entries, entryTotal = entries.length, rowsPerPage, secondsPerPage, variant: requestedVariant = 'full', onPaging, entryQr }: PagedEntryTableProps) {
  const t = useTranslate();
  const tableRef = useRef<HTMLDivElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);
  const space = useRowSpace(tableRef, viewportRef);
  // On a portrait screen five columns side by side leave room only for small type, however tall
  // the rows: the compact rows (code under the name) let the type grow to the row.
  const variant: EntryTableVariant = requestedVariant === 'compact' || space?.portrait ? 'compact' : 'full';
  const geometry =
    space &&
    pageGeometry({
      availableHeight: space.height,
      rowsPerPage,
      minFontPx: space.minFontPx,
      maxFontPx: maxRowFontPx(variant, space.rowWidth - space.columnGap * COLUMN_GAPS[variant]),
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
