// A red or black list on screen: the header band over the entries that are valid right now, laid out and moving as its view says.
import { useState } from 'react';
import type { DisplayItem } from '../../../../shared/display/display-state.ts';
import { useShowableEntries } from '../state/use-showable-entries.ts';
import '../styles/rolling-list.css';
import { EntryTable } from './EntryTable.tsx';
import { ListHeader } from './ListHeader.tsx';
import { MarqueeList } from './MarqueeList.tsx';
import { PagedEntryTable, type Paging } from './PagedEntryTable.tsx';
import { SplitMedia } from './SplitMedia.tsx';
import { StaleListNotice } from './StaleListNotice.tsx';
import { useIsStrip } from '../state/use-is-strip.ts';
import { queryLink } from '../../../../shared/lists/query-link.ts';

interface RollingListProps {
  item: Extract<DisplayItem, { kind: 'list' }>;
  listsUpdatedAt: number | null;
}

export function RollingList({ item, listsUpdatedAt }: RollingListProps) {
  // The core filters too, but only when it builds a state; an entry can expire between two fetches.
  const entries = useShowableEntries(item.entries);
  // While its later pages are still arriving, the list is sized (and counted) for all of it.
  const entryTotal = Math.max(entries.length, item.entryTotal ?? 0);
  const [paging, setPaging] = useState<Paging | null>(null);
  // The picture that failed, not a flag: a new manifest may bring another picture under the same item.
  const [unplayableSplitSrc, setUnplayableSplitSrc] = useState<string | null>(null);
  // On an LED strip a table has no room for even one row: every list becomes the one-line marquee.
  const strip = useIsStrip();
  if (item.layout === 'marquee' || strip) return <MarqueeList item={item} entries={entries} />;

  const split = item.layout === 'split' && item.split && item.split.src !== unplayableSplitSrc ? item.split : null;
  const variant = split ? 'compact' : 'full';
  const motion = item.motion;
  const stale = item.stale === true;
  const header = (
    <ListHeader
      list={item.list}
      title={item.title}
      source={item.source}
      listsUpdatedAt={listsUpdatedAt}
      count={stale ? null : entryTotal}
      paging={!stale && motion?.mode === 'page' ? paging : null}
      qrLink={item.qr?.target === 'list' ? queryLink(item.qr.urlTemplate, { list: item.list }) : null}
    />
  );
  const entryQr = item.qr?.target === 'entry' ? { template: item.qr.urlTemplate, list: item.list } : undefined;
  const body = stale ? (
    <StaleListNotice />
  ) : motion?.mode === 'page' ? (
    <PagedEntryTable
      itemId={item.id}
      entries={entries}
      entryTotal={entryTotal}
      rowsPerPage={motion.rowsPerPage}
      secondsPerPage={motion.secondsPerPage}
      variant={variant}
      onPaging={setPaging}
      entryQr={entryQr}
    />
  ) : (
    <EntryTable itemId={item.id} entries={entries} entryTotal={entryTotal} pxPerSecond={motion?.mode === 'scroll' ? motion.pxPerSecond : undefined} variant={variant} entryQr={entryQr} />
  );

  return (
    <section
      className={split ? 'rolling-list rolling-list--split' : 'rolling-list'}
      data-testid="rolling-list"
      data-list={item.list}
      data-item-id={item.id}
      data-layout={split ? 'split' : 'full'}
    >
      {header}
      {/* The header spans the screen in every layout; in 'split' the rows take the left part below it. */}
      <div className="rolling-list__body">
        <div className="rolling-list__pane" data-testid="list-pane">
          {body}
        </div>
        {split && <SplitMedia media={split} onUnplayable={() => setUnplayableSplitSrc(split.src)} />}
      </div>
    </section>
  );
}
