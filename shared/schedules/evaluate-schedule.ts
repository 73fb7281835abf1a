// Which playlist a screen plays at an instant, since when, and until when: pure, so the player
// decides offline from its cached manifest and its own clock.
//
// Rules:
// - A window occurrence belongs to the date it starts on, in the screen's zone: that date must
//   lie in [firstDate, lastDate] and have one of the schedule's weekdays. An overnight window
//   (Friday 22:00–06:00) therefore runs from Friday 22:00 to Saturday 06:00, and is not on at
//   Friday 03:00 (that would be Thursday's occurrence).
// - Start inclusive, end exclusive. Boundaries map to instants as epochMsAtWallClock says: a
//   time skipped by spring-forward starts at the jump, a repeated time counts at its first pass.
// - Where occurrences overlap, the higher priority wins; on equal priority the occurrence that
//   started later wins (the newer window takes over, as an operator expects when adding a
//   slot inside a longer one); then the lower schedule id, compared by code unit.
// - Nothing on: the default playlist.
// - The answer is the playlist and the schedule that chose it: back-to-back windows of one
//   schedule are one run, while a hand-over between schedules is a change even when both name
//   the same playlist (proof-of-play records which schedule was on).

import { isOvernightWindow, minuteOfDay, type Schedule } from './schedule.ts';
import { addDays, assertTimeZone, calendarDateInZone, isoWeekday, wallClockConverter } from './zoned-time.ts';

const MS_PER_DAY = 86_400_000;

// Weekly patterns repeat every 7 days and an overnight window spills into the 8th, so 8 days
// sees every boundary a weekly schedule can make. Past that only a date range that has not yet
// begun can change the answer, and the player re-evaluates at the horizon anyway. It also keeps
// the timer well under setTimeout's 24.8-day limit and the work to schedules × windows × ~18 days.
export const SCHEDULE_LOOKAHEAD_MS = 8 * MS_PER_DAY;

// How far back sinceMs is looked for; an answer older than this has no known start (null).
export const SCHEDULE_LOOKBACK_MS = 8 * MS_PER_DAY;

export interface ScheduleContext {
  /** the player's trusted clock, epoch ms */
  nowMs: number;
  /** the screen's IANA zone; an unknown one throws InvalidTimeZoneError */
  timeZone: string;
  /** the groups the screen belongs to */
  screenGroupIds: readonly string[];
  /** what plays when no schedule is on */
  defaultPlaylistId: string;
}

export type ScheduleSource = { kind: 'schedule'; scheduleId: string } | { kind: 'default' };

export interface ScheduleDecision {
  playlistId: string;
  source: ScheduleSource;
  /**
   * When this answer (playlist and source) took effect: a stable anchor for playlistPosition, so
   * a restarted player resumes where it was and screens of one group rotate in step. null when it
   * has held for the whole look-back.
   */
  sinceMs: number | null;
  /**
   * The next instant at which the answer changes, or nowMs + SCHEDULE_LOOKAHEAD_MS if it holds
   * that long. Evaluate again at this instant, and whenever schedules, groups or the clock change.
   */
  nextChangeAtMs: number;
}

interface Occurrence {
  scheduleId: string;
  playlistId: string;
  priority: number;
  startMs: number;
  endMs: number;
}

export function evaluateSchedule(schedules: readonly Schedule[], context: ScheduleContext): ScheduleDecision {
  const { nowMs, timeZone } = context;
  if (!Number.isFinite(nowMs)) throw new RangeError(`nowMs must be a finite epoch ms, got ${nowMs}`);
  assertTimeZone(timeZone);
  const fromMs = nowMs - SCHEDULE_LOOKBACK_MS;
  const toMs = nowMs + SCHEDULE_LOOKAHEAD_MS;
  const segments = answerSegments(occurrencesBetween(schedules, context, fromMs, toMs), fromMs, toMs);

  let index = 0;
  while (index + 1 < segments.length && (segments[index + 1] as Segment).startMs <= nowMs) index += 1;
  const current = segments[index] as Segment;
  const winner = current.winner;
  return {
    playlistId: winner ? winner.playlistId : context.defaultPlaylistId,
    source: winner ? { kind: 'schedule', scheduleId: winner.scheduleId } : { kind: 'default' },
    sinceMs: index === 0 ? null : current.startMs,
    nextChangeAtMs: segments[index + 1]?.startMs ?? toMs,
  };
}

