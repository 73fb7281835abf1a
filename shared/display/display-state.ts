// What the player core serves its display on 127.0.0.1: everything the screen needs to render,
// already filtered to showable entries, the entries themselves in pages beside the state. The
// display never talks to the controller.

import type { MediaType } from '../content/media-type.ts';
import type { ListKind, PublicEntry } from '../lists/list-entry.ts';
import type { ListLayout, ListMotion, SlideDocument } from '../protocol/manifest.ts';
import type { ScreenGeometry } from './screen-geometry.ts';
import type { ListQr } from '../lists/query-link.ts';

/** The image or video shown beside a list in the 'split' layout. */
export interface DisplaySplitMedia {
  kind: 'image' | 'video';
  src: string;
  mediaType: MediaType;
  title: string;
}

/** What a list item says about itself, whichever way its entries travel. */
interface DisplayListItemBase {
  kind: 'list';
  id: string;
  list: ListKind;
  title: string;
  source: string;
  durationMs: number;
  /** the list data is older than the screen may show (see maxListAgeMs): no entries, a notice instead */
  stale?: boolean;
  /** absent: 'full' */
  layout?: ListLayout;
  /** absent: the display's own scroll speed */
  motion?: ListMotion;
  /** set only when the layout is 'split' and its media is verified (otherwise the list shows full screen) */
  split?: DisplaySplitMedia;
  qr?: ListQr;
}

/**
 * Where a list item's entries are fetched from: pages of them (entry-page.ts), at
 * entrySetPagePath(id, page). The id names the content, so a set's pages never change.
 */
export interface DisplayEntrySet {
  id: string;
  /** how many entries each page holds, in order */
  pages: number[];
}

/**
 * A list item as /api/state serves it. Its entries (showable, narrowed to the view's categories
 * and regions, in display order) are a separate set of pages, so the state stays a few kilobytes
 * at 100,000 entries and the screen can paint the first page before the rest has arrived.
 * `entrySet` is null while the list is stale.
 */
export type ServedListItem = DisplayListItemBase & { entrySet: DisplayEntrySet | null };

/**
 * A list item with its entries in hand: the display once it has fetched them (`entryTotal` says how
 * many the list holds while only the first pages are in; absent, all are), and tests.
 */
export type DisplayListItem = DisplayListItemBase & { entries: PublicEntry[]; entryTotal?: number };

export type DisplaySlideItem = { kind: 'slide'; id: string; durationMs: number; slide: SlideDocument };
/** `src` is a path on the display server, which serves only verified cached files */
export type DisplayMediaItem = { kind: 'image' | 'video'; id: string; durationMs: number; title: string; src: string; mediaType: MediaType };

export type DisplayItem = DisplayListItem | DisplaySlideItem | DisplayMediaItem;
export type ServedDisplayItem = ServedListItem | DisplaySlideItem | DisplayMediaItem;

/** A ticker band's text, crawling along the bottom of the screen. */
export interface DisplayTicker {
  id: string;
  text: string;
  pxPerSecond: number;
}

/** An emergency override in force, already verified by the core: it covers everything until it ends. */
export interface DisplayEmergency {
  id: string;
  title: string;
  body: string;
  footer: string | null;
  /** epoch ms of the controller when it was issued */
  issuedAt: number;
}

/** A screen-wide setting of the player: 'high' for bright halls and low-vision readers. */
export type DisplayContrast = 'normal' | 'high';

export interface PairingDisplayState {
  mode: 'pairing';
  pairingCode: string | null;
  controllerUrl: string;
  locale: DisplayLocale;
  screen?: ScreenGeometry | null;
  contrast?: DisplayContrast;
}

export interface PlayingDisplayState<Item> {
  mode: 'playing';
  screenName: string;
  manifestVersion: number;
  listRevision: number;
  /** epoch ms (controller-corrected) of the last successful list sync */
  listsUpdatedAt: number | null;
  /** the core's trusted "now" when it produced this state */
  nowMs: number;
  /** true when nothing scheduled, cached and valid remains: show the built-in fallback slide */
  fallback: boolean;
  timeline: Item[];
  /** ticker bands running now (absent in states from older cores: none) */
  tickers?: DisplayTicker[];
  /** which playlist the timeline is, and why: absent when the manifest has no programme */
  programme?: DisplayProgramme | null;
  locale: DisplayLocale;
  /** the screen's physical height and viewing distance, which size its type; absent: by resolution alone */
  screen?: ScreenGeometry | null;
  /** 'high': black ground, white text, yellow accents, whatever the list's theme; absent: 'normal' */
  contrast?: DisplayContrast;
  /** set while an emergency override is in force; absent or null: the normal rotation */
  emergency?: DisplayEmergency | null;
  /** set while the screen identifies itself (a technician's remote command): its name is overlaid until then (core clock, epoch ms) */
  identifyUntil?: number | null;
}

/** What the screen renders: list items with their entries. */
export type DisplayState = PairingDisplayState | PlayingDisplayState<DisplayItem>;
/** What /api/state answers: list items name their entry sets instead of carrying the entries. */
export type ServedDisplayState = PairingDisplayState | PlayingDisplayState<ServedDisplayItem>;

export interface DisplayProgramme {
  playlistId: string;
  /** the schedule that chose it, or null for the default playlist */
  scheduleId: string | null;
  /** core clock, epoch ms: when the core next re-evaluates */
  nextChangeAtMs: number;
}

export type DisplayLocale = 'zh-CN' | 'en';

/** Server-sent event name the core emits whenever the state changes. */
export const DISPLAY_STATE_EVENT = 'state';
/**
 * The core's "now" on every /api/state answer, a 304 included: the state itself is tagged without
 * it, so a display whose state has not changed re-reads the clock without re-reading the lists.
 */
export const DISPLAY_CORE_NOW_HEADER = 'x-core-now';

/** Where the display fetches one page of an entry set, inside the token-guarded /api scope. */
export function entrySetPagePath(setId: string, page: number): string {
  return `/api/entry-sets/${encodeURIComponent(setId)}/${page}`;
}

/** Server-sent event telling the page to reload itself (a technician's 'reload-display' command). */
export const DISPLAY_RELOAD_EVENT = 'reload';
