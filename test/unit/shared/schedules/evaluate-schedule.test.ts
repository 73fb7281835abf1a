// Schedule evaluation: what a screen plays now, since when, and when that next changes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  SCHEDULE_LOOKAHEAD_MS,
  SCHEDULE_LOOKBACK_MS,
  evaluateSchedule,
  type ScheduleContext,
  type ScheduleDecision,
} from '../../../../shared/schedules/evaluate-schedule.ts';
import { minuteOfDay, scheduleSchema, type Schedule } from '../../../../shared/schedules/schedule.ts';
import { InvalidTimeZoneError } from '../../../../shared/schedules/zoned-time.ts';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A valid schedule for group 'hall', every day 08:00–12:00, priority 0, playing 'pl-<id>'. */
function schedule(fields: Partial<Schedule> & { id: string }): Schedule {
  return scheduleSchema.parse({
    playlistId: `pl-${fields.id}`,
    screenGroupIds: ['hall'],
    weekdays: EVERY_DAY,
    windows: [{ start: '08:00', end: '12:00' }],
    priority: 0,
    ...fields,
  });
}

function evaluate(schedules: readonly Schedule[], instant: string | number, context: Partial<ScheduleContext> = {}): ScheduleDecision {
  return evaluateSchedule(schedules, {
    nowMs: typeof instant === 'number' ? instant : Date.parse(instant),
    timeZone: 'Asia/Shanghai',
    screenGroupIds: ['hall'],
    defaultPlaylistId: 'pl-default',
    ...context,
  });
}

function playing(schedules: readonly Schedule[], instant: string | number, context: Partial<ScheduleContext> = {}): string {
  return evaluate(schedules, instant, context).playlistId;
}

describe('schedule evaluation: windows', () => {
  const morning = [schedule({ id: 'morning' })];

  it('starts a window at its start time, inclusive', () => {
    assert.equal(playing(morning, '2024-03-05T07:59:59.999+08:00'), 'pl-default');
    assert.equal(playing(morning, '2024-03-05T08:00:00.000+08:00'), 'pl-morning');
  });

  it('ends a window at its end time, exclusive', () => {
    assert.equal(playing(morning, '2024-03-05T11:59:59.999+08:00'), 'pl-morning');
    assert.equal(playing(morning, '2024-03-05T12:00:00.000+08:00'), 'pl-default');
  });

  it('plays every window of a schedule', () => {
    const twice = [schedule({ id: 'twice', windows: [{ start: '08:00', end: '09:00' }, { start: '18:00', end: '19:00' }] })];
    assert.equal(playing(twice, '2024-03-05T08:30:00+08:00'), 'pl-twice');
    assert.equal(playing(twice, '2024-03-05T12:00:00+08:00'), 'pl-default');
    assert.equal(playing(twice, '2024-03-05T18:30:00+08:00'), 'pl-twice');
  });

  it('covers a whole day with 00:00–24:00', () => {
    const allDay = [schedule({ id: 'all-day', weekdays: [2], windows: [{ start: '00:00', end: '24:00' }] })];
    assert.equal(playing(allDay, '2024-03-05T00:00:00+08:00'), 'pl-all-day');
    assert.equal(playing(allDay, '2024-03-05T23:59:59.999+08:00'), 'pl-all-day');
    assert.equal(playing(allDay, '2024-03-06T00:00:00+08:00'), 'pl-default');
  });
});

