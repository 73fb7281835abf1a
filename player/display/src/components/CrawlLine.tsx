// One line of text crawling right to left in a seamless loop: two identical copies on a track that only the compositor moves.
import type { CSSProperties, ReactNode, Ref } from 'react';
import '../styles/crawl.css';

interface CrawlLineProps {
  /** the text once; called with `echo` true for the repeats, which tests and assistive tech skip */
  renderUnit: (echo: boolean) => ReactNode;
  /** restarts the loop when the text changes */
  contentKey: string;
  repeats: number;
  /** animation duration (and delay) of the track; absent until the line is measured: it stands still */
  trackStyle: CSSProperties | undefined;
  /** the window the line crawls through, measured by useCrawl */
  windowRef: Ref<HTMLDivElement>;
  /** the first, real copy of the text, measured by useCrawl */
  unitRef: Ref<HTMLSpanElement>;
  className?: string;
}

export function CrawlLine({ renderUnit, contentKey, repeats, trackStyle, windowRef, unitRef, className }: CrawlLineProps) {
  const copy = (second: boolean) => (
    <div className="crawl__copy" aria-hidden={second || undefined}>
      {Array.from({ length: repeats }, (_, index) => {
        const echo = second || index > 0;
        return (
          <span key={index} className="crawl__unit" ref={echo ? undefined : unitRef} aria-hidden={(!second && echo) || undefined}>
            {renderUnit(echo)}
          </span>
        );
      })}
    </div>
  );
  return (
    <div className={className ? `crawl ${className}` : 'crawl'} ref={windowRef}>
      <div key={contentKey} className={trackStyle ? 'crawl__track crawl__track--moving' : 'crawl__track'} style={trackStyle} data-testid="crawl-track">
        {copy(false)}
        {copy(true)}
      </div>
    </div>
  );
}
