// "What will screen X play at T", answered from a manifest with the screen's own evaluation, and
// with the schedules that were on at T beside the winner, so the console can say why it won. Pure.

import { evaluateSchedule } from '../../../../shared/schedules/evaluate-schedule.ts';
import type { Manifest } from '../../../../shared/protocol/manifest.ts';
import type { PreviewContender, ProgrammePreview } from '../../../../shared/protocol/programme-api.ts';

export interface PreviewInput {
  screenId: string;
  nowMs: number;
  timeZone: string;
  screenGroupIds: readonly string[];
}

export function programmePreview(manifest: Manifest | null, input: PreviewInput): ProgrammePreview {
  const { screenId, nowMs, timeZone, screenGroupIds } = input;
  const base = { screenId, at: nowMs, timeZone, manifestVersion: manifest?.version ?? null };
  const programme = manifest?.programme;
  if (!manifest || !programme) {
    const items = manifest?.timeline.map((item) => ({ id: item.id, kind: item.kind, title: titleOf(item), durationMs: item.durationMs })) ?? [];
    return { ...base, playlistId: null, source: { kind: 'rotation' }, sinceMs: null, nextChangeAtMs: null, items, tickerIds: manifest?.tickers?.map((ticker) => ticker.id) ?? [], contenders: [] };
  }
  const context = { nowMs, timeZone, screenGroupIds, defaultPlaylistId: programme.defaultPlaylistId };
  const decision = evaluateSchedule(programme.schedules, context);
  const playlist = programme.playlists.find((candidate) => candidate.id === decision.playlistId);
  const timeline = new Map(manifest.timeline.map((item) => [item.id, item]));
  return {
    ...base,
    playlistId: decision.playlistId,
    source: decision.source,
    sinceMs: decision.sinceMs,
    nextChangeAtMs: decision.nextChangeAtMs,
    items: (playlist?.items ?? []).map((item) => {
      const shown = timeline.get(item.contentId);
      return { id: item.contentId, kind: shown?.kind ?? null, title: shown ? titleOf(shown) : null, durationMs: item.durationMs };
    }),
    tickerIds: playlist?.tickerIds ?? [],
    contenders: contendersAt(programme.schedules, context),
  };
}

function titleOf(item: Manifest['timeline'][number]): string | null {
  return item.kind === 'slide' ? null : item.title;
}

/** Each schedule evaluated alone: on at T if it alone would choose its playlist. */
function contendersAt(schedules: NonNullable<Manifest['programme']>['schedules'], context: Parameters<typeof evaluateSchedule>[1]): PreviewContender[] {
  const groups = new Set(context.screenGroupIds);
  return schedules
    .filter((schedule) => schedule.screenGroupIds.some((group) => groups.has(group)))
    .flatMap((schedule) => {
      const alone = evaluateSchedule([schedule], context);
      if (alone.source.kind !== 'schedule') return [];
      return [{ scheduleId: schedule.id, playlistId: schedule.playlistId, priority: schedule.priority, sinceMs: alone.sinceMs, untilMs: alone.nextChangeAtMs }];
    })
    .sort((a, b) => b.priority - a.priority || (b.sinceMs ?? -Infinity) - (a.sinceMs ?? -Infinity) || (a.scheduleId < b.scheduleId ? -1 : 1));
}