describe('schedule evaluation: overnight windows', () => {
  // 2024-03-08 is a Friday.
  const fridayNight = [schedule({ id: 'friday-night', weekdays: [5], windows: [{ start: '22:00', end: '06:00' }] })];

  it('runs a Friday 22:00–06:00 window from Friday evening into Saturday morning', () => {
    assert.equal(playing(fridayNight, '2024-03-08T21:59:59.999+08:00'), 'pl-default');
    assert.equal(playing(fridayNight, '2024-03-08T22:00:00+08:00'), 'pl-friday-night');
    assert.equal(playing(fridayNight, '2024-03-09T03:00:00+08:00'), 'pl-friday-night');
    assert.equal(playing(fridayNight, '2024-03-09T05:59:59.999+08:00'), 'pl-friday-night');
    assert.equal(playing(fridayNight, '2024-03-09T06:00:00+08:00'), 'pl-default');
  });

  it('does not apply a Friday overnight window at 03:00 on Friday, which is Thursday night', () => {
    assert.equal(playing(fridayNight, '2024-03-08T03:00:00+08:00'), 'pl-default');
  });

  it('does not start again on Saturday evening', () => {
    assert.equal(playing(fridayNight, '2024-03-09T23:00:00+08:00'), 'pl-default');
  });

  it('judges the date range by the start date: a window starting on the last date runs past it', () => {
    const endsFriday = [schedule({ id: 'ends', lastDate: '2024-03-08', windows: [{ start: '22:00', end: '06:00' }] })];
    assert.equal(playing(endsFriday, '2024-03-09T03:00:00+08:00'), 'pl-ends');
    assert.equal(playing(endsFriday, '2024-03-09T23:00:00+08:00'), 'pl-default');
  });

  it('judges the date range by the start date: the morning after the day before the first date is off', () => {
    const startsSaturday = [schedule({ id: 'starts', firstDate: '2024-03-09', windows: [{ start: '22:00', end: '06:00' }] })];
    assert.equal(playing(startsSaturday, '2024-03-09T03:00:00+08:00'), 'pl-default');
    assert.equal(playing(startsSaturday, '2024-03-09T22:00:00+08:00'), 'pl-starts');
    assert.equal(playing(startsSaturday, '2024-03-10T03:00:00+08:00'), 'pl-starts');
  });
});

describe('schedule evaluation: weekdays and date ranges', () => {
  it('plays only on the listed ISO weekdays (1 = Monday … 7 = Sunday)', () => {
    const weekdays = [schedule({ id: 'weekdays', weekdays: [1, 2, 3, 4, 5] })];
    assert.equal(playing(weekdays, '2024-03-04T09:00:00+08:00'), 'pl-weekdays'); // Monday
    assert.equal(playing(weekdays, '2024-03-08T09:00:00+08:00'), 'pl-weekdays'); // Friday
    assert.equal(playing(weekdays, '2024-03-09T09:00:00+08:00'), 'pl-default'); // Saturday
    assert.equal(playing(weekdays, '2024-03-10T09:00:00+08:00'), 'pl-default'); // Sunday
    const sunday = [schedule({ id: 'sunday', weekdays: [7] })];
    assert.equal(playing(sunday, '2024-03-10T09:00:00+08:00'), 'pl-sunday');
  });

  it('includes both ends of the date range, whole days in the screen zone', () => {
    const range = [schedule({ id: 'range', firstDate: '2024-03-05', lastDate: '2024-03-07', windows: [{ start: '00:00', end: '24:00' }] })];
    assert.equal(playing(range, '2024-03-04T23:59:59.999+08:00'), 'pl-default');
    assert.equal(playing(range, '2024-03-05T00:00:00+08:00'), 'pl-range');
    assert.equal(playing(range, '2024-03-07T23:59:59.999+08:00'), 'pl-range');
    assert.equal(playing(range, '2024-03-08T00:00:00+08:00'), 'pl-default');
  });

  it('leaves a missing end of the range open', () => {
    const from = [schedule({ id: 'from', firstDate: '2024-03-05' })];
    assert.equal(playing(from, '2024-03-04T09:00:00+08:00'), 'pl-default');
    assert.equal(playing(from, '2030-01-01T09:00:00+08:00'), 'pl-from');
    const until = [schedule({ id: 'until', lastDate: '2024-03-05' })];
    assert.equal(playing(until, '2001-01-01T09:00:00+08:00'), 'pl-until');
    assert.equal(playing(until, '2024-03-06T09:00:00+08:00'), 'pl-default');
  });
});

