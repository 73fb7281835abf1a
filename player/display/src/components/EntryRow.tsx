// One list entry as a table row. Every field is a React text child, so markup in a name shows literally.
import { memo } from 'react';
import { useTranslate } from '../format/locale-context.ts';
import { QrCode } from './QrCode.tsx';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';

interface EntryRowProps {
  entry: PublicEntry;
  /** The second copy that makes the scroll loop seamless: hidden from tests and assistive tech. */
  echo?: boolean;
  /** the alternate stripe: every other entry of the list, wherever the row is in the DOM */
  alt?: boolean;
  /** the entry's official query page, shown as a QR code at the row's end */
  qrLink?: string | undefined;
}

export const EntryRow = memo(function EntryRow({ entry, echo = false, alt = false, qrLink }: EntryRowProps) {
  const t = useTranslate();
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
      {qrLink !== undefined && (
        <div className="entry-cell entry-cell--qr" role="cell">
          <QrCode className="entry-qr" text={qrLink} label={t('list.qr.caption')} />
        </div>
      )}
    </div>
  );
});
