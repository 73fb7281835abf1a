// Builds what the display shows from the cache's contents and the trusted time. Pure: no I/O, no
// clock; the entries come as the sets the core keeps of them (entry-sets/), named in the state.

import type { DisplayContrast, DisplayEmergency, DisplayEntrySet, DisplayLocale, DisplaySplitMedia, ServedDisplayItem, ServedDisplayState } from '../../shared/display/display-state.ts';
import type { ScreenGeometry } from '../../shared/display/screen-geometry.ts';
import type { EmergencyPayload } from '../../shared/protocol/emergency.ts';
import { newestEmergency } from './emergency/emergency-check.ts';
import type { ListKind } from '../../shared/lists/list-entry.ts';
import { containsFullIdNumber } from '../../shared/masking/unmasked-data.ts';
import type { ListViewOptions, Manifest, SlideDocument, TimelineItem } from '../../shared/protocol/manifest.ts';
import type { ScheduleDecision } from '../../shared/schedules/evaluate-schedule.ts';
import type { EntrySet } from './entry-sets/entry-set.ts';
import { playingSelection } from './programme/playing-selection.ts';

/** The entries a list view shows: showable now, narrowed to the view, in display order (EntrySetLibrary). */
export interface EntrySetSource {
  setFor(list: ListKind, view: ListViewOptions | undefined): EntrySet;
}

export interface DisplayStateInput {
  paired: boolean;
  screenName: string | null;
  pairingCode: string | null;
  controllerUrl: string;
  manifest: Manifest | null;
  listRevision: number;
  listsUpdatedAt: number | null;
  entrySets: EntrySetSource;
  /** parsed slide documents by SHA-256; a slide whose document is missing cannot be shown */
  slides: ReadonlyMap<string, SlideDocument>;
  /** images and videos whose cached file passed its hash check; others cannot be shown */
  media: ReadonlySet<string>;
  /** lists confirmed longer ago than this are not shown (default DEFAULT_MAX_LIST_AGE_MS) */
  maxListAgeMs?: number;
  nowMs: number;
  locale: DisplayLocale;
  /** configured on the player; sizes the display's type */
  screen?: ScreenGeometry | null;
  /** configured on the player */
  contrast?: DisplayContrast;
  /** verified emergency overrides in force; the newest covers everything, the fallback included */
  emergencies?: readonly EmergencyPayload[];
  /** the programme's answer for nowMs (see ProgrammeDecider); null or absent: the timeline is the rotation */
  programmeDecision?: ScheduleDecision | null;
}

function hasSomethingToShow(item: ServedDisplayItem): boolean {
  return item.kind !== 'list' || item.stale === true || (item.entrySet !== null && item.entrySet.pages.length > 0);
}

/** What the state says of a set: its name and the size of each page. */
function entrySetRef(set: EntrySet): DisplayEntrySet {
  return { id: set.id, pages: set.pages.map((page) => page.count) };
}

/**
 * How long a screen that cannot reach its controller may go on showing its lists. A withdrawal
 * (信用修复, an objection upheld) it has missed stays on a public screen that long: two days covers
 * a weekend's network outage in a government hall without leaving a repaired subject up for a week.
 */
export const DEFAULT_MAX_LIST_AGE_MS = 48 * 60 * 60 * 1000;

/** True when the lists were never confirmed or were last confirmed longer ago than allowed. Pure. */
export function areListsStale(listsUpdatedAt: number | null, nowMs: number, maxListAgeMs: number): boolean {
  return listsUpdatedAt === null || nowMs - listsUpdatedAt > maxListAgeMs;
}

/** Where the display server serves a verified cached image or video. */
export function mediaPath(sha256: string): string {
  return `/media/${sha256}`;
}

/** What the display shows of an emergency: a text notice as is, a slide by its title and body. */
export function displayEmergencyOf(emergency: EmergencyPayload): DisplayEmergency {
  const { id, issuedAt, content } = emergency;
  if (content.kind === 'text') return { id, issuedAt, title: content.title, body: content.body, footer: null };
  return { id, issuedAt, title: content.slide.title, body: content.slide.body, footer: content.slide.footer ?? null };
}

function splitMediaOf(manifest: Manifest, view: ListViewOptions | undefined, verified: ReadonlySet<string>): DisplaySplitMedia | null {
  if (view?.layout !== 'split' || view.splitMediaItemId === undefined) return null;
  const media = manifest.timeline.find((item) => item.id === view.splitMediaItemId);
  if (!media || (media.kind !== 'image' && media.kind !== 'video') || !verified.has(media.asset.sha256)) return null;
  return { kind: media.kind, src: mediaPath(media.asset.sha256), mediaType: media.asset.mediaType, title: media.title };
}

