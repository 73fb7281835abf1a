import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  blocksForWeek, clockOf, conflictZones, firstOverlap, laneLayout, mondayOf, scheduleConflicts, weekDates, type CalendarSchedule,
} from '../../../controller/console/src/pages/schedules/week-calendar.ts';

const schedule = (id: string, fields: Partial<CalendarSchedule> = {}): CalendarSchedule => ({
  id, playlistId: `p-${id}`, screenGroupIds: ['hall'], weekdays: [1, 2, 3, 4, 5], windows: [{ start: '08:00', end: '12:00' }], priority: 10, ...fields,
});

// 2026-12-07 is a Monday.
const MONDAY = '2026-12-07';

describe('week calendar', () => {
  it('finds the Monday of any date and the seven dates of its week', () => {
    assert.equal(mondayOf('2026-12-07'), MONDAY);
    assert.equal(mondayOf('2026-12-13'), MONDAY, 'Sunday belongs to the week that began on Monday');
    assert.equal(mondayOf('2027-01-01'), '2026-12-28', 'across a year end');
    assert.deepEqual(weekDates(MONDAY), ['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13']);
  });

  it('draws a weekday window on each of its days and nothing on the others', () => {
    const blocks = blocksForWeek([schedule('a')], MONDAY);
    assert.deepEqual(blocks.map((b) => b.dayIndex), [0, 1, 2, 3, 4]);
    assert.deepEqual(blocks[0], { scheduleId: 'a', dayIndex: 0, date: MONDAY, startMinute: 480, endMinute: 720, continued: false, continues: false });
  });

  it('splits an overnight window at midnight, and draws last Sunday\'s tail on this Monday', () => {
    const blocks = blocksForWeek([schedule('night', { weekdays: [5, 7], windows: [{ start: '22:00', end: '06:00' }] })], MONDAY);
    const drawn = blocks.map((b) => `${b.dayIndex} ${clockOf(b.startMinute)}-${clockOf(b.endMinute)}${b.continued ? ' continued' : ''}${b.continues ? ' continues' : ''}`);
    // Friday 22:00 runs into Saturday; Sunday 22:00 runs into next Monday (not drawn); last Sunday's runs into this Monday.
    assert.deepEqual(drawn.sort(), ['0 00:00-06:00 continued', '4 22:00-24:00 continues', '5 00:00-06:00 continued', '6 22:00-24:00 continues']);
  });

  it('treats an end at 00:00 or 24:00 as the day\'s own midnight, with no empty block after it', () => {
    for (const end of ['00:00', '24:00']) {
      const blocks = blocksForWeek([schedule('evening', { weekdays: [1], windows: [{ start: '18:00', end }] })], MONDAY);
      assert.deepEqual(blocks.map((b) => [b.dayIndex, b.startMinute, b.endMinute, b.continues]), [[0, 1080, 1440, false]], end);
    }
  });

  it('draws only the dates inside a schedule\'s validity', () => {
    const blocks = blocksForWeek([schedule('campaign', { weekdays: [1, 2, 3, 4, 5, 6, 7], firstDate: '2026-12-09', lastDate: '2026-12-10' })], MONDAY);
    assert.deepEqual(blocks.map((b) => b.date), ['2026-12-09', '2026-12-10']);
  });

  it('reports equal-priority schedules on a shared group whose windows overlap, with the first overlap', () => {
    const conflicts = scheduleConflicts([schedule('a'), schedule('b', { weekdays: [3], windows: [{ start: '11:00', end: '13:00' }] })], MONDAY);
    assert.equal(conflicts.length, 1);
    assert.deepEqual(conflicts[0], { scheduleIds: ['a', 'b'], priority: 10, sharedGroupIds: ['hall'], firstOverlap: { date: '2026-12-09', startMinute: 660, endMinute: 720 } });
  });

  it('does not call it a conflict when priorities differ, groups differ, times only touch, or weekdays differ', () => {
    const a = schedule('a');
    assert.deepEqual(scheduleConflicts([a, schedule('b', { priority: 20 })], MONDAY), [], 'the higher priority simply wins');
    assert.deepEqual(scheduleConflicts([a, schedule('b', { screenGroupIds: ['lobby'] })], MONDAY), [], 'different screens');
    assert.deepEqual(scheduleConflicts([a, schedule('b', { windows: [{ start: '12:00', end: '14:00' }] })], MONDAY), [], 'end is exclusive');
    assert.deepEqual(scheduleConflicts([a, schedule('b', { weekdays: [6, 7] })], MONDAY), [], 'weekend against weekdays');
  });

  it('respects validity dates: ranges that never meet cannot conflict, and past overlaps are over', () => {
    const december = schedule('dec', { firstDate: '2026-12-01', lastDate: '2026-12-31' });
    const january = schedule('jan', { firstDate: '2027-01-01', lastDate: '2027-01-31' });
    assert.equal(firstOverlap(december, january, MONDAY), null);
    const always = schedule('always');
    assert.deepEqual(firstOverlap(always, january, MONDAY)?.date, '2027-01-01', 'found in January although the search starts in December');
    const untilMarch = schedule('until', { lastDate: '2027-03-31' });
    assert.equal(firstOverlap(untilMarch, schedule('from-april', { firstDate: '2027-04-01' }), MONDAY), null);
    assert.equal(firstOverlap(december, always, '2027-01-05'), null, 'December is over by then');
    assert.equal(firstOverlap(always, schedule('b'), '2026-12-12')?.date, '2026-12-14', 'from a Saturday, the first overlap is the coming Monday');
  });

  it('finds an overnight window reaching into the first day of another schedule', () => {
    // Thursday 2026-12-31 22:00 – Friday 06:00, against a schedule that starts on Friday 2027-01-01 at 05:00.
    const newYearsEve = schedule('eve', { weekdays: [4], windows: [{ start: '22:00', end: '06:00' }], lastDate: '2026-12-31' });
    const newYear = schedule('new', { weekdays: [5], windows: [{ start: '05:00', end: '09:00' }], firstDate: '2027-01-01' });
    assert.deepEqual(firstOverlap(newYearsEve, newYear, MONDAY), { date: '2027-01-01', startMinute: 300, endMinute: 360 });
  });

  it('marks where conflicting blocks overlap in the week, and only there', () => {
    const schedules = [schedule('a'), schedule('b', { weekdays: [3], windows: [{ start: '11:00', end: '13:00' }] }), schedule('c', { priority: 5, weekdays: [3] })];
    const zones = conflictZones(blocksForWeek(schedules, MONDAY), schedules);
    assert.deepEqual(zones, [{ dayIndex: 2, startMinute: 660, endMinute: 720, scheduleIds: ['a', 'b'] }]);
  });

  it('lays overlapping blocks of a day side by side in as few lanes as needed', () => {
    const blocks = blocksForWeek([schedule('a'), schedule('b', { windows: [{ start: '11:00', end: '13:00' }] }), schedule('c', { windows: [{ start: '12:00', end: '14:00' }] })], MONDAY).filter((b) => b.dayIndex === 0);
    const { lanes, laneOf } = laneLayout(blocks);
    assert.equal(lanes, 2, 'a ends at 12:00, so c takes its lane');
    assert.deepEqual(blocks.map((b) => laneOf.get(b)), [0, 1, 0]);
  });
});
