// What the manifest plays under a schedule decision: the playlist's items with its durations, and
// its ticker bands. Pure.

import type { Manifest, Ticker, TimelineItem } from '../../../shared/protocol/manifest.ts';
import type { ScheduleDecision } from '../../../shared/schedules/evaluate-schedule.ts';

export interface PlayingSelection {
  /** in playing order, each with the duration its playlist gives it */
  items: TimelineItem[];
  tickers: Ticker[];
}

/**
 * Without a programme (or no decision) the timeline is the rotation and every ticker runs. A
 * decision naming a playlist the manifest lacks cannot happen with a manifest that passed its
 * schema (references are checked there), but falls back to the default playlist all the same.
 */
export function playingSelection(manifest: Manifest, decision: ScheduleDecision | null): PlayingSelection {
  const programme = manifest.programme;
  if (!programme || !decision) return { items: manifest.timeline, tickers: manifest.tickers ?? [] };
  const playlist =
    programme.playlists.find((candidate) => candidate.id === decision.playlistId) ?? programme.playlists.find((candidate) => candidate.id === programme.defaultPlaylistId);
  if (!playlist) return { items: manifest.timeline, tickers: manifest.tickers ?? [] };
  const byId = new Map(manifest.timeline.map((item) => [item.id, item]));
  const items: TimelineItem[] = [];
  for (const entry of playlist.items) {
    const item = byId.get(entry.contentId);
    if (item) items.push({ ...item, durationMs: entry.durationMs });
  }
  const tickersById = new Map((manifest.tickers ?? []).map((ticker) => [ticker.id, ticker]));
  const tickers = (playlist.tickerIds ?? []).flatMap((id) => tickersById.get(id) ?? []);
  return { items, tickers };
}
