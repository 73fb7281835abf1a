// Checks what /api/state returned before the screen trusts it: a bad entry is dropped, never shown.
import type { DisplayItem, DisplayLocale, DisplayState } from '../../../../shared/display/display-state.ts';
import { publicEntrySchema, type PublicEntry } from '../../../../shared/lists/list-entry.ts';
import { looksLikeUnmaskedIdNumber } from '../../../../shared/masking/masking.ts';
import { MEDIA_TYPES, mediaKindOf, type MediaType } from '../../../../shared/content/media-type.ts';
import { slideDocumentSchema } from '../../../../shared/protocol/manifest.ts';
import { parseEmergency } from './parse-emergency.ts';

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

/**
 * The controller masks natural persons' ID numbers and the core re-checks; the screen checks a
 * third time because it is the last step before a public wall.
 */
export function isPublishableEntry(entry: PublicEntry): boolean {
  return !(entry.subjectType === 'natural-person' && looksLikeUnmaskedIdNumber(entry.code));
}

function parseEntries(value: unknown): PublicEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: PublicEntry[] = [];
  for (const candidate of value) {
    const parsed = publicEntrySchema.safeParse(candidate);
    if (parsed.success && isPublishableEntry(parsed.data)) entries.push(parsed.data);
  }
  return entries;
}

// Only the core's own media route: a state that pointed an <img> or <video> elsewhere is refused.
const MEDIA_SRC = /^\/media\/[0-9a-f]{64}$/;

function asMediaType(value: unknown): MediaType | null {
  return (MEDIA_TYPES as readonly unknown[]).includes(value) ? (value as MediaType) : null;
}

function parseItem(value: unknown): DisplayItem | null {
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '') return null;
  const durationMs = clampDuration(value.durationMs);
  if (value.kind === 'list') {
    if (value.list !== 'red' && value.list !== 'black') return null;
    return {
      kind: 'list',
      id: value.id,
      list: value.list,
      // Falls back to the i18n list name when a title is missing.
      title: typeof value.title === 'string' ? value.title : '',
      source: typeof value.source === 'string' ? value.source : '',
      durationMs,
      // A stale list carries no entries: whatever arrives with the flag is dropped.
      ...(value.stale === true ? { entries: [], stale: true } : { entries: parseEntries(value.entries) }),
    };
  }
  if (value.kind === 'slide') {
    const slide = slideDocumentSchema.safeParse(value.slide);
    return slide.success ? { kind: 'slide', id: value.id, durationMs, slide: slide.data } : null;
  }
  if (value.kind === 'image' || value.kind === 'video') {
    const mediaType = asMediaType(value.mediaType);
    if (mediaType === null || mediaKindOf(mediaType) !== value.kind || typeof value.src !== 'string' || !MEDIA_SRC.test(value.src)) return null;
    return { kind: value.kind, id: value.id, durationMs, title: typeof value.title === 'string' ? value.title : '', src: value.src, mediaType };
  }
  return null;
}

export function parseDisplayState(value: unknown): DisplayState | null {
  if (!isObject(value)) return null;
  const locale = asLocale(value.locale);
  if (value.mode === 'pairing') {
    return {
      mode: 'pairing',
      pairingCode: typeof value.pairingCode === 'string' ? value.pairingCode : null,
      controllerUrl: typeof value.controllerUrl === 'string' ? value.controllerUrl : '',
      locale,
    };
  }
  if (value.mode !== 'playing') return null;
  const nowMs = asFiniteOrNull(value.nowMs);
  if (nowMs === null || !Array.isArray(value.timeline)) return null;
  const timeline = value.timeline.map(parseItem).filter((item): item is DisplayItem => item !== null);
  return {
    mode: 'playing',
    screenName: typeof value.screenName === 'string' ? value.screenName : '',
    manifestVersion: asFiniteOrNull(value.manifestVersion) ?? 0,
    listRevision: asFiniteOrNull(value.listRevision) ?? 0,
    listsUpdatedAt: asFiniteOrNull(value.listsUpdatedAt),
    nowMs,
    fallback: value.fallback === true,
    timeline,
    locale,
    emergency: parseEmergency(value.emergency),
    identifyUntil: asFiniteOrNull(value.identifyUntil),
  };
}
