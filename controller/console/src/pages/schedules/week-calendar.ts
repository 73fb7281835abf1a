// Calendar maths for the schedules page, on the screens' wall clock: the blocks a schedule draws in
// one week (an overnight window is two blocks, the second on the next day), and the conflicts
// between schedules (equal priority, a shared screen group, windows that overlap). The rule for
// which date a window belongs to is the screens' own (shared/schedules/evaluate-schedule.ts): an
// occurrence belongs to the date it starts on. Pure; time zone changes (DST) are not drawn.

import { minuteOfDay } from '../../../../../shared/schedules/schedule.ts';
import { addDays, isoWeekday } from '../../../../../shared/schedules/zoned-time.ts';

const MINUTES_PER_DAY = 1440;
export const DAYS_PER_WEEK = 7;

/** What the calendar needs of a schedule: its id and the fields of its document. */
export interface CalendarSchedule {
  id: string;
  playlistId: string;
  screenGroupIds: readonly string[];
  firstDate?: string | undefined;
  lastDate?: string | undefined;
  weekdays: readonly number[];
  windows: ReadonlyArray<{ start: string; end: string }>;
  priority: number;
}

export interface CalendarBlock {
  scheduleId: string;
  /** 0 = the week's Monday … 6 = its Sunday */
  dayIndex: number;
  date: string;
  startMinute: number;
  /** exclusive, up to 1440 */
  endMinute: number;
  /** the rest of a window that started the day before */
  continued: boolean;
  /** runs on past midnight into the next day */
  continues: boolean;
}

/** The Monday of the week holding `date` (weeks run Monday to Sunday, as ISO and Chinese calendars have them). */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function weekDates(monday: string): string[] {
  return Array.from({ length: DAYS_PER_WEEK }, (_, index) => addDays(monday, index));
}

interface Occurrence {
  scheduleId: string;
  /** the date the window starts on */
  date: string;
  /** minutes from that date's midnight; the end may pass 1440 for an overnight window */
  startMinute: number;
  endMinute: number;
}

function runsOn(schedule: CalendarSchedule, date: string): boolean {
  if (!schedule.weekdays.includes(isoWeekday(date))) return false;
  if (schedule.firstDate !== undefined && date < schedule.firstDate) return false;
  return schedule.lastDate === undefined || date <= schedule.lastDate;
}

/** A window's start and end in minutes from its own date's midnight: 22:00–06:00 is 1320–1800. */
export function windowMinutes(window: { start: string; end: string }): { startMinute: number; endMinute: number } {
  const startMinute = minuteOfDay(window.start);
  const end = minuteOfDay(window.end);
  return { startMinute, endMinute: end <= startMinute ? end + MINUTES_PER_DAY : end };
}

function occurrencesOn(schedule: CalendarSchedule, date: string): Occurrence[] {
  if (!runsOn(schedule, date)) return [];
  return schedule.windows.map((window) => ({ scheduleId: schedule.id, date, ...windowMinutes(window) }));
}

/** Every block the schedules draw in the week starting `monday`, including the tail of last Sunday's overnight windows. */
export function blocksForWeek(schedules: readonly CalendarSchedule[], monday: string): CalendarBlock[] {
  const dates = weekDates(monday);
  const blocks: CalendarBlock[] = [];
  for (const schedule of schedules) {
    for (let dayIndex = -1; dayIndex < DAYS_PER_WEEK; dayIndex += 1) {
      for (const occurrence of occurrencesOn(schedule, addDays(monday, dayIndex))) {
        const overnight = occurrence.endMinute > MINUTES_PER_DAY;
        if (dayIndex >= 0) {
          blocks.push({ scheduleId: schedule.id, dayIndex, date: dates[dayIndex] as string, startMinute: occurrence.startMinute, endMinute: Math.min(occurrence.endMinute, MINUTES_PER_DAY), continued: false, continues: overnight });
        }
        // An end at 00:00 is the midnight itself: nothing spills into the next day.
        if (overnight && dayIndex + 1 < DAYS_PER_WEEK) {
          blocks.push({ scheduleId: schedule.id, dayIndex: dayIndex + 1, date: dates[dayIndex + 1] as string, startMinute: 0, endMinute: occurrence.endMinute - MINUTES_PER_DAY, continued: true, continues: false });
        }
      }
    }
  }
  return blocks;
}

/** Two schedules that compete on equal terms: same priority, a screen group in common. */
export function competeOnEqualTerms(a: CalendarSchedule, b: CalendarSchedule): boolean {
  return a.id !== b.id && a.priority === b.priority && a.screenGroupIds.some((group) => b.screenGroupIds.includes(group));
}

export interface ScheduleConflict {
  /** the pair, in the order the schedules were given */
  scheduleIds: [string, string];
  priority: number;
  sharedGroupIds: string[];
  /** the first overlap found: the date it starts on and its minutes from that midnight */
  firstOverlap: { date: string; startMinute: number; endMinute: number };
}

/** Days from an epoch, so dates compare and subtract as numbers. */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

