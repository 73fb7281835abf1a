// Disk budget: least recently used assets go first, protected ones never, and a sync that cannot fit is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planEvictions } from '../../../player/core/cache/asset-budget.ts';

const asset = (sha256: string, bytes: number, lastUsedAt: number) => ({ sha256, bytes, lastUsedAt });

describe('asset budget', () => {
  it('evicts nothing while everything fits', () => {
    assert.deepEqual(planEvictions([asset('a', 100, 1)], new Set(), 100, 200), { evict: [], fits: true, bytesAfter: 200 });
  });

  it('evicts the least recently used first, and only as many as needed', () => {
    const cached = [asset('new', 100, 30), asset('old', 100, 10), asset('mid', 100, 20)];
    assert.deepEqual(planEvictions(cached, new Set(), 100, 300), { evict: ['old'], fits: true, bytesAfter: 300 });
    assert.deepEqual(planEvictions(cached, new Set(), 200, 300).evict, ['old', 'mid']);
  });

  it('never evicts what the current or next manifest needs, even when it is the oldest', () => {
    const cached = [asset('needed', 100, 1), asset('spare', 100, 50)];
    assert.deepEqual(planEvictions(cached, new Set(['needed']), 100, 200), { evict: ['spare'], fits: true, bytesAfter: 200 });
  });

  it('says it does not fit when the protected assets and the download exceed the budget', () => {
    const plan = planEvictions([asset('needed', 150, 1), asset('spare', 10, 2)], new Set(['needed']), 100, 200);
    assert.equal(plan.fits, false);
    assert.equal(plan.bytesAfter, 250);
  });

  it('breaks ties in last use by hash, so every player evicts the same way', () => {
    const cached = [asset('b', 100, 5), asset('a', 100, 5)];
    assert.deepEqual(planEvictions(cached, new Set(), 0, 100).evict, ['a']);
  });
});
