// The words for content kinds and list-view layouts, from the review messages.

import type { ContentKind } from './review-api.ts';
import type { useReviewMessages } from './review-messages.ts';

type Messages = ReturnType<typeof useReviewMessages>;

export function contentKindLabel(m: Messages, kind: ContentKind): string {
  return { slide: m.kindSlide, image: m.kindImage, video: m.kindVideo, ticker: m.kindTicker, 'list-view': m.kindListView }[kind];
}

export function layoutLabel(m: Messages, layout: unknown): string {
  if (layout === 'split') return m.layoutSplit;
  if (layout === 'marquee') return m.layoutMarquee;
  return m.layoutFull;
}

/** Built-in list items of a playlist have fixed ids; other ids are content rows. */
export function contentTitle(m: Messages, titles: ReadonlyMap<string, string>, contentId: string): string {
  if (contentId === 'list-red') return m.builtinRed;
  if (contentId === 'list-black') return m.builtinBlack;
  return titles.get(contentId) ?? contentId;
}
