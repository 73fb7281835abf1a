// The overload guard's decision: refuse new connections while the event loop runs late, not on one blip.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextLagEstimate, SHED_AT_LAG_MS, shouldShed, startOverloadGuard } from '../../../../controller/server/http/overload-guard.ts';

describe('overload guard', () => {
  it('rises at once with a late tick and halves with each punctual one', () => {
    let lag = nextLagEstimate(0, 400);
    assert.equal(lag, 400);
    assert.equal(shouldShed(lag), true);
    lag = nextLagEstimate(lag, 0);
    assert.equal(lag, 200);
    assert.equal(shouldShed(lag), false);
    assert.equal(nextLagEstimate(lag, 300), 300);
  });

  it('sheds only above the threshold', () => {
    assert.equal(shouldShed(SHED_AT_LAG_MS), false);
    assert.equal(shouldShed(SHED_AT_LAG_MS + 1), true);
  });

  it('refuses while the loop is blocked and accepts again once it runs freely', async () => {
    const guard = startOverloadGuard();
    try {
      const decide = () => new Promise<boolean>((resolve) => guard.allowRequest({}, (_error, success) => resolve(success)));
      assert.equal(await decide(), true);
      // Block the loop for well over the threshold, then let the sampler see it.
      const until = Date.now() + SHED_AT_LAG_MS * 3;
      while (Date.now() < until);
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(await decide(), false);
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(await decide(), true);
    } finally {
      guard.stop();
    }
  });
});