describe('schedule evaluation: priority and ties', () => {
  it('plays the higher priority where schedules overlap, whatever their order', () => {
    const low = schedule({ id: 'low', priority: 1, windows: [{ start: '08:00', end: '18:00' }] });
    const high = schedule({ id: 'high', priority: 5, windows: [{ start: '10:00', end: '11:00' }] });
    for (const schedules of [[low, high], [high, low]]) {
      assert.equal(playing(schedules, '2024-03-05T09:00:00+08:00'), 'pl-low');
      assert.equal(playing(schedules, '2024-03-05T10:30:00+08:00'), 'pl-high');
      assert.equal(playing(schedules, '2024-03-05T11:00:00+08:00'), 'pl-low');
    }
  });

  it('breaks a priority tie in favour of the window that started later', () => {
    const allDay = schedule({ id: 'a-all-day', windows: [{ start: '08:00', end: '18:00' }] });
    const noon = schedule({ id: 'z-noon', windows: [{ start: '12:00', end: '13:00' }] });
    for (const schedules of [[allDay, noon], [noon, allDay]]) {
      assert.equal(playing(schedules, '2024-03-05T11:00:00+08:00'), 'pl-a-all-day');
      assert.equal(playing(schedules, '2024-03-05T12:30:00+08:00'), 'pl-z-noon');
      assert.equal(playing(schedules, '2024-03-05T13:00:00+08:00'), 'pl-a-all-day');
    }
  });

  it('counts an overnight window as started the evening before when breaking a tie', () => {
    const night = schedule({ id: 'night', windows: [{ start: '22:00', end: '06:00' }] });
    const early = schedule({ id: 'early', windows: [{ start: '05:00', end: '07:00' }] });
    assert.equal(playing([night, early], '2024-03-05T05:30:00+08:00'), 'pl-early');
  });

  it('breaks a tie of equal priority and start by the lower schedule id, whatever their order', () => {
    const b = schedule({ id: 'b' });
    const a = schedule({ id: 'a' });
    const c = schedule({ id: 'c' });
    for (const schedules of [[a, b, c], [c, b, a], [b, c, a]]) {
      const decision = evaluate(schedules, '2024-03-05T09:00:00+08:00');
      assert.equal(decision.playlistId, 'pl-a');
      assert.deepEqual(decision.source, { kind: 'schedule', scheduleId: 'a' });
    }
  });

  it('compares ids by code unit, not by locale', () => {
    const lower = schedule({ id: 'a' });
    const upper = schedule({ id: 'B' });
    assert.equal(playing([lower, upper], '2024-03-05T09:00:00+08:00'), 'pl-B');
  });
});

describe('schedule evaluation: screen groups and the default', () => {
  it('ignores schedules for groups the screen is not in', () => {
    const elsewhere = [schedule({ id: 'airport', screenGroupIds: ['airport'] })];
    assert.equal(playing(elsewhere, '2024-03-05T09:00:00+08:00'), 'pl-default');
  });

  it('applies a schedule when any of its groups is any of the screen groups', () => {
    const shared = [schedule({ id: 'shared', screenGroupIds: ['airport', 'station'] })];
    assert.equal(playing(shared, '2024-03-05T09:00:00+08:00', { screenGroupIds: ['square', 'station'] }), 'pl-shared');
    assert.equal(playing(shared, '2024-03-05T09:00:00+08:00', { screenGroupIds: [] }), 'pl-default');
  });

  it('plays the default playlist, with the default as its source, when nothing is on', () => {
    const decision = evaluate([], '2024-03-05T09:00:00+08:00');
    assert.equal(decision.playlistId, 'pl-default');
    assert.deepEqual(decision.source, { kind: 'default' });
    assert.equal(decision.sinceMs, null);
    assert.equal(decision.nextChangeAtMs, Date.parse('2024-03-05T09:00:00+08:00') + SCHEDULE_LOOKAHEAD_MS);
  });
});

