import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listedSchedules, plannedSchedules } from '../../../controller/console/src/pages/schedules/planned-schedules.ts';
import type { ScheduleDocument, ScheduleRow } from '../../../controller/console/src/pages/playlists/programme-api.ts';

const document = (priority: number): ScheduleDocument => ({ playlistId: 'p', screenGroupIds: ['g'], weekdays: [1], windows: [{ start: '08:00', end: '09:00' }], priority });
const row = (id: string, fields: Partial<ScheduleRow>): ScheduleRow => ({
  id, name: id, status: 'pending', approved: null, approvedBy: null, approvedAt: null, pending: null, pendingBy: null, pendingAt: null, reviewComment: null, createdBy: 'u', createdAt: 1, retiredAt: null, ...fields,
});

describe('planned schedules', () => {
  const rows = [
    row('live', { status: 'approved', approved: document(10) }),
    row('changing', { status: 'approved-with-change', approved: document(10), pending: document(20), pendingBy: 'u', pendingAt: 2 }),
    row('rejected', { status: 'rejected', reviewComment: '时段太长' }),
    row('retired', { status: 'retired', approved: document(10), retiredAt: 3 }),
  ];

  it('draws each schedule as it will be once its pending change is approved, and flags the proposal', () => {
    const planned = plannedSchedules(rows);
    assert.deepEqual(planned.map((p) => [p.row.id, p.document.priority, p.proposed]), [['live', 10, false], ['changing', 20, true]]);
    assert.equal(planned[1]?.calendar.id, 'changing');
  });

  it('lists a rejected new schedule without a version, so its author sees the comment and can try again; never a retired one', () => {
    assert.deepEqual(listedSchedules(rows).map((l) => [l.row.id, l.document?.priority ?? null]), [['live', 10], ['changing', 20], ['rejected', null]]);
  });
});
