// The screen's name, large, over whatever plays: a technician's 'identify' command, for 10 seconds.
import { useEffect, useState } from 'react';
import { useTranslate } from '../format/locale-context.ts';
import { useCoreClock } from '../state/core-clock.ts';
import '../styles/identify.css';

/**
 * Character height for reading at 10 m is about 9 cm (the 1:110 rule of thumb for signage); on a
 * 55-inch 16:9 screen, 68 cm tall, that is 13 % of its height. Short names get more, long ones wrap
 * at no less than that.
 */
function nameSizeVh(name: string): number {
  const chars = [...name].length;
  return chars <= 6 ? 20 : chars <= 12 ? 15 : 13;
}

export function IdentifyOverlay({ screenName, until }: { screenName: string; until: number }) {
  const t = useTranslate();
  const clock = useCoreClock();
  const [visible, setVisible] = useState(() => clock.now() < until);
  useEffect(() => {
    const left = until - clock.now();
    setVisible(left > 0);
    if (left <= 0) return;
    // Hides itself on time even if the core's follow-up state never arrives.
    const timer = setTimeout(() => setVisible(false), left);
    return () => clearTimeout(timer);
  }, [clock, until]);
  if (!visible) return null;
  return (
    <div className="identify" data-testid="identify-overlay" role="status">
      <div className="identify__label">{t('identify.label')}</div>
      <div className="identify__name" style={{ fontSize: `${nameSizeVh(screenName)}vh` }}>
        {screenName}
      </div>
    </div>
  );
}