describe('schedule evaluation: when the answer changes', () => {
  it('gives the start of the next window while the default plays', () => {
    const decision = evaluate([schedule({ id: 'morning' })], '2024-03-05T06:00:00+08:00');
    assert.equal(decision.nextChangeAtMs, Date.parse('2024-03-05T08:00:00+08:00'));
    assert.equal(decision.sinceMs, Date.parse('2024-03-04T12:00:00+08:00'));
  });

  it('gives the end of the window while a window plays, and its start as sinceMs', () => {
    const decision = evaluate([schedule({ id: 'morning' })], '2024-03-05T09:00:00+08:00');
    assert.equal(decision.nextChangeAtMs, Date.parse('2024-03-05T12:00:00+08:00'));
    assert.equal(decision.sinceMs, Date.parse('2024-03-05T08:00:00+08:00'));
  });

  it('gives the start of a higher-priority window that interrupts', () => {
    const low = schedule({ id: 'low', priority: 1, windows: [{ start: '08:00', end: '18:00' }] });
    const high = schedule({ id: 'high', priority: 5, windows: [{ start: '10:00', end: '11:00' }] });
    assert.equal(evaluate([low, high], '2024-03-05T09:00:00+08:00').nextChangeAtMs, Date.parse('2024-03-05T10:00:00+08:00'));
  });

  it('skips boundaries that do not change the answer', () => {
    const high = schedule({ id: 'high', priority: 5, windows: [{ start: '08:00', end: '18:00' }] });
    const low = schedule({ id: 'low', priority: 1, windows: [{ start: '10:00', end: '11:00' }] });
    assert.equal(evaluate([high, low], '2024-03-05T09:00:00+08:00').nextChangeAtMs, Date.parse('2024-03-05T18:00:00+08:00'));
  });

  it('treats back-to-back windows of one schedule as one run', () => {
    const split = schedule({ id: 'split', windows: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '18:00' }] });
    const decision = evaluate([split], '2024-03-05T11:00:00+08:00');
    assert.equal(decision.nextChangeAtMs, Date.parse('2024-03-05T18:00:00+08:00'));
    assert.equal(evaluate([split], '2024-03-05T13:00:00+08:00').sinceMs, Date.parse('2024-03-05T08:00:00+08:00'));
  });

  it('looks across the weekend to Monday morning', () => {
    const weekdays = schedule({ id: 'weekdays', weekdays: [1, 2, 3, 4, 5], windows: [{ start: '08:00', end: '18:00' }] });
    assert.equal(evaluate([weekdays], '2024-03-08T19:00:00+08:00').nextChangeAtMs, Date.parse('2024-03-11T08:00:00+08:00'));
  });

  it('finds sinceMs near the end of the look-back, even when an overnight window ended it', () => {
    const once = schedule({ id: 'once', firstDate: '2024-03-08', lastDate: '2024-03-08', windows: [{ start: '22:00', end: '06:00' }] });
    const ended = Date.parse('2024-03-09T06:00:00+08:00');
    const decision = evaluate([once], ended + SCHEDULE_LOOKBACK_MS - HOUR_MS);
    assert.equal(decision.playlistId, 'pl-default');
    assert.equal(decision.sinceMs, ended);
    assert.equal(evaluate([once], ended + SCHEDULE_LOOKBACK_MS + HOUR_MS).sinceMs, null);
  });

  it('stops looking at the horizon when the next window is further away', () => {
    const now = Date.parse('2024-03-05T09:00:00+08:00');
    const later = schedule({ id: 'later', firstDate: '2024-04-01' });
    assert.equal(evaluate([later], now).nextChangeAtMs, now + SCHEDULE_LOOKAHEAD_MS);
  });

  it('finds a window that starts more than 7 days ahead when it is within the horizon', () => {
    const now = Date.parse('2024-03-05T09:00:00+08:00');
    const soon = schedule({ id: 'soon', firstDate: '2024-03-13' });
    assert.equal(evaluate([soon], now).nextChangeAtMs, Date.parse('2024-03-13T08:00:00+08:00'));
  });

  it('agrees with a direct reading of the rules, and changes exactly at sinceMs and nextChangeAtMs, over two weeks', () => {
    const schedules = [
      schedule({ id: 'base', priority: 1, weekdays: [1, 2, 3, 4, 5], windows: [{ start: '07:00', end: '19:00' }] }),
      schedule({ id: 'lunch', priority: 1, windows: [{ start: '11:30', end: '13:30' }], playlistId: 'pl-lunch' }),
      schedule({ id: 'night', priority: 3, weekdays: [5, 6], windows: [{ start: '22:00', end: '02:00' }] }),
      schedule({ id: 'campaign', priority: 5, firstDate: '2024-03-06', lastDate: '2024-03-12', windows: [{ start: '09:00', end: '10:15' }] }),
      schedule({ id: 'same-playlist', priority: 5, weekdays: [3], windows: [{ start: '10:00', end: '12:00' }], playlistId: 'pl-campaign' }),
      schedule({ id: 'other-group', priority: 9, screenGroupIds: ['airport'], windows: [{ start: '00:00', end: '24:00' }] }),
    ];
    const from = Date.parse('2024-03-03T00:00:00+08:00');
    const sourceOf = (decision: ScheduleDecision): string | null => (decision.source.kind === 'schedule' ? decision.source.scheduleId : null);
    // 41 minutes: lands on every minute of the hour over the fortnight, not only on whole hours.
    for (let now = from; now < from + 14 * DAY_MS; now += 41 * MINUTE_MS) {
      const decision = evaluate(schedules, now);
      assert.equal(sourceOf(decision), shanghaiOracle(schedules, now), new Date(now).toISOString());
      assert.ok(decision.nextChangeAtMs > now);
      for (const [instant, unchanged] of [
        [decision.nextChangeAtMs - 1, true],
        [decision.nextChangeAtMs, false],
        ...(decision.sinceMs === null ? [] : [[decision.sinceMs, true], [decision.sinceMs - 1, false]]),
      ] as [number, boolean][]) {
        const other = evaluate(schedules, instant);
        assert.equal(sourceOf(other), shanghaiOracle(schedules, instant), new Date(instant).toISOString());
        assert.equal(answerOf(other) === answerOf(decision), unchanged, `${new Date(now).toISOString()} vs ${new Date(instant).toISOString()}`);
      }
      if (decision.sinceMs !== null) assert.ok(decision.sinceMs <= now);
    }
  });
});

