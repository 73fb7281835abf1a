// In place of a list's entries when its data is too old to show: a calm notice, not an error screen.
import { useTranslate } from '../format/locale-context.ts';

export function StaleListNotice() {
  const t = useTranslate();
  return (
    <div className="stale-notice" data-testid="stale-notice" role="status">
      {/* An hourglass-like mark beside the words: the state does not rest on colour alone. */}
      <div className="stale-notice__mark" aria-hidden="true">⟳</div>
      <h2 className="stale-notice__title">{t('stale.title')}</h2>
      <p className="stale-notice__body">{t('stale.body')}</p>
    </div>
  );
}
