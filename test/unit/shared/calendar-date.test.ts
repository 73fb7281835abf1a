// Calendar-date strings: validation, age, Excel serials, loose spellings, and day boundaries in a fixed zone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ageOn,
  calendarDateAt,
  endOfCalendarDateMs,
  excelSerialToCalendarDate,
  formatCalendarDate,
  isCalendarDate,
  parseLooseCalendarDate,
} from '../../../shared/dates/calendar-date.ts';

const CHINA_OFFSET_MINUTES = 8 * 60;

describe('calendar date', () => {
  it('accepts YYYY-MM-DD dates that exist', () => {
    assert.equal(isCalendarDate('2024-02-29'), true);
    assert.equal(isCalendarDate('2024-12-31'), true);
  });

  it('rejects dates that do not exist or are not zero-padded ISO', () => {
    for (const text of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-2-5', '20240205', '2024/02/05', '']) {
      assert.equal(isCalendarDate(text), false, text);
    }
  });

  it('formats with zero padding', () => {
    assert.equal(formatCalendarDate(2024, 3, 5), '2024-03-05');
    assert.equal(formatCalendarDate(987, 12, 31), '0987-12-31');
  });
});

describe('age', () => {
  it('is one year less on the day before the birthday', () => {
    assert.equal(ageOn('2008-06-15', '2026-06-14'), 17);
  });

  it('counts the full year on the birthday itself', () => {
    assert.equal(ageOn('2008-06-15', '2026-06-15'), 18);
  });

  it('counts a 29 February birthday as reached on 1 March in a common year', () => {
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
    assert.equal(ageOn('2004-02-29', '2024-02-29'), 20);
  });

  it('is zero in the first year and across a year boundary', () => {
    assert.equal(ageOn('2025-12-31', '2026-01-01'), 0);
    assert.equal(ageOn('2025-12-31', '2026-12-31'), 1);
  });
});

describe('Excel serial dates', () => {
  it('counts days from 1899-12-30', () => {
    assert.equal(excelSerialToCalendarDate(45356), '2024-03-05');
    assert.equal(excelSerialToCalendarDate(61), '1900-03-01');
  });

  it('ignores the time-of-day fraction', () => {
    assert.equal(excelSerialToCalendarDate(45356.75), '2024-03-05');
  });

  it('rejects zero, negative, non-finite and beyond-9999 serials', () => {
    for (const serial of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2_958_466]) {
      assert.equal(excelSerialToCalendarDate(serial), null, String(serial));
    }
    assert.equal(excelSerialToCalendarDate(2_958_465), '9999-12-31');
  });
});

describe('loose date parsing', () => {
  it('reads the spellings credit-platform exports use', () => {
    for (const text of ['2024-03-05', '2024/3/5', '2024.3.5', '2024年3月5日', '2024 年 3 月 5 日', '20240305', '45356', ' 2024-03-05 ']) {
      assert.equal(parseLooseCalendarDate(text), '2024-03-05', text);
    }
  });

  it('returns null for a date that does not exist', () => {
    assert.equal(parseLooseCalendarDate('2024-02-30'), null);
    assert.equal(parseLooseCalendarDate('20230229'), null);
  });

  it('reads a five-digit Excel serial, with or without a time fraction, from 1927 to 2173', () => {
    assert.equal(parseLooseCalendarDate('45356.5'), '2024-03-05');
    assert.equal(parseLooseCalendarDate('10000'), '1927-05-18');
    assert.equal(parseLooseCalendarDate('99999'), '2173-10-13');
  });

  it('does not take a bare year or a number of other lengths for an Excel serial', () => {
    // '2024' used to be read as serial 2024, 1905-07-16; '202403' as a day in 2454.
    for (const text of ['2024', '1', '999', '9999', '9999.5', '202403', '2024030', '1234567', '45356.', '.5', '-45356']) {
      assert.equal(parseLooseCalendarDate(text), null, text);
    }
  });

  it('returns null for text that is not a date', () => {
    for (const text of ['', 'tomorrow', '2024-03', '03/05/2024', '2024-03-05T00:00:00Z']) {
      assert.equal(parseLooseCalendarDate(text), null, text);
    }
  });
});

describe('day boundaries in a fixed-offset zone', () => {
  it('ends a date at midnight of the next day in that zone', () => {
    assert.equal(endOfCalendarDateMs('2024-03-05', CHINA_OFFSET_MINUTES), Date.parse('2024-03-06T00:00:00+08:00'));
    assert.equal(endOfCalendarDateMs('2024-12-31', 0), Date.parse('2025-01-01T00:00:00Z'));
  });

  it('names the date an instant falls on in that zone', () => {
    const midnight = Date.parse('2024-03-06T00:00:00+08:00');
    assert.equal(calendarDateAt(midnight - 1, CHINA_OFFSET_MINUTES), '2024-03-05');
    assert.equal(calendarDateAt(midnight, CHINA_OFFSET_MINUTES), '2024-03-06');
    assert.equal(calendarDateAt(midnight, 0), '2024-03-05');
  });
});