describe('schedule evaluation: time zones', () => {
  const morning = [schedule({ id: 'morning' })];

  it('gives different answers for the same instant in Asia/Shanghai and UTC', () => {
    const instant = '2024-03-05T02:00:00Z'; // 10:00 in Beijing, 02:00 in London
    assert.equal(playing(morning, instant, { timeZone: 'Asia/Shanghai' }), 'pl-morning');
    assert.equal(playing(morning, instant, { timeZone: 'UTC' }), 'pl-default');
    assert.equal(playing(morning, '2024-03-05T09:00:00Z', { timeZone: 'UTC' }), 'pl-morning');
  });

  it('reads the weekday in the screen zone', () => {
    const monday = [schedule({ id: 'monday', weekdays: [1], windows: [{ start: '00:00', end: '12:00' }] })];
    const instant = '2024-03-03T20:00:00Z'; // Sunday 20:00 UTC, Monday 04:00 in Beijing
    assert.equal(playing(monday, instant, { timeZone: 'Asia/Shanghai' }), 'pl-monday');
    assert.equal(playing(monday, instant, { timeZone: 'UTC' }), 'pl-default');
  });

  it('throws InvalidTimeZoneError for an unknown zone rather than guessing one', () => {
    for (const timeZone of ['Asia/Beijing', '']) {
      assert.throws(() => evaluate(morning, '2024-03-05T02:00:00Z', { timeZone }), (error: unknown) => {
        assert.ok(error instanceof InvalidTimeZoneError);
        assert.equal(error.code, 'invalid-time-zone');
        return true;
      });
    }
  });

  it('refuses a now that is not a finite number', () => {
    assert.throws(() => evaluate(morning, Number.NaN), RangeError);
  });
});

