// One list entry as a table row. Every field is a React text child, so markup in a name shows literally.
import { memo } from 'react';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';

interface EntryRowProps {
  entry: PublicEntry;
  /** The second copy that makes the scroll loop seamless: hidden from tests and assistive tech. */
  echo?: boolean;
  /** the alternate stripe: every other entry of the list, wherever the row is in the DOM */
  alt?: boolean;
}

export const EntryRow = memo(function EntryRow({ entry, echo = false, alt = false }: EntryRowProps) {
  return (
    <div
      className={alt ? 'entry-row entry-row--alt' : 'entry-row'}
      role="row"
      data-testid={echo ? 'entry-row-echo' : 'entry-row'}
      data-entry-id={entry.id}
      aria-hidden={echo || undefined}
    >
      <div className="entry-cell entry-cell--name" role="cell">
        {entry.name}
      </div>
      <div className="entry-cell entry-cell--code tabular" role="cell">
        {entry.code}
      </div>
      <div className="entry-cell entry-cell--reason" role="cell">
        {entry.reason}
      </div>
      <div className="entry-cell entry-cell--authority" role="cell">
        {entry.authority}
      </div>
      <div className="entry-cell entry-cell--date tabular" role="cell">
        {entry.listedOn}
      </div>
    </div>
  );
});
