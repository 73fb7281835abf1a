// The manifest's timeline (every item a screen may play) and its tickers, from approved content.
// Without playlists the timeline is also the rotation: the lists, each followed by a propaganda
// item, then the remaining propaganda. Pure, so the order is testable and identical on every publish.

import type { MediaType } from '../../../../shared/content/media-type.ts';
import type { ListViewOptions, SlideDocument, Ticker, TimelineItem } from '../../../../shared/protocol/manifest.ts';
import type { ListViewDocument, TickerDocument } from '../../../../shared/content/documents.ts';

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

export interface ApprovedTicker {
  kind: 'ticker';
  id: string;
  document: TickerDocument;
}

export interface ApprovedListView {
  kind: 'list-view';
  id: string;
  document: ListViewDocument;
}

/** Approved content, in the operators' order. */
export type ApprovedContent = ApprovedSlide | ApprovedMedia | ApprovedTicker | ApprovedListView;

/** The built-in whole-list items, which need no content row: playlists name them by these ids. */
export const BUILT_IN_LIST_ITEM_IDS = ['list-red', 'list-black'] as const;

// A manifest holds at most 20 tickers (see tickerSchema's array bound); more is a content problem.
export const MAX_TICKERS = 20;

// The manifest schema's bound on the timeline: past it no screen would accept the manifest.
export const MAX_TIMELINE_ITEMS = 500;

/** The id an approved content row has on the manifest: stable, so screens and proof of play can name it. */
export function manifestIdOf(content: Pick<ApprovedContent, 'kind' | 'id'>): string {
  return content.kind === 'list-view' ? `listview-${content.id}` : `${content.kind}-${content.id}`;
}

function propagandaItem(content: ApprovedSlide | ApprovedMedia, settings: TimelineSettings): TimelineItem {
  if (content.kind === 'slide') return { kind: 'slide', id: manifestIdOf(content), asset: { sha256: content.sha256, bytes: content.bytes }, durationMs: settings.slideDurationMs };
  const { kind, title, sha256, bytes, mediaType, durationMs } = content;
  return { kind, id: manifestIdOf(content), title, asset: { sha256, bytes, mediaType }, durationMs };
}

function listViewItem(content: ApprovedListView, settings: TimelineSettings, approvedMediaIds: ReadonlyMap<string, string>): TimelineItem {
  const { title, list, source, durationMs, view } = content.document;
  const { splitMediaContentId, layout, ...filtersAndMotion } = view;
  // A split whose media is not approved (or was retired) shows the list alone rather than nothing.
  const splitMediaItemId = splitMediaContentId === undefined ? undefined : approvedMediaIds.get(splitMediaContentId);
  const shownLayout = layout === 'split' && splitMediaItemId === undefined ? undefined : layout;
  const options: ListViewOptions = { ...filtersAndMotion, ...(shownLayout ? { layout: shownLayout } : {}), ...(shownLayout === 'split' ? { splitMediaItemId } : {}) };
  return { kind: 'list', id: manifestIdOf(content), list, title, source: source ?? settings.dataSource, durationMs, ...(Object.keys(options).length > 0 ? { view: options } : {}) };
}

export function defaultTimeline(settings: TimelineSettings, content: readonly ApprovedContent[]): TimelineItem[] {
  const approvedMediaIds = new Map(content.filter((c): c is ApprovedMedia => c.kind === 'image' || c.kind === 'video').map((c) => [c.id, manifestIdOf(c)]));
  const lists: TimelineItem[] = [
    { kind: 'list', id: 'list-red', list: 'red', title: `${settings.cityName}守信红名单`, source: settings.dataSource, durationMs: settings.listDurationMs },
    { kind: 'list', id: 'list-black', list: 'black', title: `${settings.cityName}失信黑名单`, source: settings.dataSource, durationMs: settings.listDurationMs },
    ...content.filter((c): c is ApprovedListView => c.kind === 'list-view').map((c) => listViewItem(c, settings, approvedMediaIds)),
  ];
  const propaganda = content.filter((c): c is ApprovedSlide | ApprovedMedia => c.kind === 'slide' || c.kind === 'image' || c.kind === 'video').map((c) => propagandaItem(c, settings));
  const timeline: TimelineItem[] = [];
  const rounds = Math.max(lists.length, propaganda.length);
  for (let i = 0; i < rounds; i++) {
    const list = lists[i];
    const item = propaganda[i];
    if (list) timeline.push(list);
    if (item) timeline.push(item);
  }
  return timeline.slice(0, MAX_TIMELINE_ITEMS);
}

/** Approved tickers, in the operators' order, at most MAX_TICKERS. */
export function tickersOf(content: readonly ApprovedContent[]): Ticker[] {
  return content
    .filter((c): c is ApprovedTicker => c.kind === 'ticker')
    .slice(0, MAX_TICKERS)
    .map((c) => ({ id: manifestIdOf(c), text: c.document.text, pxPerSecond: c.document.pxPerSecond }));
}