describe('schedule evaluation: daylight saving time', () => {
  const berlin: Partial<ScheduleContext> = { timeZone: 'Europe/Berlin' };
  const newYork: Partial<ScheduleContext> = { timeZone: 'America/New_York' };

  it('starts a window set for 02:30, a time skipped by spring-forward, at the jump to 03:00', () => {
    // Berlin, Sunday 2024-03-31: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    const early = [schedule({ id: 'early', windows: [{ start: '02:30', end: '04:00' }] })];
    assert.equal(playing(early, '2024-03-31T01:59:59.999+01:00', berlin), 'pl-default');
    assert.equal(playing(early, '2024-03-31T03:00:00+02:00', berlin), 'pl-early');
    assert.equal(playing(early, '2024-03-31T03:59:59.999+02:00', berlin), 'pl-early');
    assert.equal(playing(early, '2024-03-31T04:00:00+02:00', berlin), 'pl-default');
    assert.equal(evaluate(early, '2024-03-31T01:30:00+01:00', berlin).nextChangeAtMs, Date.parse('2024-03-31T01:00:00Z'));
  });

  it('skips a window lying wholly in the skipped hour that day, and plays it the day after', () => {
    const skipped = [schedule({ id: 'skipped', windows: [{ start: '02:00', end: '03:00' }] })];
    const decision = evaluate(skipped, '2024-03-31T01:30:00+01:00', berlin);
    assert.equal(decision.playlistId, 'pl-default');
    assert.equal(decision.nextChangeAtMs, Date.parse('2024-04-01T02:00:00+02:00'));
  });

  it('runs a window across the repeated hour of fall-back once, for its real length', () => {
    // Berlin, Sunday 2024-10-27: 03:00 CEST falls back to 02:00 CET at 01:00 UTC.
    const repeated = [schedule({ id: 'repeated', windows: [{ start: '02:30', end: '03:30' }] })];
    const decision = evaluate(repeated, '2024-10-27T02:45:00+01:00', berlin);
    assert.equal(decision.playlistId, 'pl-repeated');
    assert.equal(decision.sinceMs, Date.parse('2024-10-27T02:30:00+02:00'));
    assert.equal(decision.nextChangeAtMs, Date.parse('2024-10-27T03:30:00+01:00'));
    assert.equal(decision.nextChangeAtMs - decision.sinceMs, 2 * HOUR_MS);
  });

  it('does not reopen a window that ended in the repeated hour when the clock shows that hour again', () => {
    const beforeRepeat = [schedule({ id: 'before', windows: [{ start: '01:00', end: '02:30' }] })];
    assert.equal(playing(beforeRepeat, '2024-10-27T02:15:00+02:00', berlin), 'pl-before');
    assert.equal(playing(beforeRepeat, '2024-10-27T02:30:00+02:00', berlin), 'pl-default');
    assert.equal(playing(beforeRepeat, '2024-10-27T02:15:00+01:00', berlin), 'pl-default');
  });

  it('keeps an overnight window to its wall-clock end across spring-forward (a 7-hour night)', () => {
    // New York, Saturday 2024-03-09 22:00 EST to Sunday 06:00 EDT.
    const night = [schedule({ id: 'night', weekdays: [6], windows: [{ start: '22:00', end: '06:00' }] })];
    const decision = evaluate(night, '2024-03-10T04:00:00-04:00', newYork);
    assert.equal(decision.playlistId, 'pl-night');
    assert.equal(decision.sinceMs, Date.parse('2024-03-09T22:00:00-05:00'));
    assert.equal(decision.nextChangeAtMs, Date.parse('2024-03-10T06:00:00-04:00'));
    assert.equal(decision.nextChangeAtMs - decision.sinceMs, 7 * HOUR_MS);
  });

  it('keeps a daily window at the same wall-clock time across the change (23 hours apart)', () => {
    const daily = [schedule({ id: 'daily', windows: [{ start: '08:00', end: '09:00' }] })];
    const decision = evaluate(daily, '2024-03-09T12:00:00-05:00', newYork);
    assert.equal(decision.nextChangeAtMs, Date.parse('2024-03-10T08:00:00-04:00'));
    assert.equal(decision.nextChangeAtMs - Date.parse('2024-03-09T08:00:00-05:00'), 23 * HOUR_MS);
  });
});

