// A list as one line crawling past (the 'marquee' layout, for LED strips): "name · code · category" per entry, under a small fixed label.
import { useRef } from 'react';
import type { DisplayItem } from '../../../../shared/display/display-state.ts';
import type { PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { useTranslate } from '../format/locale-context.ts';
import '../styles/marquee.css';
import { CrawlLine } from './CrawlLine.tsx';
import { MarqueeLine } from './MarqueeLine.tsx';
import { useCrawl } from './use-crawl.ts';
import { useRollResume } from './use-roll-resume.ts';

interface MarqueeListProps {
  item: Extract<DisplayItem, { kind: 'list' }>;
  /** showable now */
  entries: readonly PublicEntry[];
}

export function MarqueeList({ item, entries }: MarqueeListProps) {
  const t = useTranslate();
  const windowRef = useRef<HTMLDivElement>(null);
  const unitRef = useRef<HTMLSpanElement>(null);
  const listName = t(item.list === 'red' ? 'list.red.title' : 'list.black.title');
  const stale = item.stale === true;
  const contentKey = 'stale';
  const pxPerSecond = item.motion?.mode === 'scroll' ? item.motion.pxPerSecond : null;
  // Only the stale notice loops as one short text; entries move through a window (MarqueeLine).
  const crawl = useCrawl(windowRef, unitRef, contentKey, pxPerSecond);
  // The notice goes on from where it was at its next appearance.
  const trackStyle = useRollResume(item.id, contentKey, { rolling: crawl.cycleWidth > 0, cycleHeight: crawl.cycleWidth, durationS: crawl.durationS });

  return (
    <section className="marquee-list" data-testid="marquee-list" data-list={item.list}>
      {/* The list named in words, small and still: colour alone must never carry the meaning. */}
      <header className="marquee-list__label" data-testid="marquee-label">
        <span className="marquee-list__badge" data-testid="list-badge">
          {listName}
        </span>
        {item.title && item.title !== listName && (
          <span className="marquee-list__title" data-testid="list-title">
            {item.title}
          </span>
        )}
      </header>
      {!stale && entries.length === 0 ? (
        <div className="marquee-list__empty" data-testid="list-empty">
          {t('list.empty')}
        </div>
      ) : stale ? (
        <CrawlLine
          className="marquee-list__line"
          windowRef={windowRef}
          unitRef={unitRef}
          contentKey={contentKey}
          repeats={crawl.repeats}
          trackStyle={trackStyle}
          renderUnit={(echo) => (
            <span className="marquee-list__stale" data-testid={echo ? undefined : 'stale-notice'}>
              {t('stale.title')}
              <span className="marquee-entry__dot" aria-hidden="true">·</span>
              {t('stale.body')}
              <span className="marquee-list__separator" aria-hidden="true">◆</span>
            </span>
          )}
        />
      ) : (
        <MarqueeLine itemId={item.id} entries={entries} pxPerSecond={pxPerSecond} />
      )}
    </section>
  );
}
