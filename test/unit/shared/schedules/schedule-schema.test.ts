// zod schemas for schedules and playlists: what may travel in the signed manifest.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isOvernightWindow, minuteOfDay, playlistSchema, scheduleSchema, timeZoneSchema } from '../../../../shared/schedules/schedule.ts';

const VALID_SCHEDULE = {
  id: 'sch-weekday-mornings',
  playlistId: 'pl-integrity',
  screenGroupIds: ['station-hall'],
  firstDate: '2024-03-01',
  lastDate: '2024-12-31',
  weekdays: [1, 2, 3, 4, 5],
  windows: [
    { start: '08:00', end: '12:00' },
    { start: '22:00', end: '06:00' },
  ],
  priority: 10,
};

function rejects(patch: Record<string, unknown>): void {
  assert.equal(scheduleSchema.safeParse({ ...VALID_SCHEDULE, ...patch }).success, false, JSON.stringify(patch));
}

describe('schedule schema', () => {
  it('accepts a schedule and round-trips it through JSON unchanged', () => {
    const parsed = scheduleSchema.parse(VALID_SCHEDULE);
    assert.deepEqual(JSON.parse(JSON.stringify(parsed)), VALID_SCHEDULE);
  });

  it('accepts an open date range at either end or both', () => {
    const { firstDate: _first, lastDate: _last, ...open } = VALID_SCHEDULE;
    assert.equal(scheduleSchema.safeParse(open).success, true);
    assert.equal(scheduleSchema.safeParse({ ...open, firstDate: '2024-03-01' }).success, true);
    assert.equal(scheduleSchema.safeParse({ ...open, lastDate: '2024-03-01' }).success, true);
  });

  it('accepts a one-day range and rejects a range that ends before it starts', () => {
    assert.equal(scheduleSchema.safeParse({ ...VALID_SCHEDULE, firstDate: '2024-10-01', lastDate: '2024-10-01' }).success, true);
    rejects({ firstDate: '2024-10-02', lastDate: '2024-10-01' });
  });

  it('rejects dates that are not real YYYY-MM-DD dates', () => {
    rejects({ firstDate: '2024-02-30' });
    rejects({ lastDate: '2024/12/31' });
    rejects({ firstDate: 1_709_251_200_000 });
  });

  it('rejects a window that starts and ends at the same time', () => {
    rejects({ windows: [{ start: '08:00', end: '08:00' }] });
  });

  it('rejects clock times outside 00:00–23:59 or not written HH:mm', () => {
    for (const start of ['24:00', '7:00', '07:0', '23:60', '25:00', '0800', '']) rejects({ windows: [{ start, end: '12:00' }] });
    rejects({ windows: [{ start: '08:00', end: '24:01' }] });
  });

  it('accepts 24:00 as an end, so 00:00–24:00 covers a whole day', () => {
    assert.equal(scheduleSchema.safeParse({ ...VALID_SCHEDULE, windows: [{ start: '00:00', end: '24:00' }] }).success, true);
  });

  it('needs at least one window', () => {
    rejects({ windows: [] });
  });

  it('needs weekdays that are non-empty, unique and between 1 (Monday) and 7 (Sunday)', () => {
    rejects({ weekdays: [] });
    rejects({ weekdays: [1, 1] });
    rejects({ weekdays: [0] });
    rejects({ weekdays: [8] });
    rejects({ weekdays: [1.5] });
  });

  it('needs unique, non-empty screen groups', () => {
    rejects({ screenGroupIds: [] });
    rejects({ screenGroupIds: ['a', 'a'] });
  });

  it('needs an integer priority from 0 to 1000', () => {
    rejects({ priority: -1 });
    rejects({ priority: 1001 });
    rejects({ priority: 1.5 });
  });
});

describe('time windows', () => {
  it('reads HH:mm as minutes since midnight', () => {
    assert.equal(minuteOfDay('00:00'), 0);
    assert.equal(minuteOfDay('22:30'), 1350);
    assert.equal(minuteOfDay('24:00'), 1440);
  });

  it('calls a window overnight when it ends earlier in the day than it starts', () => {
    assert.equal(isOvernightWindow({ start: '22:00', end: '06:00' }), true);
    assert.equal(isOvernightWindow({ start: '08:00', end: '12:00' }), false);
    assert.equal(isOvernightWindow({ start: '00:00', end: '24:00' }), false);
  });
});

describe('playlist schema', () => {
  it('accepts ordered items with positive integer durations', () => {
    const playlist = { id: 'pl-integrity', items: [{ contentId: 'list-red', durationMs: 30_000 }, { contentId: 'slide-7', durationMs: 10_000 }] };
    assert.deepEqual(playlistSchema.parse(playlist), playlist);
  });

  it('rejects an empty playlist and durations that are zero, negative or fractional', () => {
    assert.equal(playlistSchema.safeParse({ id: 'p', items: [] }).success, false);
    for (const durationMs of [0, -1, 1.5, Number.POSITIVE_INFINITY]) {
      assert.equal(playlistSchema.safeParse({ id: 'p', items: [{ contentId: 'c', durationMs }] }).success, false, String(durationMs));
    }
  });
});

describe('time zone schema', () => {
  it('accepts IANA zones and rejects unknown ones', () => {
    assert.equal(timeZoneSchema.safeParse('Asia/Shanghai').success, true);
    assert.equal(timeZoneSchema.safeParse('Europe/Berlin').success, true);
    assert.equal(timeZoneSchema.safeParse('Asia/Beijing').success, false);
    assert.equal(timeZoneSchema.safeParse('').success, false);
  });
});
