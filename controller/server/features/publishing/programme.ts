// The manifest's programme from the published playlists and schedules: content ids become
// manifest ids, what cannot play is left out (and said why), and the built-in rotation is the
// default unless an approved playlist was chosen. Pure.

import type { Programme, Ticker, TimelineItem } from '../../../../shared/protocol/manifest.ts';
import type { Playlist, Schedule } from '../../../../shared/schedules/schedule.ts';
import type { PlaylistDocument } from '../programme/documents.ts';
import { BUILT_IN_LIST_ITEM_IDS, manifestIdOf, type ApprovedContent } from './timeline.ts';

/** The default playlist's id when no approved playlist was chosen: the timeline in its own order. */
export const ROTATION_PLAYLIST_ID = 'rotation';

// The manifest schema's bounds on a programme.
const MAX_PLAYLISTS = 200;
const MAX_SCHEDULES = 500;

export interface ProgrammeInputs {
  timeline: readonly TimelineItem[];
  tickers: readonly Ticker[];
  content: readonly ApprovedContent[];
  playlists: ReadonlyArray<{ id: string; document: PlaylistDocument }>;
  schedules: readonly Schedule[];
  defaultPlaylistId: string | null;
}

export interface ProgrammeResult {
  /** undefined while no approved playlist has anything playable: screens play the timeline as the rotation */
  programme: Programme | undefined;
  /** why something approved was left out, for the publish log */
  leftOut: string[];
}

export function buildProgramme(inputs: ProgrammeInputs): ProgrammeResult {
  const leftOut: string[] = [];
  const timelineIds = new Set(inputs.timeline.map((item) => item.id));
  const tickerIds = new Set(inputs.tickers.map((ticker) => ticker.id));
  const manifestIds = new Map<string, string>(BUILT_IN_LIST_ITEM_IDS.map((id) => [id, id]));
  for (const content of inputs.content) manifestIds.set(content.id, manifestIdOf(content));

  const playlists: Playlist[] = [];
  for (const { id, document } of inputs.playlists) {
    const items = document.items.flatMap((item) => {
      const manifestId = manifestIds.get(item.contentId);
      return manifestId !== undefined && timelineIds.has(manifestId) ? [{ contentId: manifestId, durationMs: item.durationMs }] : [];
    });
    if (items.length < document.items.length) leftOut.push(`playlist ${id}: ${document.items.length - items.length} item(s) not approved or retired`);
    if (items.length === 0) {
      leftOut.push(`playlist ${id}: nothing playable, left out`);
      continue;
    }
    const tickers = [...new Set(document.tickerIds)].flatMap((tickerId) => {
      const manifestId = manifestIds.get(tickerId);
      return manifestId !== undefined && tickerIds.has(manifestId) ? [manifestId] : [];
    });
    playlists.push({ id, items, ...(tickers.length > 0 ? { tickerIds: tickers } : {}) });
  }
  // One place is kept for the rotation, which may join them as the default.
  if (playlists.length > MAX_PLAYLISTS - 1) leftOut.push(`${playlists.length - (MAX_PLAYLISTS - 1)} playlist(s) beyond ${MAX_PLAYLISTS - 1}`);
  const published = playlists.slice(0, MAX_PLAYLISTS - 1);
  if (published.length === 0) return { programme: undefined, leftOut };

  const publishedIds = new Set(published.map((playlist) => playlist.id));
  const chosenDefault = inputs.defaultPlaylistId !== null && publishedIds.has(inputs.defaultPlaylistId) ? inputs.defaultPlaylistId : null;
  if (inputs.defaultPlaylistId !== null && chosenDefault === null) leftOut.push(`default playlist ${inputs.defaultPlaylistId} cannot play; the rotation is the default`);
  if (chosenDefault === null && inputs.timeline.length > 0) {
    published.push({
      id: ROTATION_PLAYLIST_ID,
      items: inputs.timeline.map((item) => ({ contentId: item.id, durationMs: item.durationMs })),
      ...(inputs.tickers.length > 0 ? { tickerIds: inputs.tickers.map((ticker) => ticker.id) } : {}),
    });
  }
  const defaultPlaylistId = chosenDefault ?? (inputs.timeline.length > 0 ? ROTATION_PLAYLIST_ID : (published[0] as Playlist).id);

  const schedules = inputs.schedules.filter((schedule) => {
    const playable = publishedIds.has(schedule.playlistId);
    if (!playable) leftOut.push(`schedule ${schedule.id}: its playlist ${schedule.playlistId} cannot play`);
    return playable;
  });
  if (schedules.length > MAX_SCHEDULES) leftOut.push(`${schedules.length - MAX_SCHEDULES} schedule(s) beyond ${MAX_SCHEDULES}`);
  return { programme: { playlists: published, schedules: schedules.slice(0, MAX_SCHEDULES), defaultPlaylistId }, leftOut };
}