/** Every window occurrence of the screen's schedules that overlaps [fromMs, toMs). */
function occurrencesBetween(schedules: readonly Schedule[], context: ScheduleContext, fromMs: number, toMs: number): Occurrence[] {
  const groups = new Set(context.screenGroupIds);
  const targeted = schedules
    .filter((schedule) => schedule.screenGroupIds.some((group) => groups.has(group)))
    .map((schedule) => ({
      schedule,
      windows: schedule.windows.map((window) => ({ startMinute: minuteOfDay(window.start), endMinute: minuteOfDay(window.end), overnight: isOvernightWindow(window) })),
    }));
  const instantAt = wallClockConverter(context.timeZone);

  const occurrences: Occurrence[] = [];
  // The day before fromMs's date holds overnight windows still running at fromMs.
  const lastDate = calendarDateInZone(toMs, context.timeZone);
  for (let date = addDays(calendarDateInZone(fromMs, context.timeZone), -1); date <= lastDate; ) {
    const weekday = isoWeekday(date);
    const nextDate = addDays(date, 1);
    for (const { schedule, windows } of targeted) {
      if (!schedule.weekdays.includes(weekday)) continue;
      if (schedule.firstDate !== undefined && date < schedule.firstDate) continue;
      if (schedule.lastDate !== undefined && date > schedule.lastDate) continue;
      for (const window of windows) {
        const startMs = instantAt(date, window.startMinute);
        const endMs = instantAt(window.overnight ? nextDate : date, window.endMinute);
        // Empty when the whole window fell into a spring-forward gap: that time did not exist.
        if (endMs <= startMs || endMs <= fromMs || startMs >= toMs) continue;
        occurrences.push({ scheduleId: schedule.id, playlistId: schedule.playlistId, priority: schedule.priority, startMs, endMs });
      }
    }
    date = nextDate;
  }
  return occurrences;
}

interface Segment {
  startMs: number;
  /** null: the default playlist */
  winner: Occurrence | null;
}

/** Sweeps [fromMs, toMs) and returns where the answer changes, merging runs of the same answer. */
function answerSegments(occurrences: Occurrence[], fromMs: number, toMs: number): Segment[] {
  const byStart = [...occurrences].sort((a, b) => a.startMs - b.startMs);
  const boundaries = new Set<number>([fromMs]);
  for (const { startMs, endMs } of occurrences) {
    if (startMs > fromMs && startMs < toMs) boundaries.add(startMs);
    if (endMs > fromMs && endMs < toMs) boundaries.add(endMs);
  }

  const segments: Segment[] = [];
  let active: Occurrence[] = [];
  let next = 0;
  for (const boundary of [...boundaries].sort((a, b) => a - b)) {
    while (next < byStart.length && (byStart[next] as Occurrence).startMs <= boundary) active.push(byStart[next++] as Occurrence);
    active = active.filter((occurrence) => occurrence.endMs > boundary);
    const winner = active.reduce<Occurrence | null>((best, candidate) => (best === null || outranks(candidate, best) ? candidate : best), null);
    const previous = segments[segments.length - 1];
    if (previous === undefined || !sameAnswer(previous.winner, winner)) segments.push({ startMs: boundary, winner });
  }
  return segments;
}

function outranks(a: Occurrence, b: Occurrence): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.startMs !== b.startMs) return a.startMs > b.startMs;
  return a.scheduleId < b.scheduleId;
}

function sameAnswer(a: Occurrence | null, b: Occurrence | null): boolean {
  if (a === null || b === null) return a === b;
  return a.scheduleId === b.scheduleId && a.playlistId === b.playlistId;
}
