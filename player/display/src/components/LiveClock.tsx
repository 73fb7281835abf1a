// Date and ticking time by the core's clock: a moving second also tells passers-by the screen is alive.
import { useCoreNowEverySecond } from '../state/core-clock.ts';
import { formatWeekday, wallTimeAt } from '../format/format-time.ts';
import { useLocale } from '../format/locale-context.ts';

export function LiveClock() {
  const now = useCoreNowEverySecond();
  const locale = useLocale();
  const { date, hhmmss } = wallTimeAt(now);
  return (
    <div className="live-clock" data-testid="live-clock">
      <div className="live-clock__time tabular">{hhmmss}</div>
      <div className="live-clock__date tabular">
        {date} {formatWeekday(now, locale)}
      </div>
    </div>
  );
}
