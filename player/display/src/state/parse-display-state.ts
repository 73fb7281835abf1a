// Checks what /api/state returned before the screen trusts it: a doubtful item is dropped, never shown.
// The entries of its lists come separately, a page at a time, and are checked as they come (parse-entry-page.ts).
import type { DisplayEntrySet, DisplayLocale, DisplaySplitMedia, DisplayTicker, ServedDisplayItem, ServedDisplayState } from '../../../../shared/display/display-state.ts';
import { containsFullIdNumber } from '../../../../shared/masking/unmasked-data.ts';
import { MEDIA_TYPES, mediaKindOf, type MediaType } from '../../../../shared/content/media-type.ts';
import { LIST_LAYOUTS, listMotionSchema, slideDocumentSchema, type ListLayout, type ListMotion } from '../../../../shared/protocol/manifest.ts';
import { parseEmergency } from './parse-emergency.ts';
import { listQrSchema, type ListQr } from '../../../../shared/lists/query-link.ts';
import { screenGeometrySchema, type ScreenGeometry } from '../../../../shared/display/screen-geometry.ts';

// Same bounds as the manifest's timeline items: a zero duration would flicker the screen.
const MIN_DURATION_MS = 3_000;
const MAX_DURATION_MS = 3_600_000;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asLocale(value: unknown): DisplayLocale {
  return value === 'en' ? 'en' : 'zh-CN';
}

function asFiniteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function clampDuration(value: unknown): number {
  const ms = typeof value === 'number' && Number.isFinite(value) ? value : MIN_DURATION_MS;
  return Math.min(MAX_DURATION_MS, Math.max(MIN_DURATION_MS, ms));
}

// A set's id names its content (a hash, base64url); its page sizes add up to the list's length.
const ENTRY_SET_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_ENTRY_SET_PAGES = 10_000;
const MAX_ENTRIES_PER_PAGE = 100_000;

/** Where a list's entries are to be fetched from, or null when the reference is not one the core would write. */
function parseEntrySet(value: unknown): DisplayEntrySet | null {
  if (!isObject(value) || typeof value.id !== 'string' || !ENTRY_SET_ID.test(value.id) || !Array.isArray(value.pages) || value.pages.length > MAX_ENTRY_SET_PAGES) return null;
  const pages = value.pages as unknown[];
  if (!pages.every((count) => typeof count === 'number' && Number.isInteger(count) && count > 0 && count <= MAX_ENTRIES_PER_PAGE)) return null;
  return { id: value.id, pages: pages as number[] };
}

// Only the core's own media route: a state that pointed an <img> or <video> elsewhere is refused.
const MEDIA_SRC = /^\/media\/[0-9a-f]{64}$/;

function asMediaType(value: unknown): MediaType | null {
  return (MEDIA_TYPES as readonly unknown[]).includes(value) ? (value as MediaType) : null;
}

function parseMedia(value: JsonObject): { kind: 'image' | 'video'; src: string; mediaType: MediaType } | null {
  const mediaType = asMediaType(value.mediaType);
  if (value.kind !== 'image' && value.kind !== 'video') return null;
  if (mediaType === null || mediaKindOf(mediaType) !== value.kind || typeof value.src !== 'string' || !MEDIA_SRC.test(value.src)) return null;
  return { kind: value.kind, src: value.src, mediaType };
}

// The manifest's bound on a title; the split pane only uses it as the picture's alt text.
const SPLIT_TITLE_MAX = 200;

/**
 * How a list is laid out and moves. Anything doubtful falls back to what an older core meant by
 * its absence: full screen, the display's own scroll speed. A 'split' whose picture is not one of
 * the core's verified files shows the list full screen rather than point an <img> elsewhere.
 */
function parseListPresentation(value: JsonObject): { layout?: ListLayout; motion?: ListMotion; split?: DisplaySplitMedia; qr?: ListQr } {
  // A QR code the screen cannot trust (not http(s), unknown placeholders) is left out, not shown.
  const qr = listQrSchema.safeParse(value.qr);
  const layout = (LIST_LAYOUTS as readonly unknown[]).includes(value.layout) ? (value.layout as ListLayout) : undefined;
  const motion = listMotionSchema.safeParse(value.motion);
  const splitValue = layout === 'split' && isObject(value.split) ? value.split : null;
  const media = splitValue === null ? null : parseMedia(splitValue);
  const split: DisplaySplitMedia | null =
    splitValue === null || media === null ? null : { ...media, title: typeof splitValue.title === 'string' ? splitValue.title.slice(0, SPLIT_TITLE_MAX) : '' };
  return {
    ...(layout === 'marquee' || (layout === 'split' && split !== null) ? { layout } : {}),
    ...(motion.success ? { motion: motion.data } : {}),
    ...(split !== null ? { split } : {}),
    ...(value.qr !== undefined && qr.success ? { qr: qr.data } : {}),
  };
}

