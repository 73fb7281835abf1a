import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formValuesOf, newScheduleValues, scheduleBodyOf, weekdayPattern, windowProblems } from '../../../controller/console/src/pages/schedules/schedule-form.ts';
import { scheduleSchema } from '../../../shared/schedules/schedule.ts';

describe('schedule form', () => {
  it('turns the form into a body the shared schedule schema accepts, with no dates when none were chosen', () => {
    const body = scheduleBodyOf({ ...newScheduleValues(), name: ' 工作日 ', playlistId: 'p1', screenGroupIds: ['g1'], weekdays: [5, 1, 1, 3] });
    assert.deepEqual(body, { name: '工作日', playlistId: 'p1', screenGroupIds: ['g1'], weekdays: [1, 3, 5], windows: [{ start: '08:00', end: '18:00' }], priority: 10 });
    const { name: _name, ...document } = body;
    assert.equal(scheduleSchema.safeParse({ ...document, id: 'x' }).success, true);
  });

  it('sends an end at 00:00 as 24:00, the day\'s closing midnight, and reads it back as 00:00', () => {
    const body = scheduleBodyOf({ ...newScheduleValues(), playlistId: 'p1', screenGroupIds: ['g1'], windows: [{ start: '18:00', end: '00:00' }], firstDate: '2026-12-01', lastDate: '2026-12-31' });
    assert.deepEqual(body.windows, [{ start: '18:00', end: '24:00' }]);
    assert.equal(body.firstDate, '2026-12-01');
    const { name: _name, ...document } = body;
    assert.deepEqual(formValuesOf({ name: '晚间' }, document).windows, [{ start: '18:00', end: '00:00' }]);
    assert.equal(formValuesOf({ name: '晚间' }, document).lastDate, '2026-12-31');
  });

  it('flags windows that are missing a time, start where they end, or overlap an earlier one (overnight included)', () => {
    assert.deepEqual(
      windowProblems([
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
        { start: '09:00', end: undefined },
        { start: '14:00', end: '14:00' },
        { start: '22:00', end: '06:00' },
        { start: '05:00', end: '07:00' },
      ]),
      [null, 'overlap', 'missing', 'empty', null, 'overlap'],
    );
  });
});

describe('weekday pattern', () => {
  it('names every day, working days and the weekend, and lists anything else in order', () => {
    assert.equal(weekdayPattern([7, 6, 5, 4, 3, 2, 1]), 'every-day');
    assert.equal(weekdayPattern([1, 2, 3, 4, 5]), 'working-days');
    assert.equal(weekdayPattern([7, 6]), 'weekend');
    assert.deepEqual(weekdayPattern([3, 1]), [1, 3]);
  });
});