// Both patterns repeat weekly and an overnight window reaches into the next day, so any overlap
// inside their common dates shows within its first 8 days; the day before catches an overnight
// window of one reaching into the other's first day.
const DAYS_TO_SEARCH = 8;

/**
 * The first time, on or after `fromDate`, that two schedules' windows overlap, or null. Overlaps
 * that are over before `fromDate` (both schedules expired) are not conflicts any more.
 */
export function firstOverlap(a: CalendarSchedule, b: CalendarSchedule, fromDate: string): ScheduleConflict['firstOverlap'] | null {
  const start = [fromDate, a.firstDate, b.firstDate].filter((date): date is string => date !== undefined).sort().at(-1) as string;
  const commonLast = [a.lastDate, b.lastDate].filter((date): date is string => date !== undefined).sort()[0];
  const from = addDays(start, -1);
  const searchEnd = addDays(start, DAYS_TO_SEARCH);
  const to = commonLast !== undefined && addDays(commonLast, 1) < searchEnd ? addDays(commonLast, 1) : searchEnd;
  if (from > to) return null;

  const origin = dayNumber(from);
  // `from` is the day before `start`, so `start` begins one day in.
  const startDateAt = MINUTES_PER_DAY;
  const absolute = (schedule: CalendarSchedule) => {
    const found: Array<{ fromMinute: number; toMinute: number }> = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const offset = (dayNumber(date) - origin) * MINUTES_PER_DAY;
      for (const occurrence of occurrencesOn(schedule, date)) found.push({ fromMinute: offset + occurrence.startMinute, toMinute: offset + occurrence.endMinute });
    }
    return found;
  };
  const ofB = absolute(b);
  let best: { at: number; until: number } | null = null;
  for (const x of absolute(a)) {
    for (const y of ofB) {
      const overlapStart = Math.max(x.fromMinute, y.fromMinute);
      const overlapEnd = Math.min(x.toMinute, y.toMinute);
      // Still on at the start date's midnight or later: the day before only counts as a spill into it.
      if (overlapStart < overlapEnd && overlapEnd > startDateAt && (best === null || overlapStart < best.at)) best = { at: overlapStart, until: overlapEnd };
    }
  }
  if (best === null) return null;
  const day = Math.floor(best.at / MINUTES_PER_DAY);
  return { date: addDays(from, day), startMinute: best.at - day * MINUTES_PER_DAY, endMinute: best.until - day * MINUTES_PER_DAY };
}

/** Every pair of schedules that compete on equal terms and overlap on or after `fromDate`, with where first. */
export function scheduleConflicts(schedules: readonly CalendarSchedule[], fromDate: string): ScheduleConflict[] {
  const conflicts: ScheduleConflict[] = [];
  schedules.forEach((a, index) => {
    for (const b of schedules.slice(index + 1)) {
      if (!competeOnEqualTerms(a, b)) continue;
      const overlap = firstOverlap(a, b, fromDate);
      if (overlap) conflicts.push({ scheduleIds: [a.id, b.id], priority: a.priority, sharedGroupIds: a.screenGroupIds.filter((group) => b.screenGroupIds.includes(group)), firstOverlap: overlap });
    }
  });
  return conflicts;
}

/** The stretches of one day where blocks of schedules in conflict overlap, for the calendar to mark. */
export interface ConflictZone {
  dayIndex: number;
  startMinute: number;
  endMinute: number;
  scheduleIds: [string, string];
}

export function conflictZones(blocks: readonly CalendarBlock[], schedules: readonly CalendarSchedule[]): ConflictZone[] {
  const byId = new Map(schedules.map((schedule) => [schedule.id, schedule]));
  const zones: ConflictZone[] = [];
  blocks.forEach((x, index) => {
    for (const y of blocks.slice(index + 1)) {
      if (x.dayIndex !== y.dayIndex || x.scheduleId === y.scheduleId) continue;
      const a = byId.get(x.scheduleId);
      const b = byId.get(y.scheduleId);
      if (!a || !b || !competeOnEqualTerms(a, b)) continue;
      const startMinute = Math.max(x.startMinute, y.startMinute);
      const endMinute = Math.min(x.endMinute, y.endMinute);
      if (startMinute < endMinute) zones.push({ dayIndex: x.dayIndex, startMinute, endMinute, scheduleIds: [x.scheduleId, y.scheduleId] });
    }
  });
  return zones;
}

/**
 * Side-by-side lanes for a day's blocks, as calendars lay out overlapping events: each block gets
 * the first lane free at its start, and `lanes` says how many the busiest stretch needs.
 */
export function laneLayout(blocks: readonly CalendarBlock[]): { lanes: number; laneOf: Map<CalendarBlock, number> } {
  const laneOf = new Map<CalendarBlock, number>();
  const laneEnds: number[] = [];
  for (const block of [...blocks].sort((x, y) => x.startMinute - y.startMinute || y.endMinute - x.endMinute)) {
    let lane = laneEnds.findIndex((end) => end <= block.startMinute);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = block.endMinute;
    laneOf.set(block, lane);
  }
  return { lanes: Math.max(1, laneEnds.length), laneOf };
}

/** 90 → '01:30'; 1440 → '24:00'. */
export function clockOf(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