// The manifest's bounds on tickers: a core cannot make the page lay out an endless line.
const MAX_TICKERS = 20;
const TICKER_TEXT_MAX = 500;
const TICKER_SPEED_MIN = 20;
const TICKER_SPEED_MAX = 400;

/**
 * Ticker bands. A missing field (an older core) means none. Like an emergency notice, ticker text
 * is free text on a public wall: one holding a full ID number is refused here a third time.
 */
function parseTickers(value: unknown): DisplayTicker[] {
  if (!Array.isArray(value)) return [];
  const tickers: DisplayTicker[] = [];
  for (const candidate of value.slice(0, MAX_TICKERS)) {
    if (!isObject(candidate) || typeof candidate.id !== 'string' || candidate.id === '' || candidate.id.length > 64) continue;
    const { text, pxPerSecond } = candidate;
    if (typeof text !== 'string' || text.trim() === '' || text.length > TICKER_TEXT_MAX || containsFullIdNumber(text)) continue;
    if (typeof pxPerSecond !== 'number' || !Number.isFinite(pxPerSecond)) continue;
    tickers.push({ id: candidate.id, text, pxPerSecond: Math.min(TICKER_SPEED_MAX, Math.max(TICKER_SPEED_MIN, pxPerSecond)) });
  }
  return tickers;
}

function parseItem(value: unknown): ServedDisplayItem | null {
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '') return null;
  const durationMs = clampDuration(value.durationMs);
  if (value.kind === 'list') {
    if (value.list !== 'red' && value.list !== 'black') return null;
    // A stale list carries no entries: whatever set arrives with the flag is not fetched.
    const entrySet = value.stale === true ? null : parseEntrySet(value.entrySet);
    if (value.stale !== true && entrySet === null) return null;
    return {
      kind: 'list',
      id: value.id,
      list: value.list,
      // Falls back to the i18n list name when a title is missing.
      title: typeof value.title === 'string' ? value.title : '',
      source: typeof value.source === 'string' ? value.source : '',
      durationMs,
      entrySet,
      ...(value.stale === true ? { stale: true } : {}),
      ...parseListPresentation(value),
    };
  }
  if (value.kind === 'slide') {
    const slide = slideDocumentSchema.safeParse(value.slide);
    return slide.success ? { kind: 'slide', id: value.id, durationMs, slide: slide.data } : null;
  }
  if (value.kind === 'image' || value.kind === 'video') {
    const media = parseMedia(value);
    return media === null ? null : { ...media, id: value.id, durationMs, title: typeof value.title === 'string' ? value.title : '' };
  }
  return null;
}

/** A geometry the screen cannot trust sizes its type by resolution alone. */
function parseScreen(value: unknown): ScreenGeometry | null {
  const parsed = screenGeometrySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseDisplayState(value: unknown): ServedDisplayState | null {
  if (!isObject(value)) return null;
  const locale = asLocale(value.locale);
  const screen = parseScreen(value.screen);
  const contrast = value.contrast === 'high' ? 'high' : 'normal';
  if (value.mode === 'pairing') {
    return {
      mode: 'pairing',
      pairingCode: typeof value.pairingCode === 'string' ? value.pairingCode : null,
      controllerUrl: typeof value.controllerUrl === 'string' ? value.controllerUrl : '',
      locale,
      screen,
      contrast,
    };
  }
  if (value.mode !== 'playing') return null;
  const nowMs = asFiniteOrNull(value.nowMs);
  if (nowMs === null || !Array.isArray(value.timeline)) return null;
  const timeline = value.timeline.map(parseItem).filter((item): item is ServedDisplayItem => item !== null);
  return {
    mode: 'playing',
    screenName: typeof value.screenName === 'string' ? value.screenName : '',
    manifestVersion: asFiniteOrNull(value.manifestVersion) ?? 0,
    listRevision: asFiniteOrNull(value.listRevision) ?? 0,
    listsUpdatedAt: asFiniteOrNull(value.listsUpdatedAt),
    nowMs,
    fallback: value.fallback === true,
    timeline,
    tickers: parseTickers(value.tickers),
    locale,
    screen,
    contrast,
    emergency: parseEmergency(value.emergency),
    identifyUntil: asFiniteOrNull(value.identifyUntil),
  };
}
