// How the emergency page writes durations, titles and targets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emergencyTitle, formatDuration, targetGroupNames } from '../../../controller/console/src/pages/emergencies/emergency-format.ts';

describe('emergency format', () => {
  it('writes a running time in seconds, minutes or hours', () => {
    assert.equal(formatDuration(42_400, 'zh-CN'), '42 秒');
    assert.equal(formatDuration(200_000, 'zh-CN'), '3 分 20 秒');
    assert.equal(formatDuration(3_900_000, 'en'), '1 h 5 min');
    assert.equal(formatDuration(-5, 'en'), '0 s');
  });

  it('titles a slide notice by its slide', () => {
    assert.equal(emergencyTitle({ kind: 'slide', contentId: 'c1', slide: { title: '疏散', body: '' } }), '疏散');
  });

  it('names the target groups, keeping the id of a group that is gone', () => {
    assert.equal(targetGroupNames('all', []), null);
    assert.deepEqual(targetGroupNames({ groupIds: ['g2', 'gone'] }, [{ id: 'g2', name: '乌海站' }]), ['乌海站', 'gone']);
  });
});
