import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupDigits, progressTone, reachedPercent } from '../../../controller/console/src/pages/publishes/convergence-figures.ts';

describe('publish progress figures', () => {
  it('never shows 100 % while a screen is behind', () => {
    assert.equal(reachedPercent(1_999, 2_000), 99.9);
    assert.equal(reachedPercent(19_999, 20_000), 99.9);
    assert.equal(reachedPercent(2_000, 2_000), 100);
    assert.equal(reachedPercent(1, 3), 33.3);
  });
  it('counts an empty fleet as complete', () => {
    assert.equal(reachedPercent(0, 0), 100);
  });
  it('is green when complete, red when a screen is in error, moving while screens update', () => {
    assert.equal(progressTone(2, 2, { error: 0, updating: 0 }), 'success');
    assert.equal(progressTone(1, 3, { error: 1, updating: 1 }), 'exception');
    assert.equal(progressTone(1, 3, { error: 0, updating: 2 }), 'active');
    assert.equal(progressTone(1, 3, { error: 0, updating: 0 }), 'normal');
  });
  it('groups digits in threes', () => {
    assert.equal(groupDigits(1998), '1,998');
  });
});
