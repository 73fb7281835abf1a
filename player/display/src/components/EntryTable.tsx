// The entries of one list under fixed column headings, scrolling in a seamless loop when they overflow.
import { useRef } from 'react';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { useTranslate } from '../format/locale-context.ts';
import { EntryColumnHeads } from './EntryColumnHeads.tsx';
import { EntryRow } from './EntryRow.tsx';
import { useRollResume } from './use-roll-resume.ts';
import { useRollingScroll } from './use-rolling-scroll.ts';

interface EntryTableProps {
  /** the list item's id, under which its scroll position is remembered between appearances */
  itemId: string;
  entries: readonly PublicEntry[];
  /** the view's scroll speed; absent, the display's default */
  pxPerSecond?: number | undefined;
  /** 'compact': two stacked lines per row, for the narrower list pane of the split layout */
  variant?: EntryTableVariant;
}

export type EntryTableVariant = 'full' | 'compact';

export function EntryTable({ itemId, entries, pxPerSecond, variant = 'full' }: EntryTableProps) {
  const t = useTranslate();
  const viewportRef = useRef<HTMLDivElement>(null);
  const copyRef = useRef<HTMLDivElement>(null);
  const contentKey = entries.map((entry) => entry.id).join('\n');
  const scroll = useRollingScroll(viewportRef, copyRef, contentKey, pxPerSecond);
  const rollStyle = useRollResume(itemId, contentKey, scroll);

  return (
    <div className={`entry-table entry-table--${variant}`} role="table">
      <EntryColumnHeads />
      <div className="entry-table__viewport" ref={viewportRef} data-testid="entry-viewport" data-rolling={scroll.rolling}>
        {entries.length === 0 ? (
          <div className="entry-table__empty" data-testid="list-empty">
            {t('list.empty')}
          </div>
        ) : (
          <div
            // A new key restarts the loop from the top when the rows change.
            key={contentKey}
            className={scroll.rolling ? 'entry-table__track entry-table__track--rolling' : 'entry-table__track'}
            style={rollStyle}
          >
            <div className="entry-table__copy" ref={copyRef}>
              {entries.map((entry) => (
                <EntryRow key={entry.id} entry={entry} />
              ))}
            </div>
            {scroll.rolling && (
              <div className="entry-table__copy" aria-hidden="true">
                {entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} echo />
                ))}
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
