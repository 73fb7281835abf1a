// Playlists and schedules as they travel in the signed manifest: zod schemas and derived types.
// Plain JSON only: calendar dates and clock times as strings, durations in ms, never Date.

import { z } from 'zod';
import { isCalendarDate } from '../dates/calendar-date.ts';
import { isValidTimeZone } from './zoned-time.ts';

const idSchema = z.string().min(1).max(64);

const hasNoDuplicates = (values: readonly unknown[]): boolean => new Set(values).size === values.length;

/** The screen's IANA zone, e.g. 'Asia/Shanghai'; checked against the runtime's tz database. */
export const timeZoneSchema = z.string().refine(isValidTimeZone, { message: 'unknown IANA time zone' });

export const calendarDateSchema = z.string().refine(isCalendarDate, { message: 'expected a real date as YYYY-MM-DD' });

export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm from 00:00 to 23:59');

/** '24:00' is allowed as an end only: the midnight that closes the day, so 00:00–24:00 is a whole day. */
export const windowEndSchema = z.union([clockTimeSchema, z.literal('24:00')]);

/** Minutes since midnight of an 'HH:mm' time ('24:00' gives 1440). */
export function minuteOfDay(clockTime: string): number {
  const [hours, minutes] = clockTime.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/**
 * A time-of-day window, start inclusive, end exclusive, read on the screen's wall clock. An end
 * earlier than the start makes an overnight window (22:00–06:00) that runs into the next day.
 */
export const timeWindowSchema = z
  .object({ start: clockTimeSchema, end: windowEndSchema })
  .refine((window) => window.start !== window.end, { message: 'a window must not start and end at the same time', path: ['end'] });
export type TimeWindow = z.infer<typeof timeWindowSchema>;

export function isOvernightWindow(window: TimeWindow): boolean {
  return minuteOfDay(window.end) < minuteOfDay(window.start);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const weekdaySchema = z.number().int().min(1).max(7);

// Room for a few tiers (routine, campaign, holiday) with gaps between them; emergency overrides
// are a separate mechanism and do not compete through priority.
export const MAX_SCHEDULE_PRIORITY = 1000;

// Half-hour windows over a whole day are 48; more than that is a data error, not a schedule.
const MAX_WINDOWS_PER_SCHEDULE = 48;

export const scheduleSchema = z
  .object({
    id: idSchema,
    playlistId: idSchema,
    /** plays on screens in any of these groups */
    screenGroupIds: z.array(idSchema).min(1).max(1000).refine(hasNoDuplicates, { message: 'screen groups must be unique' }),
    /** first date on which a window may start, inclusive, in the screen's zone; none = no lower bound */
    firstDate: calendarDateSchema.optional(),
    /** last date on which a window may start, inclusive (an overnight window still runs past it) */
    lastDate: calendarDateSchema.optional(),
    /** ISO weekdays on which a window may start */
    weekdays: z.array(weekdaySchema).min(1).max(7).refine(hasNoDuplicates, { message: 'weekdays must be unique' }),
    windows: z.array(timeWindowSchema).min(1).max(MAX_WINDOWS_PER_SCHEDULE),
    /** higher wins where schedules overlap */
    priority: z.number().int().min(0).max(MAX_SCHEDULE_PRIORITY),
  })
  .refine((schedule) => schedule.firstDate === undefined || schedule.lastDate === undefined || schedule.firstDate <= schedule.lastDate, {
    message: 'firstDate must not be after lastDate',
    path: ['lastDate'],
  });
export type Schedule = z.infer<typeof scheduleSchema>;

// A day; anything longer on one item is a mistake, and the bound keeps a loop's length exact in a double.
const MAX_ITEM_DURATION_MS = 86_400_000;

export const playlistItemSchema = z.object({
  contentId: idSchema,
  durationMs: z.number().int().positive().max(MAX_ITEM_DURATION_MS),
});
export type PlaylistItem = z.infer<typeof playlistItemSchema>;

/** Ordered content that loops while its schedule (or the default) holds. */
export const playlistSchema = z.object({
  id: idSchema,
  items: z.array(playlistItemSchema).min(1).max(500),
  /** ticker bands that run along the bottom while this playlist plays */
  tickerIds: z.array(idSchema).max(20).refine(hasNoDuplicates, { message: 'tickers must be unique' }).optional(),
});
export type Playlist = z.infer<typeof playlistSchema>;
