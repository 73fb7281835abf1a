// The offline rule and the history rules, as pure functions of `now`.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_HEALTH_WINDOW_MS,
  MAX_HEALTH_WINDOW_MS,
  OFFLINE_AFTER_MS,
  healthWindow,
  presenceAt,
  presenceChange,
  shouldKeepHeartbeat,
  silentSince,
} from '../../../../controller/server/features/screens/presence.ts';

const NOW = Date.UTC(2024, 5, 1, 4, 0, 0);

describe('screen presence', () => {
  it('goes offline after three missed 30 s heartbeats', () => {
    assert.equal(OFFLINE_AFTER_MS, 3 * 30_000);
  });

  it('is online 89.999 s after the last sign of life and offline at 90 s', () => {
    assert.equal(presenceAt(NOW - 89_999, NOW), 'online');
    assert.equal(presenceAt(NOW - 90_000, NOW), 'offline');
    assert.equal(presenceAt(NOW, NOW), 'online');
  });

  it('is offline for a screen never heard from', () => {
    assert.equal(presenceAt(null, NOW), 'offline');
  });

  it('records one transition per silence, not one per check', () => {
    const lastSeenAt = NOW - 90_000;
    let recorded: 'online' | 'offline' = 'online';
    const changes: string[] = [];
    for (let check = 0; check < 5; check++) {
      const change = presenceChange(recorded, lastSeenAt, NOW + check * 5_000);
      if (change) {
        changes.push(change);
        recorded = change;
      }
    }
    assert.deepEqual(changes, ['offline']);
    assert.equal(presenceChange('online', NOW - 89_999, NOW), null, 'not yet');
    assert.equal(presenceChange('offline', NOW - 1_000, NOW), 'online', 'a sign of life brings it back');
  });

  it('uses the same boundary for the indexed query as for the rule', () => {
    const cutoff = silentSince(NOW);
    assert.equal(presenceAt(cutoff, NOW), 'offline');
    assert.equal(presenceAt(cutoff + 1, NOW), 'online');
  });

  it('honours a shorter threshold given by a test controller', () => {
    assert.equal(presenceAt(NOW - 499, NOW, 500), 'online');
    assert.equal(presenceAt(NOW - 500, NOW, 500), 'offline');
  });
});

describe('heartbeat history sampling', () => {
  it('keeps the first heartbeat, then one per sample interval, and resumes after the clock stepped back', () => {
    assert.equal(shouldKeepHeartbeat(null, NOW, 600_000), true);
    assert.equal(shouldKeepHeartbeat(NOW - 599_999, NOW, 600_000), false);
    assert.equal(shouldKeepHeartbeat(NOW - 600_000, NOW, 600_000), true);
    assert.equal(shouldKeepHeartbeat(NOW + 3_600_000, NOW, 600_000), true);
  });
});

describe('health window', () => {
  it('defaults to the last day', () => {
    assert.deepEqual(healthWindow({}, NOW), { ok: true, from: NOW - DEFAULT_HEALTH_WINDOW_MS, to: NOW });
    assert.deepEqual(healthWindow({ to: NOW - 1_000 }, NOW), { ok: true, from: NOW - 1_000 - DEFAULT_HEALTH_WINDOW_MS, to: NOW - 1_000 });
  });

  it('refuses a window that ends before it starts or spans more than the history keeps', () => {
    assert.deepEqual(healthWindow({ from: NOW, to: NOW - 1 }, NOW), { ok: false, reason: 'from-after-to' });
    assert.deepEqual(healthWindow({ from: NOW - MAX_HEALTH_WINDOW_MS - 1, to: NOW }, NOW), { ok: false, reason: 'window-too-long' });
    assert.deepEqual(healthWindow({ from: NOW - MAX_HEALTH_WINDOW_MS, to: NOW }, NOW), { ok: true, from: NOW - MAX_HEALTH_WINDOW_MS, to: NOW });
  });
});
