// An emergency override, full-screen: a labelled, striped, white-on-red notice in the largest type the text allows.
import type { DisplayEmergency } from '../../../../shared/display/display-state.ts';
import { translate } from '../../../../shared/i18n/messages.ts';
import { useLocale, useTranslate } from '../format/locale-context.ts';
import { useIsStrip } from '../state/use-is-strip.ts';
import { EmergencyStripBody } from './EmergencyStripBody.tsx';
import '../styles/emergency.css';

// Fewer characters, bigger type: a short headline fills the screen, a long one still fits in three lines.
function titleSizeClass(title: string): string {
  const length = Array.from(title).length;
  if (length <= 12) return 'emergency__title--huge';
  if (length <= 24) return 'emergency__title--large';
  return 'emergency__title--medium';
}

function bodySizeClass(body: string): string {
  const length = Array.from(body).length;
  if (length <= 80) return 'emergency__body--large';
  if (length <= 180) return 'emergency__body--medium';
  return 'emergency__body--small';
}

/** Colour is not the only sign: the words 紧急通知, a warning symbol and hazard stripes say it too. */
export function EmergencyView({ emergency }: { emergency: DisplayEmergency }) {
  const t = useTranslate();
  const locale = useLocale();
  const strip = useIsStrip();
  return (
    <section className="emergency" data-testid="emergency" data-emergency-id={emergency.id} role="alert">
      <div className="emergency__stripes emergency__stripes--top" aria-hidden="true" />
      <header className="emergency__label" data-testid="emergency-label">
        <svg className="emergency__icon" viewBox="0 0 100 90" aria-hidden="true">
          <path d="M50 4 L96 86 L4 86 Z" fill="currentColor" />
          <rect x="45" y="30" width="10" height="32" rx="3" fill="#ffffff" />
          <rect x="45" y="68" width="10" height="10" rx="3" fill="#ffffff" />
        </svg>
        <span className="emergency__label-text">{t('emergency.label')}</span>
        {locale !== 'en' && <span className="emergency__label-secondary" lang="en">{translate('en', 'emergency.label')}</span>}
      </header>
      <div className="emergency__content">
        <h1 className={`emergency__title ${titleSizeClass(emergency.title)}`} data-testid="emergency-title">
          {emergency.title}
        </h1>
        {emergency.body &&
          (strip ? (
            <EmergencyStripBody body={emergency.body} />
          ) : (
            <p className={`emergency__body ${bodySizeClass(emergency.body)}`} data-testid="emergency-body">
              {emergency.body}
            </p>
          ))}
        {emergency.footer && <footer className="emergency__footer">{emergency.footer}</footer>}
      </div>
      <div className="emergency__stripes emergency__stripes--bottom" aria-hidden="true" />
    </section>
  );
}
