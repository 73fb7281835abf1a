// The ticker band along the bottom of the screen: every running ticker joined into one crawling line.
import { UNIT_AT_1080P_PX } from '../state/use-type-scale.ts';
import { Fragment, useRef } from 'react';
import type { DisplayTicker } from '../../../../shared/display/display-state.ts';
import type { SceneTheme } from '../state/scene.ts';
import '../styles/ticker.css';
import { CrawlLine } from './CrawlLine.tsx';
import { useCrawl } from './use-crawl.ts';

interface TickerBandProps {
  tickers: readonly DisplayTicker[];
  /** the scene's theme, so the band's rule and separators match what is above it */
  theme: SceneTheme;
}

/** var(--fs-ticker) at 1920×1080 (base.css): a ticker's speed is meant at that size. */
const TICKER_FONT_AT_1080P_PX = UNIT_AT_1080P_PX * 2.6;

/**
 * One band, however many tickers run: two bands would halve the height for the scene and make
 * passers-by choose which to read. The line moves at the slowest ticker's speed, so no text goes by
 * faster than its author allowed for.
 */
export function TickerBand({ tickers, theme }: TickerBandProps) {
  const windowRef = useRef<HTMLDivElement>(null);
  const unitRef = useRef<HTMLSpanElement>(null);
  const pxPerSecond = Math.min(...tickers.map((ticker) => ticker.pxPerSecond));
  const contentKey = tickers.map((ticker) => `${ticker.id}\u0000${ticker.text}`).join('\u0001');
  const crawl = useCrawl(windowRef, unitRef, contentKey, pxPerSecond, TICKER_FONT_AT_1080P_PX);
  return (
    <aside className={`ticker theme-${theme}`} data-testid="ticker-band" data-px-per-second={pxPerSecond} role="marquee">
      <CrawlLine
        windowRef={windowRef}
        unitRef={unitRef}
        contentKey={contentKey}
        repeats={crawl.repeats}
        trackStyle={crawl.cycleWidth > 0 ? { animationDuration: `${crawl.durationS}s` } : undefined}
        renderUnit={(echo) =>
          tickers.map((ticker) => (
            <Fragment key={ticker.id}>
              {/* A text child: markup in a ticker shows as characters. */}
              <span className="ticker__text" data-testid={echo ? undefined : 'ticker-text'} data-ticker-id={ticker.id}>
                {ticker.text}
              </span>
              {/* Also after the last text: it separates the loop's end from its start. */}
              <span className="ticker__separator" aria-hidden="true">
                ◆
              </span>
            </Fragment>
          ))
        }
      />
    </aside>
  );
}
