// Wall-clock time in IANA zones: offsets, dates, weekdays, and the DST gap and overlap rule.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  InvalidTimeZoneError,
  addDays,
  calendarDateInZone,
  epochMsAtWallClock,
  isValidTimeZone,
  isoWeekday,
  utcOffsetMsAt,
  wallClockConverter,
} from '../../../../shared/schedules/zoned-time.ts';

const HOUR_MS = 3_600_000;

describe('zoned time', () => {
  it('reads Asia/Shanghai as UTC+8 all year, having had no DST since 1991', () => {
    assert.equal(utcOffsetMsAt(Date.parse('2024-01-15T00:00:00Z'), 'Asia/Shanghai'), 8 * HOUR_MS);
    assert.equal(utcOffsetMsAt(Date.parse('2024-07-15T00:00:00Z'), 'Asia/Shanghai'), 8 * HOUR_MS);
  });

  it('reads Europe/Berlin as UTC+1 in winter and UTC+2 in summer', () => {
    assert.equal(utcOffsetMsAt(Date.parse('2024-01-15T12:00:00Z'), 'Europe/Berlin'), 1 * HOUR_MS);
    assert.equal(utcOffsetMsAt(Date.parse('2024-07-15T12:00:00Z'), 'Europe/Berlin'), 2 * HOUR_MS);
  });

  it('reads the offset through formatToParts when format() prints an unexpected shape', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format');
    assert.ok(descriptor);
    Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', { configurable: true, get: () => () => '2024年3月5日 10:00:00' });
    try {
      assert.equal(utcOffsetMsAt(Date.parse('2024-01-15T12:00:00Z'), 'Europe/Berlin'), 1 * HOUR_MS);
      assert.equal(utcOffsetMsAt(Date.parse('2024-07-15T12:00:00Z'), 'Europe/Berlin'), 2 * HOUR_MS);
      assert.equal(utcOffsetMsAt(Date.parse('2024-03-04T16:00:00Z'), 'Asia/Shanghai'), 8 * HOUR_MS);
    } finally {
      Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', descriptor);
    }
  });

  it('gives the calendar date of the zone, not of UTC', () => {
    const instant = Date.parse('2024-03-04T20:00:00Z');
    assert.equal(calendarDateInZone(instant, 'UTC'), '2024-03-04');
    assert.equal(calendarDateInZone(instant, 'Asia/Shanghai'), '2024-03-05');
    assert.equal(calendarDateInZone(Date.parse('2024-03-05T03:00:00Z'), 'America/New_York'), '2024-03-04');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-02-29', 1), '2024-03-01');
    assert.equal(addDays('2023-12-31', 1), '2024-01-01');
    assert.equal(addDays('2024-01-01', -1), '2023-12-31');
  });

  it('numbers weekdays the ISO way, Monday 1 to Sunday 7', () => {
    assert.equal(isoWeekday('2024-03-04'), 1);
    assert.equal(isoWeekday('2024-03-08'), 5);
    assert.equal(isoWeekday('2024-03-10'), 7);
  });

  it('turns a wall-clock time on a date into the instant', () => {
    assert.equal(epochMsAtWallClock('2024-03-05', 8 * 60, 'Asia/Shanghai'), Date.parse('2024-03-05T08:00:00+08:00'));
    assert.equal(epochMsAtWallClock('2024-07-01', 8 * 60, 'America/New_York'), Date.parse('2024-07-01T08:00:00-04:00'));
  });

  it('reads 24:00 as the midnight that ends the date', () => {
    assert.equal(epochMsAtWallClock('2024-12-31', 24 * 60, 'Asia/Shanghai'), Date.parse('2025-01-01T00:00:00+08:00'));
  });

  it('maps a time skipped by spring-forward to the instant of the jump', () => {
    // Berlin, 2024-03-31: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 02:00–02:59 never happen.
    const jump = Date.parse('2024-03-31T01:00:00Z');
    assert.equal(epochMsAtWallClock('2024-03-31', 2 * 60 + 30, 'Europe/Berlin'), jump);
    assert.equal(epochMsAtWallClock('2024-03-31', 2 * 60, 'Europe/Berlin'), jump);
    assert.equal(epochMsAtWallClock('2024-03-31', 3 * 60, 'Europe/Berlin'), jump);
    assert.equal(epochMsAtWallClock('2024-03-31', 1 * 60 + 59, 'Europe/Berlin'), Date.parse('2024-03-31T00:59:00Z'));
    // New York, 2024-03-10: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    assert.equal(epochMsAtWallClock('2024-03-10', 2 * 60 + 30, 'America/New_York'), Date.parse('2024-03-10T07:00:00Z'));
  });

  it('maps a time repeated by fall-back to its first occurrence', () => {
    // Berlin, 2024-10-27: 03:00 CEST falls back to 02:00 CET at 01:00 UTC; 02:00–02:59 happen twice.
    assert.equal(epochMsAtWallClock('2024-10-27', 2 * 60 + 30, 'Europe/Berlin'), Date.parse('2024-10-27T02:30:00+02:00'));
    assert.equal(epochMsAtWallClock('2024-10-27', 3 * 60, 'Europe/Berlin'), Date.parse('2024-10-27T03:00:00+01:00'));
    assert.equal(epochMsAtWallClock('2024-11-03', 1 * 60 + 30, 'America/New_York'), Date.parse('2024-11-03T01:30:00-04:00'));
  });

  it('maps midnight to the jump where spring-forward skips it, so the day before ends as the day starts', () => {
    // Sao Paulo, 2018-11-04: 00:00 -03 jumped to 01:00 -02 at 03:00 UTC.
    const jump = Date.parse('2018-11-04T03:00:00Z');
    assert.equal(epochMsAtWallClock('2018-11-04', 0, 'America/Sao_Paulo'), jump);
    assert.equal(epochMsAtWallClock('2018-11-03', 24 * 60, 'America/Sao_Paulo'), jump);
    assert.equal(calendarDateInZone(jump, 'America/Sao_Paulo'), '2018-11-04');
  });

  it('gives, every day of a year, the first instant whose wall clock reads the time or later', () => {
    // Lord_Howe moves by 30 minutes; Sao_Paulo jumped at midnight until it dropped DST in 2019.
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Shanghai']) {
      const convert = wallClockConverter(timeZone);
      const wallAt = (instant: number): number => instant + utcOffsetMsAt(instant, timeZone);
      for (let date = '2018-10-28'; date <= '2019-10-31'; date = addDays(date, 1)) {
        for (const minute of [0, 90, 120, 135, 150, 180, 210, 1410, 1440]) {
          const wanted = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
          const instant = convert(date, minute);
          const where = `${timeZone} ${date} minute ${minute}`;
          assert.ok(wallAt(instant) >= wanted, where);
          assert.ok(wallAt(instant - 1_000) < wanted, where);
          // Only a skipped time may land later than asked, and then on the jump itself.
          if (wallAt(instant) !== wanted) assert.notEqual(utcOffsetMsAt(instant - 1_000, timeZone), utcOffsetMsAt(instant, timeZone), where);
        }
      }
    }
  });

  it('rejects an unknown or empty zone instead of falling back to the host zone', () => {
    assert.equal(isValidTimeZone('Asia/Shanghai'), true);
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isValidTimeZone(''), false);
    assert.throws(() => utcOffsetMsAt(0, 'Mars/Olympus_Mons'), (error: unknown) => {
      assert.ok(error instanceof InvalidTimeZoneError);
      assert.equal(error.code, 'invalid-time-zone');
      assert.equal(error.timeZone, 'Mars/Olympus_Mons');
      return true;
    });
  });
});