function listDisplayItem(
  item: Extract<TimelineItem, { kind: 'list' }>,
  context: { manifest: Manifest; entrySets: EntrySetSource; stale: boolean; media: ReadonlySet<string> },
): ServedDisplayItem {
  const { id, list, title, source, durationMs, view } = item;
  const split = splitMediaOf(context.manifest, view, context.media);
  // A split whose media is not (yet) verified shows the list full screen rather than an empty half.
  const layout = view?.layout === 'split' && split === null ? undefined : view?.layout;
  const presentation = { ...(layout !== undefined && layout !== 'full' ? { layout } : {}), ...(view?.motion ? { motion: view.motion } : {}), ...(split ? { split } : {}), ...(view?.qr ? { qr: view.qr } : {}) };
  // Fail closed: lists too old to trust show a notice, never their entries; slides and media go on.
  if (context.stale) return { kind: 'list', id, list, title, source, durationMs, entrySet: null, stale: true, ...presentation };
  return { kind: 'list', id, list, title, source, durationMs, entrySet: entrySetRef(context.entrySets.setFor(list, view)), ...presentation };
}

export function buildDisplayState(input: DisplayStateInput): ServedDisplayState {
  if (!input.paired) {
    return { mode: 'pairing', pairingCode: input.pairingCode, controllerUrl: input.controllerUrl, locale: input.locale, ...(input.screen ? { screen: input.screen } : {}), ...(input.contrast === 'high' ? { contrast: 'high' as const } : {}) };
  }
  const emergency = newestEmergency(input.emergencies ?? []);
  const base = {
    mode: 'playing' as const,
    screenName: input.screenName ?? '',
    manifestVersion: input.manifest?.version ?? 0,
    listRevision: input.listRevision,
    listsUpdatedAt: input.listsUpdatedAt,
    nowMs: input.nowMs,
    locale: input.locale,
    ...(input.screen ? { screen: input.screen } : {}),
    ...(input.contrast === 'high' ? { contrast: 'high' as const } : {}),
    // Above everything: with or without a manifest, over the rotation and over the fallback slide.
    ...(emergency ? { emergency: displayEmergencyOf(emergency) } : {}),
  };
  if (!input.manifest) return { ...base, fallback: true, timeline: [] };

  const manifest = input.manifest;
  const stale = areListsStale(input.listsUpdatedAt, input.nowMs, input.maxListAgeMs ?? DEFAULT_MAX_LIST_AGE_MS);
  const decision = input.programmeDecision ?? null;
  const selection = playingSelection(manifest, decision);
  const programme = manifest.programme && decision ? { programme: { playlistId: decision.playlistId, scheduleId: decision.source.kind === 'schedule' ? decision.source.scheduleId : null, nextChangeAtMs: decision.nextChangeAtMs } } : {};
  // Invariant 2 at the player too: operator text with a full ID number never reaches the page.
  const tickers = selection.tickers.filter((ticker) => !containsFullIdNumber(ticker.text)).map(({ id, text, pxPerSecond }) => ({ id, text, pxPerSecond }));
  const items: ServedDisplayItem[] = [];
  for (const item of selection.items) {
    if (item.kind === 'list') {
      if (!containsFullIdNumber(item.title) && !containsFullIdNumber(item.source)) items.push(listDisplayItem(item, { manifest, entrySets: input.entrySets, stale, media: input.media }));
    } else if (item.kind === 'slide') {
      const slide = input.slides.get(item.asset.sha256);
      if (slide) items.push({ kind: 'slide', id: item.id, durationMs: item.durationMs, slide });
    } else if (input.media.has(item.asset.sha256)) {
      const { kind, id, durationMs, title, asset } = item;
      items.push({ kind, id, durationMs, title, src: mediaPath(asset.sha256), mediaType: asset.mediaType });
    }
  }
  // An empty list would roll "no entries" between real content; drop it unless nothing else is left,
  // and then the built-in fallback slide is better than a screen of empty tables (invariant 4).
  const showable = items.filter(hasSomethingToShow);
  if (showable.length === 0) return { ...base, ...programme, fallback: true, timeline: [], tickers };
  return { ...base, ...programme, fallback: false, timeline: showable, tickers };
}
