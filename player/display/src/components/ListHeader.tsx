// The header band of a rolling list: which list, its source, when it was updated, how many entries, and the time.
import type { ListKind } from '../../../../shared/lists/list-entry.ts';
import { formatUpdatedAt } from '../format/format-time.ts';
import { useTranslate } from '../format/locale-context.ts';
import { LiveClock } from './LiveClock.tsx';
import { QrCode } from './QrCode.tsx';
import type { Paging } from './PagedEntryTable.tsx';

interface ListHeaderProps {
  list: ListKind;
  title: string;
  source: string;
  listsUpdatedAt: number | null;
  /** null while the list is stale: "0 entries" would be untrue */
  count: number | null;
  /** the page on screen when the list flips pages; null when it scrolls or fits on one page */
  paging?: Paging | null;
  /** the official query page for the whole list, shown as a QR code */
  qrLink?: string | null;
}

export function ListHeader({ list, title, source, listsUpdatedAt, count, paging = null, qrLink = null }: ListHeaderProps) {
  const t = useTranslate();
  const listName = t(list === 'red' ? 'list.red.title' : 'list.black.title');
  return (
    <header className="list-header">
      <div className="list-header__main">
        <div className="list-header__title-row">
          {/* The badge names the list in words: colour alone must never carry the meaning. */}
          <span className="list-header__badge" data-testid="list-badge">
            {listName}
          </span>
          <h1 className="list-header__title" data-testid="list-title">
            {title || listName}
          </h1>
        </div>
        <div className="list-header__meta">
          {source && (
            <span className="list-header__meta-item" data-testid="list-source">
              {t('list.sourceLine', { source })}
            </span>
          )}
          <span className="list-header__meta-item tabular" data-testid="list-updated-at">
            {t('list.updatedAtLine', { time: listsUpdatedAt === null ? '—' : formatUpdatedAt(listsUpdatedAt) })}
          </span>
          {count !== null && (
            <span className="list-header__meta-item tabular" data-testid="list-count">
              {t('list.count', { count })}
            </span>
          )}
          {paging && (
            <span className="list-header__meta-item list-header__page tabular" data-testid="page-indicator" data-page={paging.page} data-pages={paging.pages}>
              {t('list.page', { page: paging.page, pages: paging.pages })}
            </span>
          )}
        </div>
      </div>
      {qrLink && (
        <figure className="list-header__qr" data-testid="list-qr">
          <QrCode className="list-header__qr-code" text={qrLink} label={t('list.qr.caption')} />
          <figcaption className="list-header__qr-caption">{t('list.qr.caption')}</figcaption>
        </figure>
      )}
      <LiveClock />
    </header>
  );
}
