// An emergency's body on an LED strip: one line, which crawls when it is longer than the strip, so
// no part of an instruction is cut off behind an ellipsis.
import { useRef } from 'react';
import { CrawlLine } from './CrawlLine.tsx';
import { useCrawl } from './use-crawl.ts';

export function EmergencyStripBody({ body }: { body: string }) {
  const windowRef = useRef<HTMLDivElement>(null);
  const unitRef = useRef<HTMLSpanElement>(null);
  // The body's own pace: about 1.2 characters a second at its size (use-crawl.ts).
  const crawl = useCrawl(windowRef, unitRef, body, null);
  // A body that fits stands still: the notice moves only where it must.
  const overflows = crawl.cycleWidth > 0 && crawl.repeats === 1;
  return (
    <CrawlLine
      className={overflows ? 'emergency__body emergency__body--strip emergency__body--crawling' : 'emergency__body emergency__body--strip'}
      windowRef={windowRef}
      unitRef={unitRef}
      contentKey={body}
      repeats={1}
      trackStyle={overflows ? { animationDuration: `${crawl.durationS}s` } : undefined}
      renderUnit={(echo) => (
        // A text child: markup in a body shows as characters.
        <span data-testid={echo ? undefined : 'emergency-body'}>{body}</span>
      )}
    />
  );
}
