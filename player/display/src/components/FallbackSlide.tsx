// The built-in slide shown when nothing scheduled, cached and valid remains, so the screen is never black.
import { useTranslate } from '../format/locale-context.ts';
import { LiveClock } from './LiveClock.tsx';
import '../styles/slide.css';

export function FallbackSlide() {
  const t = useTranslate();
  return (
    <section className="slide fallback" data-testid="fallback-slide">
      <div className="slide__ornament" aria-hidden="true" />
      <h1 className="slide__title">{t('fallback.title')}</h1>
      <p className="slide__body slide__body--large">{t('fallback.body')}</p>
      <div className="fallback__clock">
        <LiveClock />
      </div>
    </section>
  );
}
