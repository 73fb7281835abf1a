// The preview's reading of GET /api/v1/screens/:id/programme: the instant asked about from a
// wall-clock time on the screen's own clock, times shown back on that clock, what each playing
// item is in the content library, and why each schedule that was on did or did not win. Pure.

import type { PreviewContender, ProgrammePreview } from '../../../../../shared/protocol/programme-api.ts';
import { epochMsAtWallClock, utcOffsetMsAt } from '../../../../../shared/schedules/zoned-time.ts';

export type { PreviewContender, ProgrammePreview };

/** The default playlist's id when no approved playlist was chosen (the controller's ROTATION_PLAYLIST_ID). */
export const ROTATION_PLAYLIST_ID = 'rotation';

/** The instant the screen's wall clock reads `date` `clock` ('2026-12-07', '10:30'), in its own zone. */
export function instantOnScreenClock(date: string, clock: string, timeZone: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return epochMsAtWallClock(date, h * 60 + m, timeZone);
}

/** '2026-12-07 10:30' as the screen's wall clock shows the instant. */
export function screenClockText(epochMs: number, timeZone: string): string {
  const wall = new Date(epochMs + utcOffsetMsAt(epochMs, timeZone));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

// The manifest names content by kind and content id (controller/server/features/publishing/timeline.ts manifestIdOf).
const MANIFEST_PREFIXES = ['listview-', 'slide-', 'image-', 'video-', 'ticker-'] as const;

/** 'from – to' on the screen's clock, the second date left out when it is the same day. */
export function screenSpanText(fromMs: number, toMs: number, timeZone: string): string {
  const from = screenClockText(fromMs, timeZone);
  const to = screenClockText(toMs, timeZone);
  return from.slice(0, 10) === to.slice(0, 10) ? `${from} – ${to.slice(11)}` : `${from} – ${to}`;
}

/** The content library id behind a manifest item id; the built-in lists keep their own ids. */
export function contentIdOfItem(manifestId: string): string {
  const prefix = MANIFEST_PREFIXES.find((candidate) => manifestId.startsWith(candidate));
  return prefix ? manifestId.slice(prefix.length) : manifestId;
}

/**
 * Why a schedule that was on did or did not decide the screen, by the screens' rule: higher
 * priority wins; on equal priority the one that started later; then the lower schedule id.
 */
export type Verdict = 'winner' | 'lower-priority' | 'started-earlier' | 'tie-broken-by-id';

export function verdictOf(contender: PreviewContender, winnerId: string | null, contenders: readonly PreviewContender[]): Verdict {
  if (contender.scheduleId === winnerId) return 'winner';
  const winner = contenders.find((candidate) => candidate.scheduleId === winnerId);
  if (!winner || winner.priority > contender.priority) return 'lower-priority';
  if ((winner.sinceMs ?? -Infinity) !== (contender.sinceMs ?? -Infinity)) return 'started-earlier';
  return 'tie-broken-by-id';
}

export interface TimedItem {
  index: number;
  id: string;
  kind: string | null;
  title: string | null;
  durationMs: number;
  /** from the start of the loop */
  offsetMs: number;
}

/** The items with where each starts within one loop of the playlist. */
export function timedItems(items: ProgrammePreview['items']): { items: TimedItem[]; loopMs: number } {
  let offsetMs = 0;
  const timed = items.map((item, index) => {
    const entry = { index, ...item, offsetMs };
    offsetMs += item.durationMs;
    return entry;
  });
  return { items: timed, loopMs: offsetMs };
}
