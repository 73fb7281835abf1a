// The default rotation until playlists exist: red list, a slide, black list, the next slide...
// Pure, so the order is testable and identical on every publish.

import type { SlideDocument, TimelineItem } from '../../../../shared/protocol/manifest.ts';

export interface TimelineSettings {
  cityName: string;
  dataSource: string;
  listDurationMs: number;
  slideDurationMs: number;
}

export interface ApprovedSlide {
  id: string;
  sha256: string;
  bytes: number;
  document: SlideDocument;
}

export function defaultTimeline(settings: TimelineSettings, slides: readonly ApprovedSlide[]): TimelineItem[] {
  const lists: TimelineItem[] = [
    { kind: 'list', id: 'list-red', list: 'red', title: `${settings.cityName}守信红名单`, source: settings.dataSource, durationMs: settings.listDurationMs },
    { kind: 'list', id: 'list-black', list: 'black', title: `${settings.cityName}失信黑名单`, source: settings.dataSource, durationMs: settings.listDurationMs },
  ];
  const slideItems: TimelineItem[] = slides.map((s) => ({ kind: 'slide', id: `slide-${s.id}`, asset: { sha256: s.sha256, bytes: s.bytes }, durationMs: settings.slideDurationMs }));
  const timeline: TimelineItem[] = [];
  const rounds = Math.max(lists.length, slideItems.length);
  for (let i = 0; i < rounds; i++) {
    const list = lists[i];
    const slide = slideItems[i];
    if (list) timeline.push(list);
    if (slide) timeline.push(slide);
  }
  return timeline;
}