describe('schedule evaluation: consistency across DST changes', () => {
  const schedules = [
    schedule({ id: 'base', priority: 1, windows: [{ start: '06:00', end: '20:00' }] }),
    schedule({ id: 'small-hours', priority: 2, windows: [{ start: '01:30', end: '02:30' }, { start: '02:45', end: '03:15' }] }),
    schedule({ id: 'night', priority: 2, weekdays: [6, 7], windows: [{ start: '23:00', end: '02:15' }] }),
  ];
  for (const [timeZone, weekStart] of [
    ['Europe/Berlin', '2024-03-28T00:00:00Z'],
    ['Europe/Berlin', '2024-10-24T00:00:00Z'],
    ['America/New_York', '2024-03-07T00:00:00Z'],
    ['America/New_York', '2024-10-31T00:00:00Z'],
  ] as const) {
    it(`changes exactly at sinceMs and nextChangeAtMs, and nowhere between, in ${timeZone} from ${weekStart.slice(0, 10)}`, () => {
      const context = { timeZone };
      const from = Date.parse(weekStart);
      let previous: ScheduleDecision | null = null;
      for (let now = from; now < from + 6 * DAY_MS; now += 37 * MINUTE_MS) {
        const decision = evaluate(schedules, now, context);
        const answer = answerOf(decision);
        if (previous !== null && now < previous.nextChangeAtMs) {
          assert.deepEqual(decision, previous, `the answer changed between its sinceMs and nextChangeAtMs at ${new Date(now).toISOString()}`);
        }
        previous = decision;
        assert.ok(decision.sinceMs !== null && decision.sinceMs <= now && now < decision.nextChangeAtMs);
        assert.equal(answerOf(evaluate(schedules, decision.sinceMs, context)), answer);
        assert.notEqual(answerOf(evaluate(schedules, decision.sinceMs - 1, context)), answer);
        assert.equal(answerOf(evaluate(schedules, decision.nextChangeAtMs - 1, context)), answer);
        assert.notEqual(answerOf(evaluate(schedules, decision.nextChangeAtMs, context)), answer);
      }
    });
  }
});

// --- helpers for the brute-force check -------------------------------------------------------

function answerOf(decision: ScheduleDecision): string {
  return `${decision.playlistId} ${decision.source.kind === 'schedule' ? decision.source.scheduleId : '(default)'}`;
}

/**
 * The rules written out directly for a zone with a fixed UTC+8 offset, without the evaluator's
 * occurrences or sweep: which schedule id is on at an instant for a screen in group 'hall'.
 */
function shanghaiOracle(schedules: readonly Schedule[], nowMs: number): string | null {
  const wallMs = nowMs + 8 * HOUR_MS;
  const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const weekdayOf = (ms: number): number => new Date(ms).getUTCDay() || 7;
  const minuteNow = Math.floor((wallMs % DAY_MS) / MINUTE_MS);
  const applies = (s: Schedule, dayMs: number): boolean =>
    s.screenGroupIds.includes('hall') &&
    s.weekdays.includes(weekdayOf(dayMs)) &&
    (s.firstDate === undefined || dateOf(dayMs) >= s.firstDate) &&
    (s.lastDate === undefined || dateOf(dayMs) <= s.lastDate);

  const candidates: { id: string; priority: number; startedAtMs: number }[] = [];
  const todayMs = wallMs - (wallMs % DAY_MS);
  for (const s of schedules) {
    for (const w of s.windows) {
      const start = minuteOfDay(w.start);
      const end = minuteOfDay(w.end);
      if (end > start && applies(s, todayMs) && minuteNow >= start && minuteNow < end) {
        candidates.push({ id: s.id, priority: s.priority, startedAtMs: todayMs + start * MINUTE_MS });
      }
      if (end < start && applies(s, todayMs) && minuteNow >= start) {
        candidates.push({ id: s.id, priority: s.priority, startedAtMs: todayMs + start * MINUTE_MS });
      }
      if (end < start && applies(s, todayMs - DAY_MS) && minuteNow < end) {
        candidates.push({ id: s.id, priority: s.priority, startedAtMs: todayMs - DAY_MS + start * MINUTE_MS });
      }
    }
  }
  candidates.sort((a, b) => b.priority - a.priority || b.startedAtMs - a.startedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return candidates[0]?.id ?? null;
}
