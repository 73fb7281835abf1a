// The column headings over a list's rows, in the same grid as the rows so both stay aligned.
import { useTranslate } from '../format/locale-context.ts';

/** `qr`: the rows end in a QR code column */
export function EntryColumnHeads({ qr = false }: { qr?: boolean }) {
  const t = useTranslate();
  return (
    <div className="entry-table__head" role="row">
      <div className="entry-cell entry-cell--name" role="columnheader">{t('list.column.name')}</div>
      <div className="entry-cell entry-cell--code" role="columnheader">{t('list.column.code')}</div>
      <div className="entry-cell entry-cell--reason" role="columnheader">{t('list.column.reason')}</div>
      <div className="entry-cell entry-cell--authority" role="columnheader">{t('list.column.authority')}</div>
      <div className="entry-cell entry-cell--date" role="columnheader">{t('list.column.listedOn')}</div>
      {qr && <div className="entry-cell entry-cell--qr" role="columnheader">{t('list.qr.caption')}</div>}
    </div>
  );
}
