// A playlist being edited: its items with keys that survive reordering (one content may appear
// twice), durations in whole seconds as the API takes them, and what the server would refuse. Pure.

import type { ContentRow, PlaylistDocument } from './programme-api.ts';

// The server's bounds on an item (controller/server/features/programme/routes.ts): at least 3 s, at most an hour.
export const MIN_ITEM_SECONDS = 3;
export const MAX_ITEM_SECONDS = 3_600;
// What a new slide or ticker-free item gets: long enough to read a slide of a few lines.
export const DEFAULT_ITEM_SECONDS = 15;
// The built-in whole lists run longer: their rows scroll by.
const BUILT_IN_LIST_SECONDS = 60;
export const MAX_PLAYLIST_ITEMS = 500;

/** The built-in whole-list items every playlist may name without a content row. */
export const BUILT_IN_LIST_IDS = ['list-red', 'list-black'] as const;

export interface DraftItem {
  /** stable across moves, unique within the draft */
  key: string;
  contentId: string;
  durationSeconds: number;
}

export interface PlaylistDraft {
  name: string;
  items: DraftItem[];
  tickerIds: string[];
  /** the next key number to hand out */
  nextKey: number;
}

export const emptyDraft = (): PlaylistDraft => ({ name: '', items: [], tickerIds: [], nextKey: 1 });

export function draftFromDocument(name: string, document: PlaylistDocument): PlaylistDraft {
  const items = document.items.map((item, index) => ({ key: `item-${index + 1}`, contentId: item.contentId, durationSeconds: Math.round(item.durationMs / 1000) }));
  return { name, items, tickerIds: [...document.tickerIds], nextKey: items.length + 1 };
}

/** The duration a newly added item starts with: the content's own when it has one. */
export function defaultSecondsFor(contentId: string, library: readonly ContentRow[]): number {
  if ((BUILT_IN_LIST_IDS as readonly string[]).includes(contentId)) return BUILT_IN_LIST_SECONDS;
  const row = library.find((content) => content.id === contentId);
  if (!row) return DEFAULT_ITEM_SECONDS;
  try {
    const document = JSON.parse(row.documentJson) as { durationMs?: unknown };
    if (typeof document.durationMs === 'number') return clampSeconds(Math.round(document.durationMs / 1000));
  } catch {
    // A document the console cannot read still gets the ordinary default.
  }
  return DEFAULT_ITEM_SECONDS;
}

function clampSeconds(seconds: number): number {
  return Math.min(MAX_ITEM_SECONDS, Math.max(MIN_ITEM_SECONDS, seconds));
}

export function addItem(draft: PlaylistDraft, contentId: string, durationSeconds: number): PlaylistDraft {
  return { ...draft, items: [...draft.items, { key: `item-${draft.nextKey}`, contentId, durationSeconds }], nextKey: draft.nextKey + 1 };
}

export function removeItem(draft: PlaylistDraft, key: string): PlaylistDraft {
  return { ...draft, items: draft.items.filter((item) => item.key !== key) };
}

export function setDuration(draft: PlaylistDraft, key: string, durationSeconds: number): PlaylistDraft {
  return { ...draft, items: draft.items.map((item) => (item.key === key ? { ...item, durationSeconds } : item)) };
}

/** Moves the item with `activeKey` to where `overKey` is, as a drag ends; unknown keys change nothing. */
export function moveItem(draft: PlaylistDraft, activeKey: string, overKey: string): PlaylistDraft {
  const from = draft.items.findIndex((item) => item.key === activeKey);
  const to = draft.items.findIndex((item) => item.key === overKey);
  if (from < 0 || to < 0 || from === to) return draft;
  const items = [...draft.items];
  const [moved] = items.splice(from, 1) as [DraftItem];
  items.splice(to, 0, moved);
  return { ...draft, items };
}

export function totalSeconds(items: ReadonlyArray<{ durationSeconds: number }>): number {
  return items.reduce((sum, item) => sum + (Number.isFinite(item.durationSeconds) ? item.durationSeconds : 0), 0);
}

/** 75 → '1:15', 3725 → '1:02:05': a loop's length at a glance, the same in both languages. */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export type DraftProblem = { kind: 'name' } | { kind: 'no-items' } | { kind: 'too-many-items' } | { kind: 'duration'; key: string };

/** What the server would refuse, found before sending so the editor can point at it. */
export function draftProblems(draft: PlaylistDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const name = draft.name.trim();
  if (name === '' || name.length > 100) problems.push({ kind: 'name' });
  if (draft.items.length === 0) problems.push({ kind: 'no-items' });
  if (draft.items.length > MAX_PLAYLIST_ITEMS) problems.push({ kind: 'too-many-items' });
  for (const item of draft.items) {
    if (!Number.isInteger(item.durationSeconds) || item.durationSeconds < MIN_ITEM_SECONDS || item.durationSeconds > MAX_ITEM_SECONDS) problems.push({ kind: 'duration', key: item.key });
  }
  return problems;
}

/** The body of POST /api/v1/playlists and PUT /api/v1/playlists/:id. */
export function playlistBody(draft: PlaylistDraft): { name: string; items: Array<{ contentId: string; durationSeconds: number }>; tickerIds: string[] } {
  return { name: draft.name.trim(), items: draft.items.map(({ contentId, durationSeconds }) => ({ contentId, durationSeconds })), tickerIds: [...draft.tickerIds] };
}
