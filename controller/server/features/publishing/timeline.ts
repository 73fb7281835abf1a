// The default rotation until playlists exist: red list, a propaganda item, black list, the next one...
// Pure, so the order is testable and identical on every publish.

import type { MediaType } from '../../../../shared/content/media-type.ts';
import type { SlideDocument, TimelineItem } from '../../../../shared/protocol/manifest.ts';

export interface TimelineSettings {
  cityName: string;
  dataSource: string;
  listDurationMs: number;
  slideDurationMs: number;
}

export interface ApprovedSlide {
  kind: 'slide';
  id: string;
  sha256: string;
  bytes: number;
  document: SlideDocument;
}

export interface ApprovedMedia {
  kind: 'image' | 'video';
  id: string;
  sha256: string;
  bytes: number;
  title: string;
  mediaType: MediaType;
  durationMs: number;
}

/** Approved propaganda content, in the operators' order. */
export type ApprovedContent = ApprovedSlide | ApprovedMedia;

function timelineItemOf(content: ApprovedContent, settings: TimelineSettings): TimelineItem {
  if (content.kind === 'slide') return { kind: 'slide', id: `slide-${content.id}`, asset: { sha256: content.sha256, bytes: content.bytes }, durationMs: settings.slideDurationMs };
  const { kind, id, title, sha256, bytes, mediaType, durationMs } = content;
  return { kind, id: `${kind}-${id}`, title, asset: { sha256, bytes, mediaType }, durationMs };
}

export function defaultTimeline(settings: TimelineSettings, content: readonly ApprovedContent[]): TimelineItem[] {
  const lists: TimelineItem[] = [
    { kind: 'list', id: 'list-red', list: 'red', title: `${settings.cityName}守信红名单`, source: settings.dataSource, durationMs: settings.listDurationMs },
    { kind: 'list', id: 'list-black', list: 'black', title: `${settings.cityName}失信黑名单`, source: settings.dataSource, durationMs: settings.listDurationMs },
  ];
  const slideItems = content.map((c) => timelineItemOf(c, settings));
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
