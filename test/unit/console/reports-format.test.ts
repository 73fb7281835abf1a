import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import dayjs from 'dayjs';
import { dayWindow, formatInstant, formatSpan, instantWindow, personLabel } from '../../../controller/console/src/pages/reports/report-format.ts';
import { isBuiltInList, playItemIdOf } from '../../../controller/console/src/pages/reports/play-items.ts';

describe('report formatting', () => {
  it('writes time on screen to a tenth of a second under a minute, in whole units above', () => {
    assert.equal(formatSpan(250, 'zh-CN'), '0.3 秒');
    assert.equal(formatSpan(12_340, 'en'), '12.3 s');
    assert.equal(formatSpan(0, 'zh-CN'), '0.0 秒');
    assert.equal(formatSpan(-5, 'zh-CN'), '0.0 秒', 'a clock step back is not negative time');
    assert.equal(formatSpan(7_384_000, 'zh-CN'), '2 小时 3 分 4 秒');
    assert.equal(formatSpan(3_600_000, 'en'), '1 h');
    assert.equal(formatSpan(61_000, 'en'), '1 min 1 s');
  });

  it('turns picked days into a window from the first day\'s midnight to the midnight after the last', () => {
    const window = dayWindow([dayjs('2025-05-01T15:20'), dayjs('2025-05-03T08:00')]);
    assert.equal(window.from, dayjs('2025-05-01T00:00').valueOf());
    assert.equal(window.to, dayjs('2025-05-04T00:00').valueOf());
    assert.deepEqual(dayWindow(null), {});
    assert.deepEqual(instantWindow([dayjs(1_000), dayjs(5_000)]), { from: 1_000, to: 5_000 });
  });

  it('names a person by name and username, once when they are the same', () => {
    assert.equal(personLabel({ displayName: '审计员丙', username: 'auditor3' }), '审计员丙（auditor3）');
    assert.equal(personLabel({ displayName: 'admin', username: 'admin' }), 'admin');
  });

  it('writes instants to the second, and nothing as a dash', () => {
    assert.equal(formatInstant(dayjs('2025-05-01T08:30:05').valueOf()), '2025-05-01 08:30:05');
    assert.equal(formatInstant(null), '—');
  });
});

describe('proof-of-play items', () => {
  it('names content by the id it has on the manifest; tickers are never played items', () => {
    assert.equal(playItemIdOf({ id: 'c1', kind: 'slide' }), 'slide-c1');
    assert.equal(playItemIdOf({ id: 'c2', kind: 'list-view' }), 'listview-c2');
    assert.equal(playItemIdOf({ id: 'c3', kind: 'video' }), 'video-c3');
    assert.equal(playItemIdOf({ id: 'c4', kind: 'ticker' }), null);
    assert.equal(isBuiltInList('list-red'), true);
    assert.equal(isBuiltInList('slide-c1'), false);
  });
});
