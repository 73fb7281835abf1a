import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  contentIdOfItem, instantOnScreenClock, screenClockText, screenSpanText, timedItems, verdictOf, type PreviewContender,
} from '../../../controller/console/src/pages/preview/programme-preview.ts';

const contender = (scheduleId: string, priority: number, sinceMs: number | null): PreviewContender => ({ scheduleId, playlistId: `p-${scheduleId}`, priority, sinceMs, untilMs: 0 });

describe('programme preview', () => {
  it('reads a picked date and time on the screen\'s own clock, whatever the browser\'s zone', () => {
    assert.equal(instantOnScreenClock('2026-12-07', '10:30', 'Asia/Shanghai'), Date.parse('2026-12-07T10:30:00+08:00'));
    assert.equal(instantOnScreenClock('2026-07-01', '10:30', 'Europe/London'), Date.parse('2026-07-01T10:30:00+01:00'));
    assert.equal(screenClockText(Date.parse('2026-12-07T02:30:00Z'), 'Asia/Shanghai'), '2026-12-07 10:30');
    assert.equal(screenClockText(Date.parse('2026-12-31T16:00:00Z'), 'Asia/Shanghai'), '2027-01-01 00:00', 'the screen\'s date, not UTC\'s');
    assert.equal(screenSpanText(Date.parse('2026-12-07T11:00:00+08:00'), Date.parse('2026-12-07T13:00:00+08:00'), 'Asia/Shanghai'), '2026-12-07 11:00 – 13:00');
    assert.equal(screenSpanText(Date.parse('2026-12-07T22:00:00+08:00'), Date.parse('2026-12-08T06:00:00+08:00'), 'Asia/Shanghai'), '2026-12-07 22:00 – 2026-12-08 06:00');
  });

  it('maps manifest item ids back to content ids, leaving the built-in lists as they are', () => {
    assert.equal(contentIdOfItem('listview-4f1c'), '4f1c');
    assert.equal(contentIdOfItem('slide-abc'), 'abc');
    assert.equal(contentIdOfItem('video-v1'), 'v1');
    assert.equal(contentIdOfItem('list-red'), 'list-red');
  });

  it('says why each schedule on at the time did or did not win', () => {
    const winner = contender('w', 20, 1000);
    const contenders = [winner, contender('low', 10, 500), contender('early', 20, 500), contender('same', 20, 1000)];
    assert.deepEqual(contenders.map((c) => verdictOf(c, 'w', contenders)), ['winner', 'lower-priority', 'started-earlier', 'tie-broken-by-id']);
  });

  it('places each item within one loop and totals the loop', () => {
    const { items, loopMs } = timedItems([{ id: 'a', kind: 'list', title: 'A', durationMs: 20_000 }, { id: 'b', kind: 'slide', title: null, durationMs: 15_000 }]);
    assert.deepEqual(items.map((item) => [item.index, item.offsetMs]), [[0, 0], [1, 20_000]]);
    assert.equal(loopMs, 35_000);
  });
});
