// Playlists and schedules as operators write them and as their rows keep them. Content is named by
// its content id (or a built-in list: list-red, list-black); the publisher maps ids onto the manifest.

import { z } from 'zod';
import { AppError } from '../../errors.ts';
import { MAX_SCHEDULE_PRIORITY, scheduleSchema, type Schedule } from '../../../../shared/schedules/schedule.ts';


export const playlistDocumentSchema = z.object({
  items: z
    // An hour at most, as for any timeline item: the display holds no item longer.
    .array(z.object({ contentId: z.string().min(1).max(64), durationMs: z.number().int().min(3_000).max(3_600_000) }))
    .min(1, '播放列表至少需要一项内容 (a playlist needs at least one item)')
    .max(500),
  /** ticker content ids that run along the bottom while the playlist plays */
  tickerIds: z
    .array(z.string().min(1).max(64))
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: '滚动字幕不能重复 (tickers must be unique)' })
    .default([]),
});
export type PlaylistDocument = z.infer<typeof playlistDocumentSchema>;

/** A schedule as stored: the shared schedule with its own row id (so the two can never disagree, the id is re-set on read). */
export type ScheduleDocument = Omit<Schedule, 'id'>;

/** A schedule from a request body or a row; a bad one is a 400 naming each field, as request bodies are. */
export function parseScheduleDocument(id: string, raw: unknown): Schedule {
  const result = scheduleSchema.safeParse({ ...(raw as object), id });
  if (result.success) return result.data;
  throw new AppError('validation.failed', '排期无效 (invalid schedule)', {
    issues: result.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message, code: issue.code })),
  });
}

export { MAX_SCHEDULE_PRIORITY };
