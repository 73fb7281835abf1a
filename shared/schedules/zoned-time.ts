// Wall-clock time in an IANA time zone, through Intl alone, so shared/ needs no date library.
// Turns instants into a zone's calendar date and back, with one rule for DST gaps and overlaps.

import { formatCalendarDate, type CalendarDate } from '../dates/calendar-date.ts';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Thrown for a time zone that Intl does not know; the player must not guess one for a screen. */
export class InvalidTimeZoneError extends RangeError {
  readonly code = 'invalid-time-zone';
  readonly timeZone: string;

  constructor(timeZone: string) {
    super(`Unknown IANA time zone: ${JSON.stringify(timeZone)}`);
    this.name = 'InvalidTimeZoneError';
    this.timeZone = timeZone;
  }
}

// Building a DateTimeFormat is the expensive part of Intl; a screen uses one zone for its life.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  // An empty or missing zone would make Intl silently use the host's zone: exactly the guess to avoid.
  if (typeof timeZone !== 'string' || timeZone.trim() === '') throw new InvalidTimeZoneError(String(timeZone));
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new InvalidTimeZoneError(timeZone);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** Throws InvalidTimeZoneError unless Intl knows the zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in ms at an instant (e.g. +28_800_000 for Asia/Shanghai). */
export function utcOffsetMsAt(epochMs: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClockFields(formatterFor(timeZone), epochMs);
  // Some engines print midnight as 24 despite hourCycle 'h23'.
  const wallAsUtc = Date.UTC(year, month - 1, day, hour % 24, minute, second);
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

// format() is several times faster than formatToParts(); with the options above, en-US prints
// "3/5/2024, 10:00:00". Any other spelling (another engine, another ICU) takes formatToParts().
const EN_US_DATE_TIME = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

function wallClockFields(formatter: Intl.DateTimeFormat, epochMs: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const m = EN_US_DATE_TIME.exec(formatter.format(epochMs));
  if (m) return { month: Number(m[1]), day: Number(m[2]), year: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const { type, value } of formatter.formatToParts(epochMs)) {
    if (type in fields) fields[type as keyof typeof fields] = Number(value);
  }
  return fields;
}

/** The calendar date the zone's wall clock shows at an instant. */
export function calendarDateInZone(epochMs: number, timeZone: string): CalendarDate {
  const wall = new Date(epochMs + utcOffsetMsAt(epochMs, timeZone));
  return formatCalendarDate(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return formatCalendarDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. The same in every zone. */
export function isoWeekday(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/**
 * The first instant at which the zone's wall clock reads `minuteOfDay` on `date`, or later.
 * `minuteOfDay` may be 1440, meaning midnight at the end of the date.
 *
 * - A wall time skipped by a spring-forward jump maps to the instant of the jump: that is when
 *   the clock first reads past it, so a window "from 02:30" is on as soon as the clock says 03:00.
 * - A wall time repeated by a fall-back maps to its first occurrence, so a window boundary in
 *   the repeated hour is crossed once, never twice.
 *
 * For many conversions in one zone use wallClockConverter, which shares its Intl calls.
 */
export function epochMsAtWallClock(date: CalendarDate, minuteOfDay: number, timeZone: string): number {
  return wallClockConverter(timeZone)(date, minuteOfDay);
}

interface OffsetChange {
  atMs: number;
  offsetBeforeMs: number;
  offsetAfterMs: number;
}

/**
 * epochMsAtWallClock for one zone. The offset is sampled a day before the date and two days
 * after it: on an ordinary date they agree and every wall time is a plain subtraction; near a
 * transition, the transition is found once and each wall time is placed against it. Assumes a
 * zone changes its offset at most once in three days, which holds throughout the tz database
 * for the years a screen will see. Keep one converter per evaluation: it remembers its samples.
 */
export function wallClockConverter(timeZone: string): (date: CalendarDate, minuteOfDay: number) => number {
  assertTimeZone(timeZone);
  // Samples fall on whole days, so consecutive dates share them: about one Intl call a date.
  const sampledOffsets = new Map<number, number>();
  const offsetAt = (epochMs: number): number => {
    let offset = sampledOffsets.get(epochMs);
    if (offset === undefined) {
      offset = utcOffsetMsAt(epochMs, timeZone);
      sampledOffsets.set(epochMs, offset);
    }
    return offset;
  };
  const changes: OffsetChange[] = [];
  const changeBetween = (fromMs: number, toMs: number): OffsetChange => {
    const offsetBeforeMs = offsetAt(fromMs);
    const offsetAfterMs = offsetAt(toMs);
    const known = changes.find((c) => c.atMs > fromMs && c.atMs <= toMs && c.offsetBeforeMs === offsetBeforeMs && c.offsetAfterMs === offsetAfterMs);
    if (known) return known;
    // Bisect to the second: tz transitions fall on whole seconds.
    let before = Math.floor(fromMs / 1000);
    let after = Math.ceil(toMs / 1000);
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (offsetAt(middle * 1000) === offsetBeforeMs) before = middle;
      else after = middle;
    }
    const change = { atMs: after * 1000, offsetBeforeMs, offsetAfterMs };
    changes.push(change);
    return change;
  };

  // Per date: its midnight read as UTC, and its offset when steady (null near a change).
  const dates = new Map<CalendarDate, { midnightAsUtc: number; steadyOffsetMs: number | null }>();

  return (date, minuteOfDay) => {
    let known = dates.get(date);
    if (known === undefined) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const midnightAsUtc = Date.UTC(y, m - 1, d);
      const offsetBeforeMs = offsetAt(midnightAsUtc - MS_PER_DAY);
      known = { midnightAsUtc, steadyOffsetMs: offsetBeforeMs === offsetAt(midnightAsUtc + 2 * MS_PER_DAY) ? offsetBeforeMs : null };
      dates.set(date, known);
    }
    const wallAsUtc = known.midnightAsUtc + minuteOfDay * MS_PER_MINUTE;
    if (known.steadyOffsetMs !== null) return wallAsUtc - known.steadyOffsetMs;
    const change = changeBetween(known.midnightAsUtc - MS_PER_DAY, known.midnightAsUtc + 2 * MS_PER_DAY);
    // Read with the old offset the wall time must fall before the change, with the new one at or
    // after it. Both: a repeated time, take the first. Neither: a skipped time, take the jump.
    const withOldOffset = wallAsUtc - change.offsetBeforeMs;
    const withNewOffset = wallAsUtc - change.offsetAfterMs;
    if (withOldOffset < change.atMs) return withNewOffset >= change.atMs ? Math.min(withOldOffset, withNewOffset) : withOldOffset;
    return withNewOffset >= change.atMs ? withNewOffset : change.atMs;
  };
}
