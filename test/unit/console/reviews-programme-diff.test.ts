// A playlist's or schedule's pending change against the approved version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedKeys, idListChange, playlistItemRows } from '../../../controller/console/src/pages/reviews/programme-diff.ts';

describe('programme diff', () => {
  it('marks every item added when nothing is approved yet', () => {
    const rows = playlistItemRows(null, [{ contentId: 'a', durationMs: 10_000 }, { contentId: 'b', durationMs: 20_000 }]);
    assert.deepEqual(rows.map((r) => [r.contentId, r.change, r.afterPosition]), [['a', 'added', 1], ['b', 'added', 2]]);
  });

  it('tells added, removed, re-timed, moved and unchanged items apart, with repeated content matched in order', () => {
    const before = [{ contentId: 'list-red', durationMs: 30_000 }, { contentId: 'slide', durationMs: 10_000 }, { contentId: 'list-red', durationMs: 30_000 }, { contentId: 'video', durationMs: 15_000 }];
    const after = [{ contentId: 'slide', durationMs: 12_000 }, { contentId: 'list-red', durationMs: 30_000 }, { contentId: 'list-red', durationMs: 30_000 }, { contentId: 'ticker-free', durationMs: 5_000 }];
    assert.deepEqual(playlistItemRows(before, after).map((r) => [r.contentId, r.change, r.beforePosition, r.afterPosition]), [
      ['slide', 'duration', 2, 1],
      ['list-red', 'moved', 1, 2],
      ['list-red', 'same', 3, 3],
      ['ticker-free', 'added', null, 4],
      ['video', 'removed', 4, null],
    ]);
  });

  it('lists ids added and removed', () => {
    assert.deepEqual(idListChange(['t1', 't2'], ['t2', 't3']), { added: ['t3'], removed: ['t1'] });
  });

  it('names the schedule fields whose values differ, arrays compared by content', () => {
    const approved = { playlistId: 'p1', screenGroupIds: ['g1'], weekdays: [1, 2, 3, 4, 5], windows: [{ start: '08:00', end: '18:00' }], priority: 10 };
    const pending = { ...approved, weekdays: [1, 2, 3, 4, 5], windows: [{ start: '08:00', end: '20:00' }], priority: 20 };
    assert.deepEqual(changedKeys(approved, pending, ['playlistId', 'screenGroupIds', 'weekdays', 'windows', 'priority']), ['windows', 'priority']);
    assert.deepEqual(changedKeys(null, pending, ['playlistId', 'priority']), ['playlistId', 'priority']);
  });
});
